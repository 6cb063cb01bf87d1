// A mini-batch in the layout the network wants: time-major inputs [t][row][j] with the rows
// sorted by length, longest first. At step t the rows still running are then exactly the
// first activeRows[t], so padding is never computed and never changes a result
// (MATH.md, "Head and loss": padding never changes a result).

import type { Dataset } from '../data/dataset';
import type { FloatArray, Precision } from '../numeric';
import { allocate } from '../numeric';

export interface Batch {
  size: number;
  numFeatures: number;
  maxLength: number;
  /** T_r of each row, non-increasing. */
  lengths: Int32Array;
  /** Number of rows with length > t, for t in 0..maxLength-1. */
  activeRows: Int32Array;
  /** Position in the requested index list of the sequence in each row. */
  order: Int32Array;
  /** Class index of each row (-1 when unknown, e.g. for prediction). */
  targets: Int32Array;
  /** [maxLength][size][numFeatures]; padded entries are zero and never read. */
  inputs: FloatArray;
}

/** Builds a batch of the dataset's sequences at `indices` (in any order). */
export function makeBatch(dataset: Dataset, indices: ArrayLike<number>, precision: Precision): Batch {
  const size = indices.length;
  const n = dataset.numFeatures;
  const order = Int32Array.from({ length: size }, (_, i) => i);
  const lengthOf = (position: number): number => dataset.sequences[indices[position]].length / n;
  // Stable sort: equal lengths keep their given order, so batches are reproducible.
  const sorted = Array.from(order).sort((a, b) => lengthOf(b) - lengthOf(a) || a - b);
  order.set(sorted);

  const lengths = new Int32Array(size);
  const targets = new Int32Array(size);
  for (let r = 0; r < size; r++) {
    lengths[r] = lengthOf(order[r]);
    targets[r] = dataset.labels[indices[order[r]]] ?? -1;
  }
  const maxLength = size > 0 ? lengths[0] : 0;
  const activeRows = new Int32Array(maxLength);
  for (let t = 0; t < maxLength; t++) {
    let count = 0;
    while (count < size && lengths[count] > t) count++;
    activeRows[t] = count;
  }

  const inputs = allocate(precision, maxLength * size * n);
  for (let r = 0; r < size; r++) {
    const sequence = dataset.sequences[indices[order[r]]];
    for (let t = 0; t < lengths[r]; t++) {
      const dst = (t * size + r) * n;
      const src = t * n;
      for (let j = 0; j < n; j++) inputs[dst + j] = sequence[src + j];
    }
  }
  return { size, numFeatures: n, maxLength, lengths, activeRows, order, targets, inputs };
}
