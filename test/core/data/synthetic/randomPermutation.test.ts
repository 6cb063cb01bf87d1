// The random permutation problem: one-hot over S symbols, the class in the first step only.

import { describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../../../core/data/fingerprint';
import {
  generateRandomPermutation,
  type RandomPermutationOptions,
} from '../../../../core/data/synthetic/randomPermutation';

function options(overrides: Partial<RandomPermutationOptions> = {}): RandomPermutationOptions {
  return { symbols: 12, seed: 1, minT: 10, maxT: 10, n: 400, nTest: 100, ...overrides };
}

describe('random permutation', () => {
  it('has the documented shapes and class labels', () => {
    const { train, test } = generateRandomPermutation(options());
    expect(train.sequences.length).toBe(400);
    expect(test.sequences.length).toBe(100);
    expect(train.numFeatures).toBe(12);
    expect(train.classLabels).toEqual(['0', '1']);
    expect(train.name).toBe('random-permutation (T=10, S=12)');
    for (const s of train.sequences) expect(s.length).toBe(10 * 12);
  });

  it('holds the class in the first step and random distractors 2..S-1 after it', () => {
    const S = 12;
    const { train } = generateRandomPermutation(options());
    const seen = new Set<number>();
    train.sequences.forEach((values, i) => {
      for (let t = 0; t < values.length / S; t++) {
        const row = Array.from(values.subarray(t * S, (t + 1) * S));
        expect(row.filter((x) => x === 1).length).toBe(1);
        expect(row.reduce((a, b) => a + b, 0)).toBe(1);
        const symbol = row.indexOf(1);
        if (t === 0) expect(String(symbol)).toBe(train.classLabels[train.labels[i]]);
        else {
          expect(symbol).toBeGreaterThanOrEqual(2);
          seen.add(symbol);
        }
      }
    });
    expect(seen.size).toBe(S - 2);
    expect(new Set(train.labels)).toEqual(new Set([0, 1]));
  });

  it('draws each length from minT..maxT, down to T = 1', () => {
    const { train } = generateRandomPermutation(options({ minT: 1, maxT: 4 }));
    expect(new Set(train.sequences.map((s) => s.length / 12))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('is deterministic, differs between seeds, and its test set is fresh', () => {
    const a = generateRandomPermutation(options());
    expect(generateRandomPermutation(options())).toEqual(a);
    const c = generateRandomPermutation(options({ seed: 9 }));
    expect(datasetFingerprint(c.train)).not.toBe(datasetFingerprint(a.train));
    const sameSize = generateRandomPermutation(options({ n: 100 }));
    expect(datasetFingerprint(sameSize.test)).not.toBe(datasetFingerprint(sameSize.train));
  });

  it('refuses fewer than 3 symbols or a bad length range', () => {
    expect(() => generateRandomPermutation(options({ symbols: 2 }))).toThrow(RangeError);
    expect(() => generateRandomPermutation(options({ minT: 0, maxT: 3 }))).toThrow(RangeError);
  });
});
