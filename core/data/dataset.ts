// A labelled set of sequences of different lengths (MATH.md, "Notation").

export interface Dataset {
  name: string;
  /** N: features per time step, the same for every sequence. */
  numFeatures: number;
  /** Class names; label k of `labels` is classLabels[k]. */
  classLabels: string[];
  /** Sequence i, row-major [t][j]: length T_i * N. */
  sequences: Float64Array[];
  /** Class index of each sequence, in 0..K-1. */
  labels: Int32Array;
}

export function sequenceLength(dataset: Dataset, index: number): number {
  return dataset.sequences[index].length / dataset.numFeatures;
}

/** The sequences at the given indices, sharing buffers with the original. */
export function subset(dataset: Dataset, indices: ArrayLike<number>, name = dataset.name): Dataset {
  const sequences: Float64Array[] = [];
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    sequences.push(dataset.sequences[indices[i]]);
    labels[i] = dataset.labels[indices[i]];
  }
  return { name, numFeatures: dataset.numFeatures, classLabels: dataset.classLabels, sequences, labels };
}

/** Per-feature z-score parameters, fitted on training data only and stored with the model. */
export interface Normalization {
  mean: number[];
  std: number[];
}
