// Training throughput: sequences per second through full training steps (forward, backward,
// global-norm clipping at 1, an Adam step) in float32 on one thread. Other work on the machine
// only ever slows a step down, so the figure is the best of several timed windows.

import type { Dataset } from '../../core/data/dataset';
import type { Architecture } from '../../core/model/architecture';
import { makeBatch } from '../../core/model/batch';
import { initializeParameters } from '../../core/model/init';
import { createRng } from '../../core/random';
import { createTrainingEngine } from '../../core/train/engine';
import { defaultOptimizerConfig } from '../../core/train/optimizers';
import type { KernelChoice } from '../../core/wasm/wasmKernels';
import type { BenchConfig } from './referenceConfigs';

export interface ThroughputOptions {
  /** Minimum seconds of every timed window. */
  seconds: number;
  /** Timed windows; the fastest counts. */
  repeat: number;
  kernels: KernelChoice;
  /** wasm only: the backward flush threshold (0 keeps subnormal floats). */
  flushBelow?: number;
  /** wasm only: threads each batch is split across (needs a registered lane thread spawner). */
  threads?: number;
}

export const defaultThroughputOptions: ThroughputOptions = { seconds: 2, repeat: 3, kernels: 'auto' };

export interface ThroughputResult {
  name: string;
  shape: { N: number; L: number; K: number; T: number; batch: number; D: number };
  /** The kernels that ran: 'wasm' or 'plain'. */
  kernels: string;
  /** Threads each batch was split across. */
  threads: number;
  /** Of the fastest window. */
  sequencesPerSecond: number;
  msPerStep: number;
  /** Floating-point operations per second of the matrix products, estimated from the shapes. */
  gflops: number;
  steps: number;
  seconds: number;
  /** Sequences per second of every window, in order. */
  windows: number[];
}

export function randomBatchData(c: BenchConfig, seed: number, sequences = c.batchSize): Dataset {
  const rng = createRng(seed, 'bench');
  return {
    name: c.name,
    numFeatures: c.inputSize,
    classLabels: Array.from({ length: c.numClasses }, (_, k) => String(k)),
    sequences: Array.from({ length: sequences }, () =>
      Float64Array.from({ length: c.steps * c.inputSize }, () => rng.normal()),
    ),
    labels: Int32Array.from({ length: sequences }, () => rng.int(c.numClasses)),
  };
}

/** Multiply-adds of one training step: forward (1x) plus backward (2x) of every product. */
export function flopsPerStep(c: BenchConfig): number {
  let perStep = 0;
  for (let l = 0; l < c.numLayers; l++) {
    const n = l === 0 ? c.inputSize : c.hiddenSize;
    perStep += c.hiddenSize * (n + c.hiddenSize);
  }
  const recurrent = perStep * c.steps + c.hiddenSize * c.numClasses;
  return 2 * 3 * recurrent * c.batchSize;
}

export function benchArchitecture(c: BenchConfig): Architecture {
  return {
    inputSize: c.inputSize,
    hiddenSize: c.hiddenSize,
    numClasses: c.numClasses,
    numLayers: c.numLayers,
    cell: 'elman',
    activation: 'tanh',
    residual: false,
  };
}

export function measureThroughput(
  c: BenchConfig,
  options: Partial<ThroughputOptions> = {},
): ThroughputResult {
  const { seconds, repeat, kernels, flushBelow, threads } = { ...defaultThroughputOptions, ...options };
  const arch = benchArchitecture(c);
  const data = randomBatchData(c, 1);
  const batch = makeBatch(
    data,
    data.sequences.map((_, i) => i),
    'float32',
  );
  const params = initializeParameters(arch, 'uniform', 1, 'float32');
  const engine = createTrainingEngine(arch, params, defaultOptimizerConfig('adam', 1e-3), {
    kernels,
    capacity: { T: c.steps, B: c.batchSize },
    flushBelow,
    threads,
  });
  const step = (): void => {
    engine.lossAndGradient(batch, 0, null);
    engine.clipGradients({ maxNorm: 1, maxValue: null });
    engine.step();
  };
  for (let i = 0; i < 3; i++) step();
  const windows: number[] = [];
  let best = { steps: 0, elapsed: Infinity };
  for (let w = 0; w < Math.max(1, repeat); w++) {
    let steps = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < seconds * 1000 || steps < 3) {
      step();
      steps++;
      elapsed = performance.now() - start;
    }
    windows.push((steps * c.batchSize) / (elapsed / 1000));
    if (elapsed / steps < best.elapsed / Math.max(1, best.steps)) best = { steps, elapsed };
  }
  const windowSeconds = best.elapsed / 1000;
  engine.dispose();
  return {
    name: c.name,
    shape: {
      N: c.inputSize,
      L: c.hiddenSize,
      K: c.numClasses,
      T: c.steps,
      batch: c.batchSize,
      D: c.numLayers,
    },
    kernels: engine.kernels,
    threads: engine.threads,
    sequencesPerSecond: (best.steps * c.batchSize) / windowSeconds,
    msPerStep: best.elapsed / best.steps,
    gflops: (flopsPerStep(c) * best.steps) / windowSeconds / 1e9,
    steps: best.steps,
    seconds: windowSeconds,
    windows,
  };
}
