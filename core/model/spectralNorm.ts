// The largest singular value of a recurrent matrix W, measured every epoch (MATH.md, "What is
// measured while training"): with tanh, below 1 the gradient must vanish over long spans.

/** Golden-ratio fractional parts: a fixed start vector with no simple structure to be orthogonal to. */
const GOLDEN = 0.6180339887498949;

/**
 * sigma_max of a row-major rows x cols matrix by power iteration on W^T W, in float64.
 * Stops once two successive estimates agree to 1e-10 relative.
 */
export function largestSingularValue(
  matrix: ArrayLike<number>,
  rows: number,
  cols: number,
  iterations = 50,
): number {
  if (matrix.length !== rows * cols) {
    throw new Error(`a ${rows} x ${cols} matrix needs ${rows * cols} values, got ${matrix.length}`);
  }
  if (rows === 0 || cols === 0) return 0;

  const x = new Float64Array(cols);
  for (let j = 0; j < cols; j++) x[j] = 1 + 0.5 * ((j * GOLDEN) % 1);
  normalize(x);
  const y = new Float64Array(rows);

  let sigma = 0;
  for (let it = 0; it < Math.max(1, iterations); it++) {
    // y = W x; with |x| = 1, |y| is the current estimate.
    for (let i = 0; i < rows; i++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += matrix[i * cols + j] * x[j];
      y[i] = sum;
    }
    const estimate = normalize(y);
    if (estimate === 0 || !Number.isFinite(estimate)) return estimate;
    const converged = it > 0 && Math.abs(estimate - sigma) <= 1e-10 * estimate;
    sigma = estimate;
    if (converged) break;
    // x = W^T y / |W^T y|: one step of power iteration on W^T W.
    x.fill(0);
    for (let i = 0; i < rows; i++) {
      const yi = y[i];
      for (let j = 0; j < cols; j++) x[j] += matrix[i * cols + j] * yi;
    }
    normalize(x);
  }
  return sigma;
}

/** Scales `v` to unit length in place (leaves a zero vector alone); returns its former norm. */
function normalize(v: Float64Array): number {
  let sumSquares = 0;
  for (let i = 0; i < v.length; i++) sumSquares += v[i] * v[i];
  const norm = Math.sqrt(sumSquares);
  if (norm > 0 && Number.isFinite(norm)) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return norm;
}
