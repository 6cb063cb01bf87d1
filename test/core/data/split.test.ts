// The stratified split: per-class shares, the edge cases, ascending order and determinism.

import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../../../core/data/split';

function countsByClass(labels: Int32Array, indices: Int32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const i of indices) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  return counts;
}

/** 60 of class 0, 30 of class 1, 10 of class 2, interleaved. */
function makeLabels(): Int32Array {
  const labels: number[] = [];
  for (let i = 0; i < 100; i++) labels.push(i % 10 === 0 ? 2 : i % 3 === 0 ? 1 : 0);
  return Int32Array.from(labels);
}

describe('stratifiedSplit', () => {
  it('sends round(fraction * count) of each class to validation', () => {
    const labels = makeLabels();
    const total = countsByClass(labels, Int32Array.from(labels.keys()));
    const { train, val } = stratifiedSplit(labels, 0.25, 7);
    const valCounts = countsByClass(labels, val);
    for (const [label, count] of total) {
      expect(valCounts.get(label) ?? 0).toBe(Math.round(0.25 * count));
    }
    expect(train.length + val.length).toBe(labels.length);
  });

  it('partitions the indices, each part ascending', () => {
    const labels = makeLabels();
    const { train, val } = stratifiedSplit(labels, 0.3, 1);
    const all = [...train, ...val].sort((a, b) => a - b);
    expect(all).toEqual(Array.from(labels.keys()));
    for (const part of [train, val]) {
      for (let k = 1; k < part.length; k++) expect(part[k]).toBeGreaterThan(part[k - 1]);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const labels = makeLabels();
    const a = stratifiedSplit(labels, 0.2, 42);
    const b = stratifiedSplit(labels, 0.2, 42);
    const c = stratifiedSplit(labels, 0.2, 43);
    expect(a).toEqual(b);
    expect(Array.from(c.val)).not.toEqual(Array.from(a.val));
  });

  it('puts nothing in validation when the fraction is 0', () => {
    const labels = makeLabels();
    const { train, val } = stratifiedSplit(labels, 0, 1);
    expect(val.length).toBe(0);
    expect(Array.from(train)).toEqual(Array.from(labels.keys()));
  });

  it('keeps at least one training example of every class', () => {
    const labels = Int32Array.from([0, 0, 1, 1, 1, 2]);
    const { train } = stratifiedSplit(labels, 1, 3);
    expect(countsByClass(labels, train)).toEqual(
      new Map([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    );
    // A class with a single example stays in training even when the fraction rounds it away.
    expect(Array.from(stratifiedSplit(Int32Array.from([0, 0, 1]), 0.5, 3).train)).toContain(2);
  });

  it('refuses a fraction outside [0, 1]', () => {
    expect(() => stratifiedSplit(Int32Array.from([0, 1]), 1.5, 1)).toThrow(RangeError);
    expect(() => stratifiedSplit(Int32Array.from([0, 1]), Number.NaN, 1)).toThrow(RangeError);
  });
});
