// The whole network over a batch: the stack of recurrent layers (MATH.md, "Stacking"), the
// head, the loss with its L2 term, and BPTT through all of it. Buffers live in a workspace
// that grows to the largest batch seen and is reused, so training allocates nothing per step.

import type { Architecture } from './architecture';
import { layerInputSize } from './architecture';
import type { Batch } from './batch';
import type { Parameters } from './parameters';
import { headTensors, layerTensors, tensorView } from './parameters';
import type { BackwardScratch, LayerActivations, LayerSpec } from './recurrentLayer';
import { layerBackward, layerForward } from './recurrentLayer';
import { crossEntropySum, gatherLastOutputs, headBackward, headForward } from './head';
import type { FloatArray, Precision } from '../numeric';
import { allocate } from '../numeric';

export interface NetworkWorkspace {
  arch: Architecture;
  precision: Precision;
  layerSpecs: LayerSpec[];
  capacityT: number;
  capacityB: number;
  layers: LayerActivations[];
  /** dE/do_t of the layer being backpropagated, and of the one below it. */
  dOutputs: [FloatArray, FloatArray];
  scratch: BackwardScratch;
  lastOutputs: FloatArray;
  dLastOutputs: FloatArray;
  /** [B][K] for the current batch, in the batch's (sorted) row order. */
  logits: FloatArray;
  probs: FloatArray;
  dLogits: FloatArray;
}

/** The temporal gradient profile being summed (MATH.md, "What is measured"). */
export interface TemporalProfileAccumulator {
  /** Per layer, per k = steps before the end: the sum of ||dE/dh_t|| over rows. */
  sums: Float64Array[];
  /** Per layer, per k: how many rows were added. */
  counts: Float64Array[];
}

export interface BatchLoss {
  /** Mean cross-entropy plus the L2 term. */
  loss: number;
  /** Mean cross-entropy alone. */
  dataLoss: number;
  /** Rows whose argmax logit is their target. */
  correct: number;
}

export function createWorkspace(arch: Architecture, precision: Precision): NetworkWorkspace {
  return {
    arch,
    precision,
    layerSpecs: [],
    capacityT: 0,
    capacityB: 0,
    layers: [],
    dOutputs: [allocate(precision, 0), allocate(precision, 0)],
    scratch: emptyScratch(precision),
    lastOutputs: allocate(precision, 0),
    dLastOutputs: allocate(precision, 0),
    logits: allocate(precision, 0),
    probs: allocate(precision, 0),
    dLogits: allocate(precision, 0),
  };
}

function emptyScratch(precision: Precision): BackwardScratch {
  const empty = (): FloatArray => allocate(precision, 0);
  return {
    zeros: empty(),
    carry: empty(),
    nextCarry: empty(),
    dh: empty(),
    delta: empty(),
    gateDelta: empty(),
  };
}

function ensureCapacity(ws: NetworkWorkspace, params: Parameters, T: number, B: number): void {
  if (ws.layerSpecs.length === 0) {
    const { arch } = ws;
    for (let l = 0; l < arch.numLayers; l++) {
      ws.layerSpecs.push({
        cell: arch.cell,
        activation: arch.activation,
        inputSize: layerInputSize(arch, l),
        hiddenSize: arch.hiddenSize,
        residual: arch.residual && l > 0,
        tensors: layerTensors(params.layout, l),
      });
    }
  }
  if (T <= ws.capacityT && B <= ws.capacityB) return;
  const capT = Math.max(T, ws.capacityT);
  const capB = Math.max(B, ws.capacityB);
  const { arch, precision } = ws;
  const L = arch.hiddenSize;
  const K = arch.numClasses;
  const seq = capT * capB * L;
  const alloc = (n: number): FloatArray => allocate(precision, n);
  ws.layers = ws.layerSpecs.map((spec) => {
    const candidate = alloc(seq);
    const gated = spec.cell === 'highway';
    const hidden = gated ? alloc(seq) : candidate;
    return {
      candidate,
      hidden,
      gate: gated ? alloc(seq) : null,
      output: spec.residual ? alloc(seq) : hidden,
    };
  });
  ws.dOutputs = [alloc(seq), alloc(seq)];
  const row = capB * L;
  ws.scratch = {
    zeros: alloc(row),
    carry: alloc(row),
    nextCarry: alloc(row),
    dh: alloc(row),
    delta: alloc(row),
    gateDelta: alloc(row),
  };
  ws.lastOutputs = alloc(row);
  ws.dLastOutputs = alloc(row);
  ws.logits = alloc(capB * K);
  ws.probs = alloc(capB * K);
  ws.dLogits = alloc(capB * K);
  ws.capacityT = capT;
  ws.capacityB = capB;
}

/** Runs the batch forward; fills ws.logits and ws.probs (rows in the batch's order). */
export function forward(params: Parameters, batch: Batch, ws: NetworkWorkspace): void {
  ensureCapacity(ws, params, batch.maxLength, batch.size);
  const { arch } = ws;
  let input = batch.inputs;
  for (let l = 0; l < arch.numLayers; l++) {
    layerForward(ws.layerSpecs[l], params.values, input, batch, ws.layers[l], ws.scratch.zeros);
    input = ws.layers[l].output;
  }
  const { V, B } = headTensors(params.layout);
  gatherLastOutputs(input, batch.lengths, batch.size, arch.hiddenSize, ws.lastOutputs);
  headForward(
    ws.lastOutputs,
    batch.size,
    arch.hiddenSize,
    tensorView(params.values, V),
    tensorView(params.values, B),
    arch.numClasses,
    ws.logits,
    ws.probs,
  );
}

/** (lambda/2) * sum of squares of the regularized tensors, and += lambda * w into grads. */
export function l2Penalty(params: Parameters, l2: number, grads: FloatArray | null): number {
  if (l2 === 0) return 0;
  let sum = 0;
  const w = params.values;
  for (const spec of params.layout.tensors) {
    if (!spec.regularized) continue;
    for (let i = spec.offset; i < spec.offset + spec.size; i++) {
      sum += w[i] * w[i];
      if (grads) grads[i] += l2 * w[i];
    }
  }
  return 0.5 * l2 * sum;
}

function countCorrect(logits: FloatArray, targets: Int32Array, rows: number, K: number): number {
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    if (argmax(logits, r * K, K) === targets[r]) correct++;
  }
  return correct;
}

export function argmax(values: ArrayLike<number>, offset: number, length: number): number {
  let best = 0;
  for (let k = 1; k < length; k++) if (values[offset + k] > values[offset + best]) best = k;
  return best;
}

/** Forward and the loss only (evaluation). */
export function forwardLoss(params: Parameters, batch: Batch, ws: NetworkWorkspace, l2: number): BatchLoss {
  forward(params, batch, ws);
  const K = ws.arch.numClasses;
  const dataLoss = crossEntropySum(ws.logits, batch.targets, batch.size, K) / batch.size;
  return {
    loss: dataLoss + l2Penalty(params, l2, null),
    dataLoss,
    correct: countCorrect(ws.logits, batch.targets, batch.size, K),
  };
}

/**
 * The loss of the batch and its gradient with respect to every parameter (overwrites
 * `grads`, in the parameters' layout). With a profile accumulator, also adds ||dE/dh_t||
 * of every layer by steps before the end.
 */
export function lossAndGradient(
  params: Parameters,
  batch: Batch,
  ws: NetworkWorkspace,
  grads: FloatArray,
  l2: number,
  profile: TemporalProfileAccumulator | null = null,
): BatchLoss {
  const result = forwardLoss(params, batch, ws, l2);
  grads.fill(0);
  l2Penalty(params, l2, grads);
  const { arch } = ws;
  const L = arch.hiddenSize;
  const K = arch.numClasses;
  const Bsz = batch.size;
  const { V, B } = headTensors(params.layout);
  headBackward(
    ws.probs,
    batch.targets,
    Bsz,
    K,
    1 / Bsz,
    ws.lastOutputs,
    L,
    tensorView(params.values, V),
    tensorView(grads, V),
    tensorView(grads, B),
    ws.dLogits,
    ws.dLastOutputs,
  );

  let [dOutput, dBelow] = ws.dOutputs;
  const used = batch.maxLength * Bsz * L;
  dOutput.fill(0, 0, used);
  for (let r = 0; r < Bsz; r++) {
    const dst = ((batch.lengths[r] - 1) * Bsz + r) * L;
    dOutput.set(ws.dLastOutputs.subarray(r * L, (r + 1) * L), dst);
  }
  if (profile) ensureProfileLength(profile, arch.numLayers, batch.maxLength);

  for (let l = arch.numLayers - 1; l >= 0; l--) {
    const input = l === 0 ? batch.inputs : ws.layers[l - 1].output;
    const dInput = l === 0 ? null : dBelow;
    if (dInput) dInput.fill(0, 0, used);
    layerBackward(
      ws.layerSpecs[l],
      params.values,
      grads,
      input,
      batch,
      ws.layers[l],
      dOutput,
      dInput,
      ws.scratch,
      profile ? profile.sums[l] : null,
      profile ? profile.counts[l] : null,
    );
    const swap = dOutput;
    dOutput = dBelow;
    dBelow = swap;
  }
  return result;
}

export function createProfileAccumulator(numLayers: number): TemporalProfileAccumulator {
  return {
    sums: Array.from({ length: numLayers }, () => new Float64Array(0)),
    counts: Array.from({ length: numLayers }, () => new Float64Array(0)),
  };
}

export function ensureProfileLength(
  profile: TemporalProfileAccumulator,
  numLayers: number,
  length: number,
): void {
  for (let l = 0; l < numLayers; l++) {
    if (profile.sums[l].length >= length) continue;
    const sums = new Float64Array(length);
    sums.set(profile.sums[l]);
    const counts = new Float64Array(length);
    counts.set(profile.counts[l]);
    profile.sums[l] = sums;
    profile.counts[l] = counts;
  }
}

/** The batch mean of ||dE/dh_t|| per layer, indexed by steps before the end. */
export function temporalProfile(profile: TemporalProfileAccumulator): number[][] {
  return profile.sums.map((sums, l) =>
    Array.from(sums, (s, k) => (profile.counts[l][k] > 0 ? s / profile.counts[l][k] : 0)),
  );
}
