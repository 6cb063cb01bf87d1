// One recurrent layer over a whole batch, forward and backward through time
// (MATH.md, "One recurrent layer" and "Gradients (BPTT)"). Buffers are time-major
// [t][row][unit]; at step t only the first batch.activeRows[t] rows are computed.
//
//   elman:   a_t = U x_t + W h_{t-1} + b,  h~_t = f(a_t),  h_t = h~_t
//   highway: g_t = sigmoid(Ug x_t + Wg h_{t-1} + bg),  h_t = g_t * h~_t + (1 - g_t) * h_{t-1}

import type { Activation, CellType } from './architecture';
import type { Batch } from './batch';
import type { LayerTensors } from './parameters';
import { tensorView } from './parameters';
import type { FloatArray } from '../numeric';
import {
  accumulateBackProjection,
  accumulateBias,
  accumulateOuter,
  addBias,
  matmulTransposed,
} from './kernels';

/** What the forward pass keeps for the backward pass. */
export interface LayerActivations {
  /** h~_t = f(a_t), [T][B][L]. */
  candidate: FloatArray;
  /** h_t, [T][B][L]. */
  hidden: FloatArray;
  /** g_t (highway only), [T][B][L]. */
  gate: FloatArray | null;
  /** o_t: the layer's output, `hidden` itself unless residual, [T][B][L]. */
  output: FloatArray;
}

export interface LayerSpec {
  cell: CellType;
  activation: Activation;
  inputSize: number;
  hiddenSize: number;
  /** o_t = h_t + x_t (residual across depth, layers after the first). */
  residual: boolean;
  tensors: LayerTensors;
}

/** Scratch rows of size B x L used by the backward pass. */
export interface BackwardScratch {
  zeros: FloatArray;
  carry: FloatArray;
  nextCarry: FloatArray;
  dh: FloatArray;
  delta: FloatArray;
  gateDelta: FloatArray;
}

export function layerForward(
  spec: LayerSpec,
  weights: FloatArray,
  input: FloatArray,
  batch: Batch,
  acts: LayerActivations,
  zeros: FloatArray,
): void {
  const L = spec.hiddenSize;
  const N = spec.inputSize;
  const B = batch.size;
  const U = tensorView(weights, spec.tensors.U);
  const W = tensorView(weights, spec.tensors.W);
  const b = tensorView(weights, spec.tensors.b);
  const highway = spec.cell === 'highway';
  const Ug = highway ? tensorView(weights, spec.tensors.Ug!) : null;
  const Wg = highway ? tensorView(weights, spec.tensors.Wg!) : null;
  const bg = highway ? tensorView(weights, spec.tensors.bg!) : null;
  const relu = spec.activation === 'relu';
  const { candidate, hidden, gate, output } = acts;

  for (let t = 0; t < batch.maxLength; t++) {
    const rows = batch.activeRows[t];
    const at = t * B * L;
    const xt = t * B * N;
    const prev = t === 0 ? zeros : hidden;
    const prevAt = t === 0 ? 0 : (t - 1) * B * L;

    matmulTransposed(candidate, at, input, xt, rows, N, U, L, false);
    matmulTransposed(candidate, at, prev, prevAt, rows, L, W, L, true);
    addBias(candidate, at, rows, b);
    const end = at + rows * L;
    for (let i = at; i < end; i++) {
      const a = candidate[i];
      candidate[i] = relu ? (a > 0 ? a : 0) : Math.tanh(a);
    }

    if (gate && Ug && Wg && bg) {
      matmulTransposed(gate, at, input, xt, rows, N, Ug, L, false);
      matmulTransposed(gate, at, prev, prevAt, rows, L, Wg, L, true);
      addBias(gate, at, rows, bg);
      for (let i = at, p = prevAt; i < end; i++, p++) {
        const g = 1 / (1 + Math.exp(-gate[i]));
        gate[i] = g;
        hidden[i] = g * candidate[i] + (1 - g) * prev[p];
      }
    } else if (hidden !== candidate) {
      hidden.set(candidate.subarray(at, end), at);
    }

    if (spec.residual) {
      // The input of a layer after the first has L features, laid out like the output.
      for (let i = at; i < end; i++) output[i] = hidden[i] + input[i];
    }
  }
}

/**
 * Backpropagates through time. `dOutput` holds dE/do_t from above (the head and the next
 * layer); `dInput` (when not null) receives += dE/dx_t. Weight gradients are accumulated
 * into `grads`. `profile` (when not null) receives, per k = T_r - 1 - t, the sum over rows of
 * ||dE/dh_t|| and `profileCounts` the number of rows added.
 */
export function layerBackward(
  spec: LayerSpec,
  weights: FloatArray,
  grads: FloatArray,
  input: FloatArray,
  batch: Batch,
  acts: LayerActivations,
  dOutput: FloatArray,
  dInput: FloatArray | null,
  scratch: BackwardScratch,
  profile: Float64Array | null,
  profileCounts: Float64Array | null,
): void {
  const L = spec.hiddenSize;
  const N = spec.inputSize;
  const B = batch.size;
  const { tensors } = spec;
  const U = tensorView(weights, tensors.U);
  const W = tensorView(weights, tensors.W);
  const dU = tensorView(grads, tensors.U);
  const dW = tensorView(grads, tensors.W);
  const db = tensorView(grads, tensors.b);
  const highway = spec.cell === 'highway';
  const Ug = highway ? tensorView(weights, tensors.Ug!) : null;
  const Wg = highway ? tensorView(weights, tensors.Wg!) : null;
  const dUg = highway ? tensorView(grads, tensors.Ug!) : null;
  const dWg = highway ? tensorView(grads, tensors.Wg!) : null;
  const dbg = highway ? tensorView(grads, tensors.bg!) : null;
  const relu = spec.activation === 'relu';
  const { candidate, hidden, gate } = acts;
  const { zeros, dh, delta, gateDelta } = scratch;
  let carry = scratch.carry;
  let nextCarry = scratch.nextCarry;
  // Rows join the backward pass at their own last step with no carry from the future.
  carry.fill(0, 0, B * L);
  nextCarry.fill(0, 0, B * L);

  for (let t = batch.maxLength - 1; t >= 0; t--) {
    const rows = batch.activeRows[t];
    const at = t * B * L;
    const xt = t * B * N;
    const prev = t === 0 ? zeros : hidden;
    const prevAt = t === 0 ? 0 : (t - 1) * B * L;
    const n = rows * L;

    // d_t = dE/dh_t: from above at this step plus what flowed back from step t+1.
    for (let i = 0; i < n; i++) dh[i] = dOutput[at + i] + carry[i];
    if (profile && profileCounts) {
      for (let r = 0; r < rows; r++) {
        let sq = 0;
        for (let i = r * L; i < (r + 1) * L; i++) sq += dh[i] * dh[i];
        const k = batch.lengths[r] - 1 - t;
        profile[k] += Math.sqrt(sq);
        profileCounts[k] += 1;
      }
    }

    if (gate) {
      // dh~ = d * g; dg = d * (h~ - h_{t-1}); the direct path carries d * (1 - g).
      for (let i = 0; i < n; i++) {
        const g = gate[at + i];
        const c = candidate[at + i];
        const d = dh[i];
        const fPrime = relu ? (c > 0 ? 1 : 0) : 1 - c * c;
        delta[i] = d * g * fPrime;
        gateDelta[i] = d * (c - prev[prevAt + i]) * g * (1 - g);
        nextCarry[i] = d * (1 - g);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = candidate[at + i];
        const fPrime = relu ? (c > 0 ? 1 : 0) : 1 - c * c;
        delta[i] = dh[i] * fPrime;
        nextCarry[i] = 0;
      }
    }

    accumulateOuter(dW, delta, 0, rows, L, prev, prevAt, L);
    accumulateOuter(dU, delta, 0, rows, L, input, xt, N);
    accumulateBias(db, delta, 0, rows, L);
    accumulateBackProjection(nextCarry, 0, delta, 0, rows, L, W, L);
    if (dInput) accumulateBackProjection(dInput, xt, delta, 0, rows, L, U, N);
    if (gate && Ug && Wg && dUg && dWg && dbg) {
      accumulateOuter(dWg, gateDelta, 0, rows, L, prev, prevAt, L);
      accumulateOuter(dUg, gateDelta, 0, rows, L, input, xt, N);
      accumulateBias(dbg, gateDelta, 0, rows, L);
      accumulateBackProjection(nextCarry, 0, gateDelta, 0, rows, L, Wg, L);
      if (dInput) accumulateBackProjection(dInput, xt, gateDelta, 0, rows, L, Ug, N);
    }
    if (dInput && spec.residual) {
      for (let i = 0; i < n; i++) dInput[xt + i] += dOutput[at + i];
    }

    const swap = carry;
    carry = nextCarry;
    nextCarry = swap;
  }
}
