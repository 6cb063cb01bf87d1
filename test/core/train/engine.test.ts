// The two training engines give the same run: a short training with the same seed on the
// WebAssembly kernels and on the plain TypeScript path has the same loss curve, gradient norms,
// evaluation and weights, to float32 tolerance.

import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import type { StepMetrics } from '../../../core/train/metrics';
import { defaultOptimizerConfig } from '../../../core/train/optimizers';
import { train } from '../../../core/train/trainLoop';
import type { KernelChoice } from '../../../core/wasm/wasmKernels';
import { resolveKernels, setKernelPreference, wasmKernelsAvailable } from '../../../core/wasm/wasmKernels';
import { randomDataset } from '../../helpers/networkFixtures';

const data = randomDataset(
  Array.from({ length: 48 }, (_, i) => 4 + ((i * 7) % 13)),
  3,
  3,
);

async function run(cfg: TrainConfig, kernels: KernelChoice) {
  const steps: StepMetrics[] = [];
  const result = await train(
    { config: cfg, train: data, test: data, kernels },
    { onStep: (m) => steps.push(m) },
  );
  return { result, steps };
}

function config(overrides: Partial<TrainConfig>): TrainConfig {
  return { ...defaultTrainConfig, hiddenSize: 24, epochs: 3, batchSize: 8, ...overrides };
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-6);

describe.runIf(wasmKernelsAvailable())('WebAssembly and plain training engines', () => {
  const cases: [string, Partial<TrainConfig>][] = [
    ['elman, Adam, clip by norm', {}],
    [
      'highway, D=2, residual, RMSProp',
      { cell: 'highway', numLayers: 2, residual: true, optimizer: defaultOptimizerConfig('rmsprop') },
    ],
    [
      'relu IRNN, momentum, clip by value, L2',
      {
        activation: 'relu',
        init: 'identity',
        optimizer: defaultOptimizerConfig('momentum'),
        clip: { maxNorm: null, maxValue: 0.01 },
        l2: 1e-3,
      },
    ],
    ['SGD, D=2', { optimizer: defaultOptimizerConfig('sgd'), numLayers: 2 }],
    ['AdaGrad', { optimizer: defaultOptimizerConfig('adagrad') }],
  ];
  for (const [name, overrides] of cases) {
    it(`${name}: the same loss curve, norms and evaluation (same seed)`, async () => {
      const cfg = config(overrides);
      const fast = await run(cfg, 'wasm');
      const plain = await run(cfg, 'plain');
      expect(fast.steps).toHaveLength(plain.steps.length);
      fast.steps.forEach((s, i) => {
        const p = plain.steps[i];
        expect(relative(s.loss, p.loss), `loss at step ${s.step}`).toBeLessThan(1e-4);
        expect(relative(s.gradNormBefore, p.gradNormBefore), `norm at step ${s.step}`).toBeLessThan(1e-3);
        expect(s.clipped).toBe(p.clipped);
        s.tensorGradNorms.forEach((v, k) => expect(relative(v, p.tensorGradNorms[k])).toBeLessThan(1e-3));
      });
      expect(relative(fast.result.lastEpoch!.valLoss!, plain.result.lastEpoch!.valLoss!)).toBeLessThan(1e-4);
      expect(fast.result.lastEpoch!.valAccuracy).toBe(plain.result.lastEpoch!.valAccuracy);
      const a = fast.result.finalParams.values;
      const b = plain.result.finalParams.values;
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
      expect(worst).toBeLessThan(1e-4);
    });
  }

  it('chooses the kernels: an explicit choice, then the preference, then the environment, then auto', () => {
    expect(resolveKernels('plain')).toBe('plain');
    expect(resolveKernels('wasm')).toBe('wasm');
    setKernelPreference('plain');
    try {
      expect(resolveKernels()).toBe('plain');
      expect(resolveKernels('auto')).toBe('wasm');
    } finally {
      setKernelPreference(null);
    }
  });
});
