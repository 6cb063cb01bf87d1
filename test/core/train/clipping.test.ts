// Gradient clipping by global norm and by value (MATH.md, "Gradient clipping").

import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../../../core/numeric';
import { clipGradients } from '../../../core/train/clipping';

function expectValues(actual: FloatArray, expected: number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, digits));
}

describe('clipGradients by global norm', () => {
  it('scales a gradient above theta down to norm theta, keeping its direction', () => {
    // |[3, 4, 0]| = 5 > 1: scale by 1/5.
    const grads = Float64Array.from([3, 4, 0]);
    const outcome = clipGradients(grads, { maxNorm: 1, maxValue: null });
    expectValues(grads, [0.6, 0.8, 0]);
    expect(outcome.normBefore).toBeCloseTo(5, 12);
    expect(outcome.normAfter).toBeCloseTo(1, 12);
    expect(outcome.clipped).toBe(true);
  });

  it('keeps the direction of a larger gradient', () => {
    const original = [1.5, -2, 0.25, 7, -3];
    const grads = Float64Array.from(original);
    const outcome = clipGradients(grads, { maxNorm: 0.5, maxValue: null });
    const ratio = grads[0] / original[0];
    expect(ratio).toBeCloseTo(0.5 / outcome.normBefore, 12);
    original.forEach((g, i) => expect(grads[i]).toBeCloseTo(g * ratio, 12));
    expect(outcome.normAfter).toBeCloseTo(0.5, 12);
  });

  it('leaves a gradient at theta untouched', () => {
    const grads = Float64Array.from([3, 4]);
    const outcome = clipGradients(grads, { maxNorm: 5, maxValue: null });
    expect(Array.from(grads)).toEqual([3, 4]);
    expect(outcome).toEqual({ normBefore: 5, normAfter: 5, clipped: false });
  });

  it('leaves a gradient below theta untouched', () => {
    const grads = Float64Array.from([3, -4]);
    const outcome = clipGradients(grads, { maxNorm: 10, maxValue: null });
    expect(Array.from(grads)).toEqual([3, -4]);
    expect(outcome).toEqual({ normBefore: 5, normAfter: 5, clipped: false });
  });

  it('clips float32 gradients to theta', () => {
    const grads = Float32Array.from([3, 4]);
    const outcome = clipGradients(grads, { maxNorm: 2, maxValue: null });
    expectValues(grads, [1.2, 1.6], 6);
    expect(outcome.normAfter).toBeCloseTo(2, 6);
  });

  it('accumulates the norm in float64, beyond the float32 range of the squares', () => {
    // 1e20^2 overflows float32 but not float64: |[1e20, 1e20, 1e20, 1e20]| = 2e20.
    const grads = new Float32Array(4).fill(1e20);
    const outcome = clipGradients(grads, { maxNorm: 1, maxValue: null });
    expect(outcome.normBefore / 2e20).toBeCloseTo(1, 6);
    expectValues(grads, [0.5, 0.5, 0.5, 0.5], 6);
  });
});

describe('clipGradients by value', () => {
  it('clamps every element to [-c, c]', () => {
    // |[-3, 0.5, 2]| = sqrt(13.25); after clamping to [-1, 1]: |[-1, 0.5, 1]| = 1.5
    const grads = Float64Array.from([-3, 0.5, 2]);
    const outcome = clipGradients(grads, { maxNorm: null, maxValue: 1 });
    expect(Array.from(grads)).toEqual([-1, 0.5, 1]);
    expect(outcome.normBefore).toBeCloseTo(Math.sqrt(13.25), 12);
    expect(outcome.normAfter).toBeCloseTo(1.5, 12);
    expect(outcome.clipped).toBe(true);
  });

  it('reports no clipping when every element is within [-c, c]', () => {
    const grads = Float64Array.from([-1, 0.5, 1]);
    const outcome = clipGradients(grads, { maxNorm: null, maxValue: 1 });
    expect(Array.from(grads)).toEqual([-1, 0.5, 1]);
    expect(outcome).toEqual({ normBefore: 1.5, normAfter: 1.5, clipped: false });
  });
});

describe('clipGradients with both', () => {
  it('clips by value first, then by norm', () => {
    // value c = 2: [3, 4, 0] -> [2, 2, 0], norm sqrt(8) > 1 -> [1/sqrt(2), 1/sqrt(2), 0].
    // (Norm first would give [0.6, 0.8, 0].)
    const grads = Float64Array.from([3, 4, 0]);
    const outcome = clipGradients(grads, { maxNorm: 1, maxValue: 2 });
    expectValues(grads, [Math.SQRT1_2, Math.SQRT1_2, 0]);
    expect(outcome.normBefore).toBeCloseTo(5, 12);
    expect(outcome.normAfter).toBeCloseTo(1, 12);
    expect(outcome.clipped).toBe(true);
  });

  it('reports clipping when only the value bound acts', () => {
    // [3, 4] -> [3, 3.5], norm sqrt(21.25) < 10.
    const grads = Float64Array.from([3, 4]);
    const outcome = clipGradients(grads, { maxNorm: 10, maxValue: 3.5 });
    expect(Array.from(grads)).toEqual([3, 3.5]);
    expect(outcome.normBefore).toBe(5);
    expect(outcome.normAfter).toBeCloseTo(Math.sqrt(21.25), 12);
    expect(outcome.clipped).toBe(true);
  });

  it('judges the norm after value clipping', () => {
    // [3, 4] has norm 5 > 4, but after clamping to 2 it is [2, 2] with norm sqrt(8) < 4.
    const grads = Float64Array.from([3, 4]);
    const outcome = clipGradients(grads, { maxNorm: 4, maxValue: 2 });
    expect(Array.from(grads)).toEqual([2, 2]);
    expect(outcome.normAfter).toBeCloseTo(Math.sqrt(8), 12);
  });
});

describe('clipGradients without clipping', () => {
  it('only measures the norm', () => {
    const grads = Float64Array.from([300, -400]);
    const outcome = clipGradients(grads, { maxNorm: null, maxValue: null });
    expect(Array.from(grads)).toEqual([300, -400]);
    expect(outcome).toEqual({ normBefore: 500, normAfter: 500, clipped: false });
  });

  it('measures an empty gradient as 0', () => {
    expect(clipGradients(new Float64Array(0), { maxNorm: 1, maxValue: 1 })).toEqual({
      normBefore: 0,
      normAfter: 0,
      clipped: false,
    });
  });
});

describe('clipGradients with non-finite gradients', () => {
  it('returns a NaN norm without throwing or scaling', () => {
    const grads = Float64Array.from([NaN, 1]);
    const outcome = clipGradients(grads, { maxNorm: 1, maxValue: null });
    expect(outcome.normBefore).toBeNaN();
    expect(outcome.normAfter).toBeNaN();
    expect(outcome.clipped).toBe(false);
    expect(grads[1]).toBe(1);
  });

  it('returns an infinite norm without turning the gradient into NaN', () => {
    const grads = Float64Array.from([Infinity, 1]);
    const outcome = clipGradients(grads, { maxNorm: 1, maxValue: null });
    expect(outcome.normBefore).toBe(Infinity);
    expect(outcome.normAfter).toBe(Infinity);
    expect(outcome.clipped).toBe(false);
    expect(Array.from(grads)).toEqual([Infinity, 1]);
  });

  it('lets value clipping bound infinities before the norm is taken', () => {
    // [inf, 1] -> [2, 1], norm sqrt(5) > 1 -> [2, 1] / sqrt(5).
    const grads = Float64Array.from([Infinity, 1]);
    const outcome = clipGradients(grads, { maxNorm: 1, maxValue: 2 });
    expect(outcome.normBefore).toBe(Infinity);
    expect(outcome.normAfter).toBeCloseTo(1, 12);
    expect(outcome.clipped).toBe(true);
    expectValues(grads, [2 / Math.sqrt(5), 1 / Math.sqrt(5)]);
  });
});
