// Reproduces the seed's point: optimizer steps until 99 % test accuracy on temporal-order at
// T = 50 and T = 100 (hidden 64, Adam 1e-3, batch 32) for plain elman, elman + clip-norm 1,
// highway + clip and IRNN + clip. Not a test: it trains for minutes.
//
//   npx tsx bench/stepsToAccuracy.ts [--T 50,100] [--max-steps 15000] [--every 50] [--seed 1] [--json]

import { parseArgs } from 'node:util';
import { generateBuiltin, parseBuiltinSpec } from '../core/data/synthetic/index';
import type { Architecture } from '../core/model/architecture';
import { makeBatch } from '../core/model/batch';
import { evaluate } from '../core/model/evaluate';
import { initializeParameters } from '../core/model/init';
import { createWorkspace, lossAndGradient } from '../core/model/network';
import { allocate } from '../core/numeric';
import { createRng } from '../core/random';
import { clipGradients } from '../core/train/clipping';
import type { ClipConfig, InitName } from '../core/train/config';
import { createOptimizer, defaultOptimizerConfig } from '../core/train/optimizers';

interface Variant {
  name: string;
  cell: Architecture['cell'];
  activation: Architecture['activation'];
  init: InitName;
  clip: ClipConfig;
}

const noClip: ClipConfig = { maxNorm: null, maxValue: null };
const clipNorm1: ClipConfig = { maxNorm: 1, maxValue: null };
// PyTorch's default initialization for the tanh nets, so the figures compare with nn.RNN's.
const variants: Variant[] = [
  { name: 'elman', cell: 'elman', activation: 'tanh', init: 'uniform', clip: noClip },
  { name: 'elman + clip', cell: 'elman', activation: 'tanh', init: 'uniform', clip: clipNorm1 },
  { name: 'highway + clip', cell: 'highway', activation: 'tanh', init: 'uniform', clip: clipNorm1 },
  { name: 'IRNN + clip', cell: 'elman', activation: 'relu', init: 'identity', clip: clipNorm1 },
];

const { values: args } = parseArgs({
  options: {
    T: { type: 'string', default: '50,100' },
    'max-steps': { type: 'string', default: '15000' },
    every: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

interface Outcome {
  T: number;
  variant: string;
  stepsTo99: number | null;
  finalTestAccuracy: number;
  stepsRun: number;
  seconds: number;
}

function runVariant(T: number, variant: Variant, maxSteps: number, every: number, seed: number): Outcome {
  const spec = parseBuiltinSpec(`builtin:temporal-order?T=${T}&n=20000&nTest=1000&seed=${seed}`);
  if (!spec.ok) throw new Error(spec.error.message);
  const { train, test } = generateBuiltin(spec.value);
  const arch: Architecture = {
    inputSize: train.numFeatures,
    hiddenSize: 64,
    numClasses: train.classLabels.length,
    numLayers: 1,
    cell: variant.cell,
    activation: variant.activation,
    residual: false,
  };
  const params = initializeParameters(arch, variant.init, seed, 'float32');
  const grads = allocate('float32', params.layout.size);
  const optimizer = createOptimizer(defaultOptimizerConfig('adam', 1e-3), params.layout.size, 'float32');
  const ws = createWorkspace(arch, 'float32');
  const evalWs = createWorkspace(arch, 'float32');
  const rng = createRng(seed, 'steps-to-accuracy');
  const start = performance.now();
  let accuracy = 0;
  for (let step = 1; step <= maxSteps; step++) {
    const indices = Array.from({ length: 32 }, () => rng.int(train.sequences.length));
    lossAndGradient(params, makeBatch(train, indices, 'float32'), ws, grads, 0);
    const clip = clipGradients(grads, variant.clip);
    if (!Number.isFinite(clip.normBefore)) break;
    optimizer.step(params.values, grads);
    if (step % every === 0) {
      accuracy = evaluate(params, test, undefined, evalWs).accuracy;
      if (accuracy >= 0.99) {
        return {
          T,
          variant: variant.name,
          stepsTo99: step,
          finalTestAccuracy: accuracy,
          stepsRun: step,
          seconds: (performance.now() - start) / 1000,
        };
      }
    }
  }
  return {
    T,
    variant: variant.name,
    stepsTo99: null,
    finalTestAccuracy: accuracy,
    stepsRun: maxSteps,
    seconds: (performance.now() - start) / 1000,
  };
}

const outcomes: Outcome[] = [];
const only = args.only?.split(',');
for (const T of args.T.split(',').map(Number)) {
  for (const variant of variants.filter((v) => !only || only.includes(v.name))) {
    const outcome = runVariant(T, variant, Number(args['max-steps']), Number(args.every), Number(args.seed));
    outcomes.push(outcome);
    if (!args.json) {
      const reached =
        outcome.stepsTo99 === null
          ? `not within ${outcome.stepsRun} steps (test ${(100 * outcome.finalTestAccuracy).toFixed(1)} %)`
          : `${outcome.stepsTo99} steps`;
      console.log(`T=${T}  ${variant.name.padEnd(15)} ${reached}  [${outcome.seconds.toFixed(0)} s]`);
    }
  }
}
if (args.json) console.log(JSON.stringify({ outcomes }, null, 2));
