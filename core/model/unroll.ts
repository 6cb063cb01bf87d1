// One sequence through a trained network, step by step, in float64: every layer's h_t (and
// g_t for highway layers), ||dE/dh_t|| at every step (E = the cross-entropy of the true label,
// no L2), and the class probabilities at the end and after every step. It reuses the batched
// forward pass and BPTT on a batch of one, so the numbers are exactly those training measures
// (MATH.md, "What is measured": the temporal gradient profile of a single sequence).

import type { Dataset } from '../data/dataset';
import { makeBatch } from './batch';
import { headForward } from './head';
import type { NetworkWorkspace } from './network';
import { argmax, createProfileAccumulator, createWorkspace, lossAndGradient } from './network';
import type { Parameters } from './parameters';
import { convertParameters, headTensors, tensorView } from './parameters';
import type { FloatArray } from '../numeric';

export interface UnrolledLayer {
  /** hidden[t][i]: h_t of unit i (before any residual sum across depth). */
  hidden: number[][];
  /** gates[t][i]: g_t of unit i; null for elman layers. */
  gates: number[][] | null;
  /** gradNorms[t] = ||dE/dh_t||, through the recurrence and the layers above. */
  gradNorms: number[];
}

export interface UnrolledSequence {
  steps: number;
  /** inputs[t][j]: feature j at step t, as the first layer reads it. */
  inputs: number[][];
  layers: UnrolledLayer[];
  /** softmax(V o^D_T + B), in the model's class order. */
  probabilities: number[];
  predicted: number;
  /** -log p[label]. */
  loss: number;
  /**
   * stepProbabilities[t]: softmax(V o^D_t + B), what the network would answer if the
   * sequence ended at t (the forward pass is causal, so this is the prediction on x_1..x_t).
   */
  stepProbabilities: number[][];
}

/** [T][1][width] (a batch of one, time-major) as rows t of `width` numbers. */
function rowsOf(buffer: FloatArray, steps: number, width: number): number[][] {
  return Array.from({ length: steps }, (_, t) => Array.from(buffer.subarray(t * width, (t + 1) * width)));
}

function probabilitiesAtEveryStep(params: Parameters, ws: NetworkWorkspace, steps: number): number[][] {
  const { hiddenSize: L, numClasses: K, numLayers } = ws.arch;
  const { V, B } = headTensors(params.layout);
  const logits = new Float64Array(steps * K);
  const probs = new Float64Array(steps * K);
  // Each step's top output is one row of the head's input.
  headForward(
    ws.layers[numLayers - 1].output,
    steps,
    L,
    tensorView(params.values, V),
    tensorView(params.values, B),
    K,
    logits,
    probs,
  );
  return rowsOf(probs, steps, K);
}

/** The network unrolled over sequence `index` of a dataset already in the model's form. */
export function unrollSequence(model: Parameters, dataset: Dataset, index: number): UnrolledSequence {
  const params = convertParameters(model, 'float64');
  const { arch } = params.layout;
  const ws = createWorkspace(arch, 'float64');
  const batch = makeBatch(dataset, [index], 'float64');
  const steps = batch.maxLength;
  const profile = createProfileAccumulator(arch.numLayers);
  const result = lossAndGradient(params, batch, ws, new Float64Array(params.layout.size), 0, profile);

  const K = arch.numClasses;
  const L = arch.hiddenSize;
  const probabilities = Array.from(ws.probs.subarray(0, K));
  const layers = ws.layers.map((acts, l) => ({
    hidden: rowsOf(acts.hidden, steps, L),
    gates: acts.gate === null ? null : rowsOf(acts.gate, steps, L),
    // The profile is indexed by k = steps before the end: t = T - 1 - k.
    gradNorms: Array.from({ length: steps }, (_, t) => profile.sums[l][steps - 1 - t]),
  }));
  return {
    steps,
    inputs: rowsOf(batch.inputs, steps, dataset.numFeatures),
    layers,
    probabilities,
    predicted: argmax(ws.logits, 0, K),
    loss: result.dataLoss,
    stepProbabilities: probabilitiesAtEveryStep(params, ws, steps),
  };
}
