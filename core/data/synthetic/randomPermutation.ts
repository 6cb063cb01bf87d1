// The random permutation problem of Hochreiter & Schmidhuber (1997), as Pascanu, Mikolov &
// Bengio (2013) used it: the first step holds symbol 0 or 1, every later step a random
// symbol from 2..S-1, and the class is the first symbol. Only the first step carries
// information, so the net must remember it over the whole sequence.

import type { Dataset } from '../dataset';
import { createRng, type Rng } from '../../random';

export const RANDOM_PERMUTATION_CLASS_LABELS = ['0', '1'] as const;

export interface RandomPermutationOptions {
  /** S: symbols, one-hot over S features; at least 3 (two classes and one distractor). */
  symbols: number;
  seed: number;
  /** Each sequence draws its length uniformly from minT..maxT (equal for a fixed T). */
  minT: number;
  maxT: number;
  n: number;
  /** Held-out test sequences, drawn from a different random stream. */
  nTest: number;
}

export function generateRandomPermutation(options: RandomPermutationOptions): {
  train: Dataset;
  test: Dataset;
} {
  const { symbols, seed, minT, maxT } = options;
  if (!(Number.isInteger(symbols) && symbols >= 3)) {
    throw new RangeError(`generateRandomPermutation: need at least 3 symbols, got ${symbols}`);
  }
  if (!(Number.isInteger(minT) && Number.isInteger(maxT) && minT >= 1 && maxT >= minT)) {
    throw new RangeError(`generateRandomPermutation: bad length range ${minT}..${maxT}`);
  }
  const name = `random-permutation (T=${minT === maxT ? minT : `${minT}..${maxT}`}, S=${symbols})`;
  return {
    train: sample(options, options.n, createRng(seed, 'random-permutation/train'), name),
    test: sample(options, options.nTest, createRng(seed, 'random-permutation/test'), `${name}, test`),
  };
}

function sample(options: RandomPermutationOptions, count: number, rng: Rng, name: string): Dataset {
  const { symbols, minT, maxT } = options;
  const sequences: Float64Array[] = [];
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const T = minT + rng.int(maxT - minT + 1);
    const label = rng.int(2);
    const values = new Float64Array(T * symbols);
    values[label] = 1;
    for (let t = 1; t < T; t++) values[t * symbols + 2 + rng.int(symbols - 2)] = 1;
    sequences.push(values);
    labels[i] = label;
  }
  return { name, numFeatures: symbols, classLabels: [...RANDOM_PERMUTATION_CLASS_LABELS], sequences, labels };
}
