// TensorBoard's debiased EMA, checked against hand-worked values and its own formula.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debiasedEma } from '../../../core/metrics/smoothing';

/** TensorBoard's code as written there: the debias weight as 1 - w^n. */
function tensorBoardSmooth(values: number[], weight: number): number[] {
  let last = 0;
  let accumulated = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    last = last * weight + (1 - weight) * v;
    accumulated++;
    return last / (1 - Math.pow(weight, accumulated));
  });
}

describe('debiasedEma', () => {
  it('matches hand-worked values', () => {
    // w = 0.5: last = 0.5, 1.25, 2.125; debias = 0.5, 0.75, 0.875.
    expect(Array.from(debiasedEma([1, 2, 3], 0.5))).toEqual([1, 1.25 / 0.75, 2.125 / 0.875]);
    expect(debiasedEma([1, 2, 3], 0.5)[2]).toBeCloseTo(17 / 7, 15);
  });

  it("equals TensorBoard's formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (values, weight) => {
          const ours = debiasedEma(values, weight);
          const theirs = tensorBoardSmooth(values, weight);
          const scale = Math.max(1, ...values.map(Math.abs));
          theirs.forEach((t, i) => expect(Math.abs(ours[i] - t)).toBeLessThanOrEqual(1e-9 * scale));
        },
      ),
    );
  });

  it('makes the first smoothed value equal the first raw value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (values, weight) => {
          const first = debiasedEma(values, weight)[0];
          expect(Math.abs(first - values[0])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(values[0])));
        },
      ),
    );
    expect(debiasedEma([7, 0, 0], 0.9)[0]).toBe(7);
  });

  it('passes non-finite values through without breaking the average', () => {
    const smoothed = debiasedEma([1, NaN, 3, Infinity, 5, -Infinity], 0.5);
    const finiteOnly = debiasedEma([1, 3, 5], 0.5);
    expect(smoothed[1]).toBeNaN();
    expect(smoothed[3]).toBe(Infinity);
    expect(smoothed[5]).toBe(-Infinity);
    expect([smoothed[0], smoothed[2], smoothed[4]]).toEqual(Array.from(finiteOnly));
  });

  it('returns the input for weight 0 and for a constant series', () => {
    expect(Array.from(debiasedEma([3, -1, 8], 0))).toEqual([3, -1, 8]);
    expect(Array.from(debiasedEma([0.1, 0.1, 0.1, 0.1], 0.9))).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(debiasedEma([], 0.6)).toHaveLength(0);
  });

  it('refuses a weight outside [0, 1)', () => {
    expect(() => debiasedEma([1, 2], 1)).toThrow(RangeError);
    expect(() => debiasedEma([1, 2], -0.1)).toThrow(RangeError);
    expect(() => debiasedEma([1, 2], NaN)).toThrow(RangeError);
  });
});
