// The many-to-one softmax head and the cross-entropy loss (MATH.md, "Head and loss"):
// z_r = V o_{T_r} + B, p_r = softmax(z_r), E = -(1/|batch|) sum_r log p_r[y_r].

import type { FloatArray } from '../numeric';
import {
  accumulateBackProjection,
  accumulateBias,
  accumulateOuter,
  addBias,
  matmulTransposed,
} from './kernels';

/** Gathers o_{T_r - 1} of every row from a [T][B][L] buffer into lastOutputs [B][L]. */
export function gatherLastOutputs(
  output: FloatArray,
  lengths: Int32Array,
  batchSize: number,
  hiddenSize: number,
  lastOutputs: FloatArray,
): void {
  for (let r = 0; r < batchSize; r++) {
    const src = ((lengths[r] - 1) * batchSize + r) * hiddenSize;
    lastOutputs.set(output.subarray(src, src + hiddenSize), r * hiddenSize);
  }
}

/** logits = lastOutputs V^T + B, then probs = softmax(logits) row by row, computed stably. */
export function headForward(
  lastOutputs: FloatArray,
  rows: number,
  hiddenSize: number,
  V: FloatArray,
  B: FloatArray,
  numClasses: number,
  logits: FloatArray,
  probs: FloatArray,
): void {
  matmulTransposed(logits, 0, lastOutputs, 0, rows, hiddenSize, V, numClasses, false);
  addBias(logits, 0, rows, B);
  for (let r = 0; r < rows; r++) {
    const row = r * numClasses;
    let max = -Infinity;
    for (let k = 0; k < numClasses; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < numClasses; k++) {
      const e = Math.exp(logits[row + k] - max);
      probs[row + k] = e;
      sum += e;
    }
    for (let k = 0; k < numClasses; k++) probs[row + k] /= sum;
  }
}

/**
 * The summed cross-entropy of the rows, from the logits with log-sum-exp so a confident
 * wrong answer gives a large finite loss rather than log(0).
 */
export function crossEntropySum(
  logits: FloatArray,
  targets: Int32Array,
  rows: number,
  numClasses: number,
): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const row = r * numClasses;
    let max = -Infinity;
    for (let k = 0; k < numClasses; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < numClasses; k++) sum += Math.exp(logits[row + k] - max);
    total += max + Math.log(sum) - logits[row + targets[r]];
  }
  return total;
}

/**
 * dz_r = (p_r - onehot(y_r)) * scale; dV += dz^T o_last; dB += sum dz; dLastOutputs = dz V.
 * `scale` is 1/|batch| for the mean loss.
 */
export function headBackward(
  probs: FloatArray,
  targets: Int32Array,
  rows: number,
  numClasses: number,
  scale: number,
  lastOutputs: FloatArray,
  hiddenSize: number,
  V: FloatArray,
  dV: FloatArray,
  dB: FloatArray,
  dLogits: FloatArray,
  dLastOutputs: FloatArray,
): void {
  for (let r = 0; r < rows; r++) {
    const row = r * numClasses;
    for (let k = 0; k < numClasses; k++) {
      dLogits[row + k] = (probs[row + k] - (k === targets[r] ? 1 : 0)) * scale;
    }
  }
  accumulateOuter(dV, dLogits, 0, rows, numClasses, lastOutputs, 0, hiddenSize);
  accumulateBias(dB, dLogits, 0, rows, numClasses);
  dLastOutputs.fill(0, 0, rows * hiddenSize);
  accumulateBackProjection(dLastOutputs, 0, dLogits, 0, rows, numClasses, V, hiddenSize);
}
