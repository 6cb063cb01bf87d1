// Per-feature z-scoring: statistics fitted on the training part only, then applied to every
// part (and stored with the model, MATH.md "Model JSON").

import type { Dataset, Normalization } from './dataset';

/** Below this a feature counts as constant; its std becomes 1 so (x - mean) / std stays finite. */
const MIN_STD = 1e-8;

/**
 * Mean and population std of each feature over every time step of the chosen sequences
 * (all of them by default). Two passes, so large offsets do not cancel the variance away.
 * With no time steps at all the result is the identity (mean 0, std 1).
 */
export function fitNormalization(dataset: Dataset, indices?: ArrayLike<number>): Normalization {
  const n = dataset.numFeatures;
  const chosen = indices ?? Array.from(dataset.sequences.keys());
  const sum = new Float64Array(n);
  let steps = 0;
  for (let k = 0; k < chosen.length; k++) {
    const values = dataset.sequences[chosen[k]];
    for (let offset = 0; offset < values.length; offset += n) {
      for (let j = 0; j < n; j++) sum[j] += values[offset + j];
    }
    steps += values.length / n;
  }
  const mean = Array.from(sum, (s) => (steps > 0 ? s / steps : 0));
  const squares = new Float64Array(n);
  for (let k = 0; k < chosen.length; k++) {
    const values = dataset.sequences[chosen[k]];
    for (let offset = 0; offset < values.length; offset += n) {
      for (let j = 0; j < n; j++) {
        const d = values[offset + j] - mean[j];
        squares[j] += d * d;
      }
    }
  }
  const std = Array.from(squares, (s) => {
    const sd = steps > 0 ? Math.sqrt(s / steps) : 0;
    return sd < MIN_STD ? 1 : sd;
  });
  return { mean, std };
}

/** A copy of the dataset with every value replaced by (x - mean) / std; labels are shared. */
export function normalizeDataset(dataset: Dataset, norm: Normalization): Dataset {
  const n = dataset.numFeatures;
  if (norm.mean.length !== n || norm.std.length !== n) {
    throw new RangeError(`normalizeDataset: normalization has ${norm.mean.length} features, dataset ${n}`);
  }
  const sequences = dataset.sequences.map((values) => {
    const out = new Float64Array(values.length);
    for (let offset = 0; offset < values.length; offset += n) {
      for (let j = 0; j < n; j++) out[offset + j] = (values[offset + j] - norm.mean[j]) / norm.std[j];
    }
    return out;
  });
  return { ...dataset, sequences };
}
