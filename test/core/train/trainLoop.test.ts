import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import type { EpochMetrics, StepMetrics } from '../../../core/train/metrics';
import { defaultOptimizerConfig } from '../../../core/train/optimizers';
import { train } from '../../../core/train/trainLoop';
import { randomDataset } from '../../helpers/networkFixtures';

const data = randomDataset(
  Array.from({ length: 60 }, (_, i) => 3 + (i % 9)),
  2,
  3,
);

function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return { ...defaultTrainConfig, hiddenSize: 8, epochs: 3, batchSize: 8, ...overrides };
}

async function record(cfg: TrainConfig) {
  const steps: StepMetrics[] = [];
  const epochs: EpochMetrics[] = [];
  const result = await train(
    { config: cfg, train: data, test: data },
    {
      onStep: (m) => steps.push(m),
      onEpoch: (m) => epochs.push(m),
    },
  );
  return { result, steps, epochs };
}

describe('the training loop', () => {
  it('reports every per-step and per-epoch figure', async () => {
    const { result, steps, epochs } = await record(config({ numLayers: 2, cell: 'highway' }));
    expect(result.status).toBe('completed');
    // 48 training sequences (20 % held out) in batches of 8: 6 steps per epoch.
    expect(steps).toHaveLength(18);
    expect(steps.map((s) => s.step)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    for (const s of steps) {
      expect(Number.isFinite(s.loss)).toBe(true);
      expect(s.gradNormAfter).toBeLessThanOrEqual(Math.max(s.gradNormBefore, 1) + 1e-6);
      expect(s.tensorGradNorms).toHaveLength(result.tensorNames.length);
    }
    expect(result.tensorNames).toContain('layers.1.Wg');
    expect(epochs).toHaveLength(3);
    for (const e of epochs) {
      expect(e.valAccuracy).not.toBeNull();
      expect(e.testAccuracy).not.toBeNull();
      expect(e.spectralNorms).toHaveLength(2);
      expect(e.temporalProfile).toHaveLength(2);
      expect(e.temporalProfile[0]).toHaveLength(11);
      expect(e.temporalProfile[0].every((v) => v > 0)).toBe(true);
    }
    expect(result.trainIndices.length + result.valIndices.length).toBe(60);
  });

  it('is deterministic: the same seed gives identical figures and weights, another seed does not', async () => {
    const a = await record(config({ seed: 5 }));
    const b = await record(config({ seed: 5 }));
    const c = await record(config({ seed: 6 }));
    expect(b.steps.map((s) => s.loss)).toEqual(a.steps.map((s) => s.loss));
    expect(b.steps.map((s) => s.gradNormBefore)).toEqual(a.steps.map((s) => s.gradNormBefore));
    expect(Array.from(b.result.finalParams.values)).toEqual(Array.from(a.result.finalParams.values));
    expect(c.steps.map((s) => s.loss)).not.toEqual(a.steps.map((s) => s.loss));
  });

  it('clips: with a tiny threshold every step is clipped to it', async () => {
    const { steps } = await record(config({ clip: { maxNorm: 1e-3, maxValue: null } }));
    for (const s of steps) {
      expect(s.clipped).toBe(true);
      expect(s.gradNormAfter).toBeCloseTo(1e-3, 6);
    }
  });

  it('batch size 1 is stochastic and batch size M full-batch', async () => {
    const sgd = await record(config({ batchSize: 1, epochs: 1 }));
    expect(sgd.steps).toHaveLength(48);
    const full = await record(config({ batchSize: 48, epochs: 2 }));
    expect(full.steps).toHaveLength(2);
    const oversized = await record(config({ batchSize: 1000, epochs: 1 }));
    expect(oversized.steps).toHaveLength(1);
  });

  it('ends as diverged at the step where the loss stops being finite, without throwing', async () => {
    const { result, steps } = await record(
      config({
        activation: 'relu',
        init: 'identity',
        optimizer: defaultOptimizerConfig('sgd', 1e6),
        clip: { maxNorm: null, maxValue: null },
        epochs: 20,
      }),
    );
    expect(result.status).toBe('diverged');
    expect(result.divergence).not.toBeNull();
    expect(result.divergence!.step).toBe(steps[steps.length - 1].step);
    expect(result.divergence!.lastFinite?.step).toBe(result.divergence!.step - 1);
    expect(Number.isFinite(result.divergence!.lastFinite!.loss)).toBe(true);
  });

  it('stops between steps when asked, keeping what it has', async () => {
    let calls = 0;
    const result = await train(
      { config: config({ epochs: 50 }), train: data },
      { shouldStop: () => ++calls > 4 },
    );
    expect(result.status).toBe('stopped');
    expect(result.steps).toBe(4);
  });

  it('stops early when validation accuracy stops improving', async () => {
    const { result } = await record(
      config({ optimizer: defaultOptimizerConfig('sgd', 1e-12), epochs: 50, patience: 2 }),
    );
    expect(result.reason).toBe('early-stopping');
    expect(result.status).toBe('completed');
    expect(result.epochs).toBe(3);
    expect(result.bestEpoch).toBe(1);
  });

  it('without a validation split keeps the last weights as the best', async () => {
    const { result, epochs } = await record(config({ valSplit: 0 }));
    expect(epochs[0].valAccuracy).toBeNull();
    expect(result.bestEpoch).toBe(3);
    expect(Array.from(result.bestParams.values)).toEqual(Array.from(result.finalParams.values));
  });
});
