// Normalization: per-feature mean and population std over every time step, fitted on the
// given sequences only; constant features stay finite.

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../core/data/dataset';
import { fitNormalization, normalizeDataset } from '../../../core/data/normalization';

function makeDataset(): Dataset {
  return {
    name: 'norm',
    numFeatures: 2,
    classLabels: ['a', 'b'],
    sequences: [
      Float64Array.from([1, 5, 3, 5]), // two steps: (1, 5), (3, 5)
      Float64Array.from([5, 5]), // one step
      Float64Array.from([1000, -1000, 2000, -2000]),
    ],
    labels: Int32Array.from([0, 1, 0]),
  };
}

describe('fitNormalization', () => {
  it('pools every time step of the chosen sequences, with the population std', () => {
    const norm = fitNormalization(makeDataset(), [0, 1]);
    // Feature 0 over steps 1, 3, 5: mean 3, variance 8/3. Feature 1 is constant 5.
    expect(norm.mean[0]).toBeCloseTo(3, 12);
    expect(norm.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(norm.mean[1]).toBeCloseTo(5, 12);
    expect(norm.std[1]).toBe(1);
  });

  it('uses only the given indices', () => {
    const d = makeDataset();
    const fitted = fitNormalization(d, [2]);
    expect(fitted.mean).toEqual([1500, -1500]);
    expect(fitted.std).toEqual([500, 500]);
    d.sequences[0][0] = 1e9; // not in the chosen set
    expect(fitNormalization(d, [2])).toEqual(fitted);
  });

  it('uses every sequence by default', () => {
    const d = makeDataset();
    expect(fitNormalization(d)).toEqual(fitNormalization(d, [0, 1, 2]));
  });

  it('is exact for large offsets (two passes)', () => {
    const d: Dataset = {
      ...makeDataset(),
      numFeatures: 1,
      sequences: [Float64Array.from([1e9 + 1, 1e9 + 2, 1e9 + 3])],
      labels: Int32Array.from([0]),
    };
    expect(fitNormalization(d).std[0]).toBeCloseTo(Math.sqrt(2 / 3), 6);
  });

  it('falls back to the identity with no data', () => {
    expect(fitNormalization(makeDataset(), [])).toEqual({ mean: [0, 0], std: [1, 1] });
  });
});

describe('normalizeDataset', () => {
  it('gives (x - mean) / std in new buffers, leaving the input alone', () => {
    const d = makeDataset();
    const out = normalizeDataset(d, { mean: [1, 5], std: [2, 1] });
    expect(Array.from(out.sequences[0])).toEqual([0, 0, 1, 0]);
    expect(Array.from(out.sequences[1])).toEqual([2, 0]);
    expect(out.sequences[0]).not.toBe(d.sequences[0]);
    expect(Array.from(d.sequences[0])).toEqual([1, 5, 3, 5]);
    expect(out.labels).toEqual(d.labels);
    expect(out.classLabels).toEqual(d.classLabels);
  });

  it('leaves fitted data with mean 0 and std 1 per non-constant feature', () => {
    const d = makeDataset();
    const out = normalizeDataset(d, fitNormalization(d));
    const again = fitNormalization(out);
    expect(again.mean[0]).toBeCloseTo(0, 12);
    expect(again.std[0]).toBeCloseTo(1, 12);
  });

  it('refuses a normalization of another width', () => {
    expect(() => normalizeDataset(makeDataset(), { mean: [0], std: [1] })).toThrow(RangeError);
  });
});
