// Training throughput: sequences per second through full training steps (forward, backward,
// global-norm clipping at 1, an Adam step) in float32 on one thread.

import type { Dataset } from '../../core/data/dataset';
import type { Architecture } from '../../core/model/architecture';
import { makeBatch } from '../../core/model/batch';
import { initializeParameters } from '../../core/model/init';
import { createWorkspace, lossAndGradient } from '../../core/model/network';
import { allocate } from '../../core/numeric';
import { createRng } from '../../core/random';
import { clipGradients } from '../../core/train/clipping';
import { createOptimizer, defaultOptimizerConfig } from '../../core/train/optimizers';
import type { BenchConfig } from './referenceConfigs';

export interface ThroughputResult {
  name: string;
  shape: { N: number; L: number; K: number; T: number; batch: number; D: number };
  sequencesPerSecond: number;
  msPerStep: number;
  /** Floating-point operations per second of the matrix products, estimated from the shapes. */
  gflops: number;
  steps: number;
  seconds: number;
}

function randomBatchData(c: BenchConfig, seed: number): Dataset {
  const rng = createRng(seed, 'bench');
  return {
    name: c.name,
    numFeatures: c.inputSize,
    classLabels: Array.from({ length: c.numClasses }, (_, k) => String(k)),
    sequences: Array.from({ length: c.batchSize }, () =>
      Float64Array.from({ length: c.steps * c.inputSize }, () => rng.normal()),
    ),
    labels: Int32Array.from({ length: c.batchSize }, () => rng.int(c.numClasses)),
  };
}

/** Multiply-adds of one training step: forward (1x) plus backward (2x) of every product. */
function flopsPerStep(c: BenchConfig): number {
  let perStep = 0;
  for (let l = 0; l < c.numLayers; l++) {
    const n = l === 0 ? c.inputSize : c.hiddenSize;
    perStep += c.hiddenSize * (n + c.hiddenSize);
  }
  const recurrent = perStep * c.steps + c.hiddenSize * c.numClasses;
  return 2 * 3 * recurrent * c.batchSize;
}

export function measureThroughput(c: BenchConfig, minSeconds = 2): ThroughputResult {
  const arch: Architecture = {
    inputSize: c.inputSize,
    hiddenSize: c.hiddenSize,
    numClasses: c.numClasses,
    numLayers: c.numLayers,
    cell: 'elman',
    activation: 'tanh',
    residual: false,
  };
  const data = randomBatchData(c, 1);
  const batch = makeBatch(
    data,
    data.sequences.map((_, i) => i),
    'float32',
  );
  const params = initializeParameters(arch, 'uniform', 1, 'float32');
  const grads = allocate('float32', params.layout.size);
  const optimizer = createOptimizer(defaultOptimizerConfig('adam', 1e-3), params.layout.size, 'float32');
  const ws = createWorkspace(arch, 'float32');
  const step = (): void => {
    lossAndGradient(params, batch, ws, grads, 0);
    clipGradients(grads, { maxNorm: 1, maxValue: null });
    optimizer.step(params.values, grads);
  };
  for (let i = 0; i < 3; i++) step();
  let steps = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minSeconds * 1000 || steps < 5) {
    step();
    steps++;
    elapsed = performance.now() - start;
  }
  const seconds = elapsed / 1000;
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
    sequencesPerSecond: (steps * c.batchSize) / seconds,
    msPerStep: elapsed / steps,
    gflops: (flopsPerStep(c) * steps) / seconds / 1e9,
    steps,
    seconds,
  };
}
