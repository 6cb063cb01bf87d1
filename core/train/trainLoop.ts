// The training loop: seeded split and shuffling, mini-batches, BPTT, clipping, the optimizer
// step, per-step and per-epoch metrics, early stopping, divergence, and stopping on request.
// It is async only so that it can yield between steps: a host's stop message then gets
// through while a run trains (in a trainer process, in a browser worker, in a test).

import type { Dataset, Normalization } from '../data/dataset';
import { subset } from '../data/dataset';
import { fitNormalization, normalizeDataset } from '../data/normalization';
import { stratifiedSplit } from '../data/split';
import type { Architecture } from '../model/architecture';
import { makeBatch } from '../model/batch';
import { initializeParameters } from '../model/init';
import type { TemporalProfileAccumulator } from '../model/network';
import { createProfileAccumulator, temporalProfile } from '../model/network';
import type { Parameters } from '../model/parameters';
import { convertParameters, layerTensors, tensorView } from '../model/parameters';
import { largestSingularValue } from '../model/spectralNorm';
import { createRng } from '../random';
import type { KernelChoice } from '../wasm/wasmKernels';
import type { TrainConfig } from './config';
import { createTrainingEngine } from './engine';
import type { Divergence, EpochMetrics, StepMetrics, TrainStatus } from './metrics';

export interface TrainInput {
  config: TrainConfig;
  train: Dataset;
  test?: Dataset | null;
  /**
   * The float32 kernels: 'wasm' (WebAssembly SIMD), 'plain' (TypeScript) or 'auto' (wasm when
   * available). Default: setKernelPreference(), else RNN_LAB_KERNELS, else 'auto'. Same figures
   * either way, to float32 rounding.
   */
  kernels?: KernelChoice;
  /**
   * wasm kernels only: threads to split each batch across (default 1), for a run that has the
   * machine to itself; needs a host that starts threads (core/wasm/wasmThreads.ts).
   */
  threads?: number;
}

/** What the loop knows once data and weights are set up, before the first step. */
export interface TrainStart {
  arch: Architecture;
  /** Names of the tensors, in StepMetrics.tensorGradNorms order. */
  tensorNames: string[];
  trainSize: number;
  valSize: number;
  stepsPerEpoch: number;
}

export interface TrainCallbacks {
  onStart?: (info: TrainStart) => void;
  onStep?: (metrics: StepMetrics) => void;
  onEpoch?: (metrics: EpochMetrics) => void;
  /** Checked between steps; true ends the run as `stopped`. */
  shouldStop?: () => boolean;
  /** How often the loop yields to the event loop, in milliseconds (default 25). */
  yieldEveryMs?: number;
}

export interface TrainResult {
  status: TrainStatus;
  /** Why training ended: 'epochs', 'early-stopping', 'stopped' or 'diverged'. */
  reason: 'epochs' | 'early-stopping' | 'stopped' | 'diverged';
  arch: Architecture;
  epochs: number;
  steps: number;
  seconds: number;
  /** The weights at the end, and at the epoch of the best validation accuracy. */
  finalParams: Parameters;
  bestParams: Parameters;
  bestEpoch: number;
  bestValAccuracy: number | null;
  /** Figures of the last completed epoch. */
  lastEpoch: EpochMetrics | null;
  /** Accuracy and loss of bestParams on the test set, when one is given. */
  testAccuracy: number | null;
  testLoss: number | null;
  testConfusion: number[][] | null;
  normalization: Normalization | null;
  trainIndices: Int32Array;
  valIndices: Int32Array;
  divergence: Divergence | null;
  /** Names of the tensors in StepMetrics.tensorGradNorms order. */
  tensorNames: string[];
}

export function architectureFor(config: TrainConfig, data: Dataset): Architecture {
  return {
    inputSize: data.numFeatures,
    hiddenSize: config.hiddenSize,
    numClasses: data.classLabels.length,
    numLayers: config.numLayers,
    cell: config.cell,
    activation: config.activation,
    residual: config.residual,
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function train(input: TrainInput, callbacks: TrainCallbacks = {}): Promise<TrainResult> {
  const { config } = input;
  const start = now();
  const split = stratifiedSplit(input.train.labels, config.valSplit, config.seed);
  const normalization = config.normalize ? fitNormalization(input.train, split.train) : null;
  const prepare = (d: Dataset): Dataset => (normalization ? normalizeDataset(d, normalization) : d);
  const trainData = prepare(subset(input.train, split.train, input.train.name));
  const valData = split.val.length > 0 ? prepare(subset(input.train, split.val, input.train.name)) : null;
  const testData = input.test ? prepare(input.test) : null;

  const arch = architectureFor(config, input.train);
  const initial = initializeParameters(arch, config.init, config.seed, 'float32', config.gateBias);
  const shuffleRng = createRng(config.seed, 'shuffle');
  const order = Array.from({ length: trainData.sequences.length }, (_, i) => i);
  const batchSize = Math.max(1, Math.min(config.batchSize, order.length));
  // Sized for the longest training sequence, so the memory never grows while training.
  const longest = trainData.sequences.reduce((m, s) => Math.max(m, s.length / trainData.numFeatures), 1);
  const engine = createTrainingEngine(arch, initial, config.optimizer, {
    kernels: input.kernels,
    capacity: { T: longest, B: batchSize },
    threads: input.threads,
  });
  const params = engine.params;
  const tensorNames = params.layout.tensors.map((t) => t.name);
  callbacks.onStart?.({
    arch,
    tensorNames,
    trainSize: order.length,
    valSize: split.val.length,
    stepsPerEpoch: Math.ceil(order.length / batchSize),
  });

  let best = convertParameters(params, 'float32');
  let bestEpoch = 0;
  let bestValAccuracy: number | null = null;
  let bestValLoss = Infinity;
  let epochsSinceBest = 0;
  let step = 0;
  let epochsDone = 0;
  let lastEpoch: EpochMetrics | null = null;
  let lastFinite: StepMetrics | null = null;
  let lastYield = now();
  let reason: TrainResult['reason'] = 'epochs';
  let divergence: Divergence | null = null;
  const yieldEvery = callbacks.yieldEveryMs ?? 25;

  training: for (let epoch = 1; epoch <= config.epochs; epoch++) {
    shuffleRng.shuffle(order);
    const profile: TemporalProfileAccumulator = createProfileAccumulator(arch.numLayers);
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (let from = 0; from < order.length; from += batchSize) {
      if (callbacks.shouldStop?.()) {
        reason = 'stopped';
        break training;
      }
      const batch = makeBatch(trainData, order.slice(from, from + batchSize), 'float32');
      const result = engine.lossAndGradient(batch, config.l2, profile);
      step++;
      const tensorGradNorms = engine.tensorGradientNorms();
      const clip = engine.clipGradients(config.clip);
      const metrics: StepMetrics = {
        step,
        epoch,
        loss: result.loss,
        gradNormBefore: clip.normBefore,
        gradNormAfter: clip.normAfter,
        clipped: clip.clipped,
        tensorGradNorms,
      };
      if (!Number.isFinite(result.loss) || !Number.isFinite(clip.normBefore)) {
        const quantity = Number.isFinite(result.loss) ? 'gradient norm' : 'loss';
        divergence = { step, epoch, quantity, lastFinite };
        callbacks.onStep?.(metrics);
        reason = 'diverged';
        break training;
      }
      engine.step();
      lastFinite = metrics;
      callbacks.onStep?.(metrics);
      lossSum += result.dataLoss * batch.size;
      correct += result.correct;
      seen += batch.size;
      if (now() - lastYield >= yieldEvery) {
        await nextTick();
        lastYield = now();
      }
    }

    const val = valData ? engine.evaluate(params, valData) : null;
    const test = testData ? engine.evaluate(params, testData) : null;
    epochsDone = epoch;
    lastEpoch = {
      epoch,
      step,
      trainLoss: lossSum / seen,
      trainAccuracy: correct / seen,
      valLoss: val ? val.loss : null,
      valAccuracy: val ? val.accuracy : null,
      testLoss: test ? test.loss : null,
      testAccuracy: test ? test.accuracy : null,
      seconds: (now() - start) / 1000,
      spectralNorms: spectralNorms(params),
      temporalProfile: temporalProfile(profile),
    };
    callbacks.onEpoch?.(lastEpoch);

    if (val) {
      // A tie in accuracy (common once a small validation set is all right) goes to the lower loss.
      const better =
        bestValAccuracy === null ||
        val.accuracy > bestValAccuracy ||
        (val.accuracy === bestValAccuracy && val.loss < bestValLoss);
      if (better) {
        bestValAccuracy = val.accuracy;
        bestValLoss = val.loss;
        bestEpoch = epoch;
        best = convertParameters(params, 'float32');
        epochsSinceBest = 0;
      } else if (config.patience !== null && ++epochsSinceBest >= config.patience) {
        reason = 'early-stopping';
        break;
      }
    } else {
      bestEpoch = epoch;
      best = convertParameters(params, 'float32');
    }
  }

  // Without any finished epoch (stopped or diverged in the first), the best model is the initial one.
  const bestTest = testData ? engine.evaluate(best, testData) : null;
  engine.dispose();
  const status: TrainStatus =
    reason === 'stopped' ? 'stopped' : reason === 'diverged' ? 'diverged' : 'completed';
  return {
    status,
    reason,
    arch,
    epochs: epochsDone,
    steps: step,
    seconds: (now() - start) / 1000,
    // A copy: with the wasm kernels the weights are a view into the engine's memory.
    finalParams: convertParameters(params, 'float32'),
    bestParams: best,
    bestEpoch,
    bestValAccuracy,
    lastEpoch,
    testAccuracy: bestTest ? bestTest.accuracy : null,
    testLoss: bestTest ? bestTest.loss : null,
    testConfusion: bestTest ? bestTest.confusion : null,
    normalization,
    trainIndices: split.train,
    valIndices: split.val,
    divergence,
    tensorNames,
  };
}

function spectralNorms(params: Parameters): number[] {
  const { arch } = params.layout;
  return Array.from({ length: arch.numLayers }, (_, l) => {
    const W = layerTensors(params.layout, l).W;
    return largestSingularValue(tensorView(params.values, W), W.rows, W.cols);
  });
}
