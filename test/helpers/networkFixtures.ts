// Small deterministic networks and datasets for the math tests.

import type { Architecture } from '../../core/model/architecture';
import type { Parameters } from '../../core/model/parameters';
import { allocateParameters } from '../../core/model/parameters';
import type { Dataset } from '../../core/data/dataset';
import type { Precision } from '../../core/numeric';
import { createRng } from '../../core/random';

export function architecture(overrides: Partial<Architecture> = {}): Architecture {
  return {
    inputSize: 3,
    hiddenSize: 4,
    numClasses: 3,
    numLayers: 1,
    cell: 'elman',
    activation: 'tanh',
    residual: false,
    ...overrides,
  };
}

/** Weights drawn from N(0, scale^2) with a fixed seed (biases too, so every path is exercised). */
export function randomParameters(
  arch: Architecture,
  seed = 7,
  precision: Precision = 'float64',
  scale = 0.5,
): Parameters {
  const params = allocateParameters(arch, precision);
  const rng = createRng(seed, 'test-params');
  for (let i = 0; i < params.values.length; i++) params.values[i] = scale * rng.normal();
  return params;
}

/** Sequences of the given lengths with random features and labels. */
export function randomDataset(
  lengths: number[],
  numFeatures: number,
  numClasses: number,
  seed = 11,
): Dataset {
  const rng = createRng(seed, 'test-data');
  const sequences = lengths.map((T) => Float64Array.from({ length: T * numFeatures }, () => rng.normal()));
  const labels = Int32Array.from(lengths, (_, i) => i % numClasses);
  return {
    name: 'random',
    numFeatures,
    classLabels: Array.from({ length: numClasses }, (_, k) => `c${k}`),
    sequences,
    labels,
  };
}
