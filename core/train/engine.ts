// What a training step runs on: the plain TypeScript kernels (network.ts, clipping.ts,
// optimizers.ts) or the WebAssembly SIMD kernels (model/wasmNetwork.ts), behind one interface.
// Both compute the same float32 figures to float32 tolerance; test/core/model/wasmNetwork.test.ts
// and test/core/train/engine.test.ts hold them to it.

import type { Dataset } from '../data/dataset';
import type { Architecture } from '../model/architecture';
import type { Batch } from '../model/batch';
import type { Evaluation } from '../model/evaluate';
import { evaluate } from '../model/evaluate';
import type { BatchLoss, TemporalProfileAccumulator } from '../model/network';
import { createWorkspace, lossAndGradient } from '../model/network';
import type { Parameters } from '../model/parameters';
import { convertParameters } from '../model/parameters';
import { WasmNetwork } from '../model/wasmNetwork';
import type { FloatArray } from '../numeric';
import { allocate } from '../numeric';
import type { KernelChoice } from '../wasm/wasmKernels';
import { resolveKernels } from '../wasm/wasmKernels';
import type { ClipOutcome } from './clipping';
import { clipGradients } from './clipping';
import type { ClipConfig, OptimizerConfig } from './config';
import { tensorGradientNorms } from './gradientNorms';
import { createOptimizer } from './optimizers';

export interface TrainingEngine {
  readonly kernels: 'wasm' | 'plain';
  /** The weights being trained (with wasm, a view into its memory: read `.values` afresh). */
  readonly params: Parameters;
  /** The gradient of the last lossAndGradient, in the parameters' layout (read it afresh too). */
  readonly grads: FloatArray;
  lossAndGradient(batch: Batch, l2: number, profile: TemporalProfileAccumulator | null): BatchLoss;
  /** ||gradient|| of every tensor, in layout order. */
  tensorGradientNorms(): Float64Array;
  clipGradients(clip: ClipConfig): ClipOutcome;
  /** One optimizer step from the current gradient. */
  step(): void;
  /** Loss, accuracy and confusion of `params` (any float32 weights of this architecture). */
  evaluate(params: Parameters, dataset: Dataset): Evaluation;
  /** Bytes of typed-array memory the engine holds (weights, state, activations). */
  memoryBytes(): number;
  /** Threads each batch is split across. */
  readonly threads: number;
  /** Ends the engine's threads, if any. */
  dispose(): void;
}

export interface EngineOptions {
  /** Which kernels (default: setKernelPreference, RNN_LAB_KERNELS, else wasm when available). */
  kernels?: KernelChoice;
  /** Largest batch expected (steps, rows): the memory is sized for it up front. */
  capacity?: { T: number; B: number };
  /** wasm only: the backward flush threshold (WasmNetworkOptions.flushBelow). */
  flushBelow?: number;
  /**
   * wasm only: threads to split each batch across (default 1). More than one needs a host that
   * starts threads (setLaneThreadSpawner in core/wasm/wasmThreads.ts), else it stays at one.
   */
  threads?: number;
}

/** An engine that trains a float32 copy of `initial` with `optimizer`. */
export function createTrainingEngine(
  arch: Architecture,
  initial: Parameters,
  optimizer: OptimizerConfig,
  options: EngineOptions = {},
): TrainingEngine {
  return resolveKernels(options.kernels) === 'wasm'
    ? wasmEngine(arch, initial, optimizer, options)
    : plainEngine(arch, initial, optimizer);
}

function plainEngine(arch: Architecture, initial: Parameters, config: OptimizerConfig): TrainingEngine {
  const params = convertParameters(initial, 'float32');
  const grads = allocate('float32', params.layout.size);
  const optimizer = createOptimizer(config, params.layout.size, 'float32');
  const ws = createWorkspace(arch, 'float32');
  const evalWs = createWorkspace(arch, 'float32');
  const stateBytes = (config.kind === 'adam' ? 2 : config.kind === 'sgd' ? 0 : 1) * grads.byteLength;
  const workspaceBytes = (w: typeof ws): number => {
    const arrays = new Set<FloatArray | null>([
      ...w.dOutputs,
      w.lastOutputs,
      w.dLastOutputs,
      w.logits,
      w.probs,
      w.dLogits,
      ...Object.values(w.scratch),
      ...w.layers.flatMap((a) => [a.candidate, a.hidden, a.gate, a.output]),
    ]);
    let bytes = 0;
    for (const a of arrays) bytes += a ? a.byteLength : 0;
    return bytes;
  };
  return {
    kernels: 'plain',
    params,
    grads,
    lossAndGradient: (batch, l2, profile) => lossAndGradient(params, batch, ws, grads, l2, profile),
    tensorGradientNorms: () => tensorGradientNorms(grads, params.layout),
    clipGradients: (clip) => clipGradients(grads, clip),
    step: () => optimizer.step(params.values, grads),
    evaluate: (weights, dataset) => evaluate(weights, dataset, undefined, evalWs),
    memoryBytes: () =>
      params.values.byteLength + grads.byteLength + stateBytes + workspaceBytes(ws) + workspaceBytes(evalWs),
    threads: 1,
    dispose: () => {},
  };
}

function wasmEngine(
  arch: Architecture,
  initial: Parameters,
  optimizer: OptimizerConfig,
  options: EngineOptions,
): TrainingEngine {
  const { capacity, flushBelow, threads } = options;
  const net = new WasmNetwork(arch, { training: true, optimizer, capacity, flushBelow, lanes: threads });
  net.loadParameters(initial.values);
  // Evaluation has its own memory (its batches are larger), made at the first evaluation.
  let evalNet: WasmNetwork | null = null;
  return {
    kernels: 'wasm',
    get params() {
      return net.params;
    },
    get grads() {
      return net.grads;
    },
    lossAndGradient: (batch, l2, profile) => net.lossAndGradient(batch, l2, profile),
    tensorGradientNorms: () => net.tensorGradientNorms(),
    clipGradients: (clip) => net.clipGradients(clip),
    step: () => net.optimizerStep(),
    evaluate: (weights, dataset) => {
      evalNet ??= new WasmNetwork(arch, { training: false });
      return evaluate(weights, dataset, undefined, evalNet);
    },
    memoryBytes: () => net.memoryBytes() + (evalNet ? evalNet.memoryBytes() : 0),
    threads: net.laneCount,
    dispose: () => net.dispose(),
  };
}
