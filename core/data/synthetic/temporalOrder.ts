// The temporal order problem of Hochreiter & Schmidhuber (1997), in the form Pascanu, Mikolov
// & Bengio (2013) used: a long stream of distractors with two (or three) marked steps far
// apart, each holding A or B; the class is the order of the marks (AA, AB, BA, BB). The net
// must carry the first mark across the whole gap, which is what vanishing gradients forbid.

import type { Dataset } from '../dataset';
import { createRng, type Rng } from '../../random';

/** Feature j of a step is one-hot symbol j: marks A and B, then the distractors c..f. */
export const TEMPORAL_ORDER_SYMBOLS = ['A', 'B', 'c', 'd', 'e', 'f'] as const;

export type TemporalOrderBits = 2 | 3;

export interface TemporalOrderOptions {
  /** 2 marked steps (4 classes) or 3 (8 classes). */
  bits: TemporalOrderBits;
  seed: number;
  /** Each sequence draws its length uniformly from minT..maxT (equal for a fixed T). */
  minT: number;
  maxT: number;
  /** Training sequences. */
  n: number;
  /** Held-out test sequences, drawn from a different random stream. */
  nTest: number;
}

/** Where the marks may fall, as fractions of the sequence length: [from, to). */
const MARK_WINDOWS: Record<TemporalOrderBits, ReadonlyArray<readonly [number, number]>> = {
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

/** The shortest sequence with room for every mark: one step each. */
export function temporalOrderMinLength(bits: TemporalOrderBits): number {
  return bits;
}

/**
 * The step ranges [lo, hi) of the marks for a sequence of length T: [floor(from T),
 * floor(to T)). For tiny T a window could be empty or overlap the previous one, so each is
 * widened to at least one step and starts after the previous window: the marks then always
 * fall on distinct valid steps (for T >= 10 the windows are exactly the stated ones).
 */
export function temporalOrderWindows(T: number, bits: TemporalOrderBits): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  let previousEnd = 0;
  for (const [from, to] of MARK_WINDOWS[bits]) {
    const lo = Math.max(Math.floor(from * T), previousEnd);
    const hi = Math.max(Math.floor(to * T), lo + 1);
    windows.push([lo, hi]);
    previousEnd = hi;
  }
  return windows;
}

/** "AA", "AB", "BA", "BB" (or "AAA" .. "BBB"): class k spells k in binary, A = 0, B = 1. */
export function temporalOrderClassLabels(bits: TemporalOrderBits): string[] {
  return Array.from({ length: 1 << bits }, (_, k) =>
    Array.from({ length: bits }, (_, b) => TEMPORAL_ORDER_SYMBOLS[(k >> (bits - 1 - b)) & 1]).join(''),
  );
}

export function generateTemporalOrder(options: TemporalOrderOptions): { train: Dataset; test: Dataset } {
  const { bits, seed, minT, maxT } = options;
  if (!(Number.isInteger(minT) && Number.isInteger(maxT) && minT >= bits && maxT >= minT)) {
    throw new RangeError(`generateTemporalOrder: bad length range ${minT}..${maxT}`);
  }
  const task = bits === 3 ? 'temporal-order-3bit' : 'temporal-order';
  const name = `${task} (T=${minT === maxT ? minT : `${minT}..${maxT}`})`;
  return {
    train: sample(options, options.n, createRng(seed, `${task}/train`), name),
    test: sample(options, options.nTest, createRng(seed, `${task}/test`), `${name}, test`),
  };
}

function sample(options: TemporalOrderOptions, count: number, rng: Rng, name: string): Dataset {
  const { bits, minT, maxT } = options;
  const n = TEMPORAL_ORDER_SYMBOLS.length;
  const distractors = n - 2;
  const sequences: Float64Array[] = [];
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const T = minT + rng.int(maxT - minT + 1);
    const label = rng.int(1 << bits);
    const values = new Float64Array(T * n);
    for (let t = 0; t < T; t++) values[t * n + 2 + rng.int(distractors)] = 1;
    const windows = temporalOrderWindows(T, bits);
    for (let b = 0; b < bits; b++) {
      const [lo, hi] = windows[b];
      const t = lo + rng.int(hi - lo);
      values.fill(0, t * n, (t + 1) * n);
      values[t * n + ((label >> (bits - 1 - b)) & 1)] = 1;
    }
    sequences.push(values);
    labels[i] = label;
  }
  return { name, numFeatures: n, classLabels: temporalOrderClassLabels(bits), sequences, labels };
}
