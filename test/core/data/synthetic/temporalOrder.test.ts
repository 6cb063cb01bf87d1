// The temporal order problem: one-hot rows, marks in their windows, labels spelled by the
// marks, lengths in range, determinism and a held-out test set.

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../core/data/dataset';
import { datasetFingerprint } from '../../../../core/data/fingerprint';
import {
  generateTemporalOrder,
  temporalOrderClassLabels,
  temporalOrderWindows,
  type TemporalOrderBits,
  type TemporalOrderOptions,
} from '../../../../core/data/synthetic/temporalOrder';

const N = 6;
const STATED: Record<TemporalOrderBits, Array<[number, number]>> = {
  2: [
    [0.1, 0.2],
    [0.5, 0.6],
  ],
  3: [
    [0.1, 0.2],
    [0.3, 0.4],
    [0.6, 0.7],
  ],
};

function options(overrides: Partial<TemporalOrderOptions> = {}): TemporalOrderOptions {
  return { bits: 2, seed: 1, minT: 50, maxT: 50, n: 300, nTest: 100, ...overrides };
}

/** The symbol index of every step, checking that each row is one-hot. */
function symbolsOf(d: Dataset, i: number): number[] {
  const values = d.sequences[i];
  const symbols: number[] = [];
  for (let t = 0; t < values.length / N; t++) {
    const row = Array.from(values.subarray(t * N, (t + 1) * N));
    expect(row.filter((x) => x === 1).length).toBe(1);
    expect(row.filter((x) => x === 0).length).toBe(N - 1);
    symbols.push(row.indexOf(1));
  }
  return symbols;
}

/** Checks the marks of every sequence against the stated windows and the label. */
function checkMarks(d: Dataset, bits: TemporalOrderBits, exactWindows: boolean): void {
  for (let i = 0; i < d.sequences.length; i++) {
    const symbols = symbolsOf(d, i);
    const T = symbols.length;
    const marks = symbols.flatMap((s, t) => (s < 2 ? [t] : []));
    expect(marks.length).toBe(bits);
    const windows = exactWindows
      ? STATED[bits].map(([a, b]): [number, number] => [Math.floor(a * T), Math.floor(b * T)])
      : temporalOrderWindows(T, bits);
    marks.forEach((t, b) => {
      expect(t).toBeGreaterThanOrEqual(windows[b][0]);
      expect(t).toBeLessThan(windows[b][1]);
    });
    const spelled = marks.map((t) => (symbols[t] === 0 ? 'A' : 'B')).join('');
    expect(d.classLabels[d.labels[i]]).toBe(spelled);
  }
}

describe.each([2, 3] as const)('temporal order with %i marks', (bits) => {
  it('has the documented shapes and class labels', () => {
    const { train, test } = generateTemporalOrder(options({ bits }));
    expect(train.sequences.length).toBe(300);
    expect(test.sequences.length).toBe(100);
    for (const d of [train, test]) {
      expect(d.numFeatures).toBe(N);
      expect(d.labels.length).toBe(d.sequences.length);
      for (const s of d.sequences) expect(s.length).toBe(50 * N);
    }
    expect(train.classLabels).toEqual(
      bits === 2 ? ['AA', 'AB', 'BA', 'BB'] : ['AAA', 'AAB', 'ABA', 'ABB', 'BAA', 'BAB', 'BBA', 'BBB'],
    );
    expect(train.name).toBe(bits === 2 ? 'temporal-order (T=50)' : 'temporal-order-3bit (T=50)');
  });

  it('puts the marks in the stated windows, spelling the label, with distractors elsewhere', () => {
    const { train, test } = generateTemporalOrder(options({ bits, minT: 10, maxT: 120 }));
    checkMarks(train, bits, true);
    checkMarks(test, bits, true);
  });

  it('uses every class and every distractor', () => {
    const { train } = generateTemporalOrder(options({ bits }));
    expect(new Set(train.labels).size).toBe(1 << bits);
    const symbols = new Set(train.sequences.flatMap((_, i) => symbolsOf(train, i)));
    expect([...symbols].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('draws each length uniformly from minT..maxT', () => {
    const { train } = generateTemporalOrder(options({ bits, minT: 20, maxT: 24, n: 500 }));
    const lengths = train.sequences.map((s) => s.length / N);
    expect(new Set(lengths)).toEqual(new Set([20, 21, 22, 23, 24]));
    expect(train.name).toContain('T=20..24');
  });

  it('still places distinct marks in tiny sequences', () => {
    for (let T = bits; T < 12; T++) {
      const windows = temporalOrderWindows(T, bits);
      windows.forEach(([lo, hi], b) => {
        expect(lo).toBeGreaterThanOrEqual(b === 0 ? 0 : windows[b - 1][1]);
        expect(hi).toBeGreaterThan(lo);
        expect(hi).toBeLessThanOrEqual(T);
      });
      checkMarks(
        generateTemporalOrder(options({ bits, minT: T, maxT: T, n: 40, nTest: 0 })).train,
        bits,
        false,
      );
    }
  });

  it('uses exactly the stated windows from T = 10 on', () => {
    for (let T = 10; T <= 500; T++) {
      const stated = STATED[bits].map(([a, b]) => [Math.floor(a * T), Math.floor(b * T)]);
      expect(temporalOrderWindows(T, bits)).toEqual(stated);
    }
  });

  it('is deterministic, differs between seeds, and its test set is fresh', () => {
    const a = generateTemporalOrder(options({ bits }));
    const b = generateTemporalOrder(options({ bits }));
    const c = generateTemporalOrder(options({ bits, seed: 2 }));
    expect(a).toEqual(b);
    expect(datasetFingerprint(a.train)).toBe(datasetFingerprint(b.train));
    expect(datasetFingerprint(c.train)).not.toBe(datasetFingerprint(a.train));
    const sameSize = generateTemporalOrder(options({ bits, n: 100, nTest: 100 }));
    expect(datasetFingerprint(sameSize.test)).not.toBe(datasetFingerprint(sameSize.train));
  });

  it('generates 2000 sequences of T = 100 fast', () => {
    generateTemporalOrder(options({ bits, n: 100 })); // warm up
    const start = performance.now();
    generateTemporalOrder(options({ bits, minT: 100, maxT: 100, n: 2000, nTest: 0 }));
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('temporalOrderClassLabels', () => {
  it('spells class k in binary with A = 0 and B = 1', () => {
    expect(temporalOrderClassLabels(2)).toEqual(['AA', 'AB', 'BA', 'BB']);
    expect(temporalOrderClassLabels(3)[6]).toBe('BBA');
  });
});

describe('generateTemporalOrder', () => {
  it('refuses a length range without room for the marks', () => {
    expect(() => generateTemporalOrder(options({ minT: 1, maxT: 5 }))).toThrow(RangeError);
    expect(() => generateTemporalOrder(options({ bits: 3, minT: 2, maxT: 2 }))).toThrow(RangeError);
    expect(() => generateTemporalOrder(options({ minT: 9, maxT: 8 }))).toThrow(RangeError);
  });
});
