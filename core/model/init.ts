// Seeded weight initialization (MATH.md, "Initialization"): uniform, xavier, orthogonal and identity.
// Tensors are drawn in layout order from the run's "init" stream, so a seed fixes every weight.

import type { Precision } from '../numeric';
import type { Rng } from '../random';
import { createRng } from '../random';
import type { InitName } from '../train/config';
import type { Architecture } from './architecture';
import type { Parameters, TensorSpec } from './parameters';
import { allocateParameters, tensorView } from './parameters';

export function initializeParameters(
  arch: Architecture,
  init: InitName,
  seed: number,
  precision: Precision,
  gateBias = -2,
): Parameters {
  const params = allocateParameters(arch, precision);
  const rng = createRng(seed, 'init');
  for (const spec of params.layout.tensors) {
    const view = tensorView(params.values, spec);
    if (!spec.isMatrix) {
      view.fill(spec.key === 'bg' ? gateBias : 0);
    } else {
      view.set(initialMatrix(spec, init, arch.hiddenSize, rng));
    }
  }
  return params;
}

/** A weight matrix of `spec`'s shape, row-major, in float64. */
function initialMatrix(spec: TensorSpec, init: InitName, hiddenSize: number, rng: Rng): Float64Array {
  const recurrent = spec.key === 'W' || spec.key === 'Wg';
  switch (init) {
    case 'uniform':
      return uniformMatrix(spec.size, 1 / Math.sqrt(hiddenSize), rng);
    case 'xavier':
      return xavierMatrix(spec, rng);
    case 'orthogonal':
      return recurrent ? orthogonalMatrix(spec.rows, rng) : xavierMatrix(spec, rng);
    case 'identity':
      // The IRNN's identity is for W alone; the gate's Wg stays xavier like every other matrix.
      return spec.key === 'W' ? identityMatrix(spec.rows) : xavierMatrix(spec, rng);
  }
}

function uniformMatrix(size: number, bound: number, rng: Rng): Float64Array {
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.uniform(-bound, bound);
  return out;
}

/** fan_in = cols (inputs), fan_out = rows (outputs). */
function xavierMatrix(spec: TensorSpec, rng: Rng): Float64Array {
  return uniformMatrix(spec.size, Math.sqrt(6 / (spec.cols + spec.rows)), rng);
}

function identityMatrix(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/**
 * A Haar-distributed orthogonal n x n matrix: Q of the QR decomposition of a Gaussian matrix,
 * with the diagonal of R made positive (as torch.nn.init.orthogonal_ does). Gram-Schmidt on the
 * columns gives exactly that Q, since each R_jj is the norm of a column; the second pass
 * restores orthogonality lost to rounding ("twice is enough").
 */
function orthogonalMatrix(n: number, rng: Rng): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) q[i] = rng.normal();
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * n + k] * q[i * n + j];
        for (let i = 0; i < n; i++) q[i * n + j] -= dot * q[i * n + k];
      }
    }
    let sumSquares = 0;
    for (let i = 0; i < n; i++) sumSquares += q[i * n + j] * q[i * n + j];
    const norm = Math.sqrt(sumSquares);
    for (let i = 0; i < n; i++) q[i * n + j] /= norm;
  }
  return q;
}
