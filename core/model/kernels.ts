// Dense kernels over row-major typed arrays. Rows are sequences of a batch (batch-major),
// so every inner loop walks contiguous memory. Backward kernels accumulate (+=).
//
// Shapes: A is rows x k, M is n x k (a weight matrix stored as PyTorch stores it), out is
// rows x n. Offsets let the callers address one time step inside a [T][B][.] buffer.

import type { FloatArray } from '../numeric';

/** out[r][i] = bias[i] + sum_j A[r][j] * M[i][j]   (out = A M^T + bias), or += when accumulate. */
export function matmulTransposed(
  out: FloatArray,
  outOffset: number,
  A: FloatArray,
  aOffset: number,
  rows: number,
  k: number,
  M: FloatArray,
  n: number,
  accumulate: boolean,
): void {
  for (let r = 0; r < rows; r++) {
    const aRow = aOffset + r * k;
    const outRow = outOffset + r * n;
    for (let i = 0; i < n; i++) {
      const mRow = i * k;
      let sum = 0;
      for (let j = 0; j < k; j++) sum += A[aRow + j] * M[mRow + j];
      out[outRow + i] = accumulate ? out[outRow + i] + sum : sum;
    }
  }
}

/** dM[i][j] += sum_r delta[r][i] * A[r][j]   (dM += delta^T A): the weight gradient. */
export function accumulateOuter(
  dM: FloatArray,
  delta: FloatArray,
  deltaOffset: number,
  rows: number,
  n: number,
  A: FloatArray,
  aOffset: number,
  k: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dRow = deltaOffset + r * n;
    const aRow = aOffset + r * k;
    for (let i = 0; i < n; i++) {
      const d = delta[dRow + i];
      if (d === 0) continue;
      const mRow = i * k;
      for (let j = 0; j < k; j++) dM[mRow + j] += d * A[aRow + j];
    }
  }
}

/** dA[r][j] += sum_i delta[r][i] * M[i][j]   (dA += delta M): the gradient to the inputs. */
export function accumulateBackProjection(
  dA: FloatArray,
  dAOffset: number,
  delta: FloatArray,
  deltaOffset: number,
  rows: number,
  n: number,
  M: FloatArray,
  k: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dRow = deltaOffset + r * n;
    const aRow = dAOffset + r * k;
    for (let i = 0; i < n; i++) {
      const d = delta[dRow + i];
      if (d === 0) continue;
      const mRow = i * k;
      for (let j = 0; j < k; j++) dA[aRow + j] += d * M[mRow + j];
    }
  }
}

/** db[i] += sum_r delta[r][i]. */
export function accumulateBias(
  db: FloatArray,
  delta: FloatArray,
  deltaOffset: number,
  rows: number,
  n: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dRow = deltaOffset + r * n;
    for (let i = 0; i < n; i++) db[i] += delta[dRow + i];
  }
}

/** out[r][i] += bias[i]. */
export function addBias(out: FloatArray, outOffset: number, rows: number, bias: FloatArray): void {
  const n = bias.length;
  for (let r = 0; r < rows; r++) {
    const row = outOffset + r * n;
    for (let i = 0; i < n; i++) out[row + i] += bias[i];
  }
}
