// The Run screen's header figures: from the record once finished, from the metrics while training.

import { describe, expect, it } from 'vitest';
import type { MetricSummary, RunRecord } from '../../../core/api/entities';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { headerFigures } from '../../../renderer/src/run/headerFigures';

const record = (overrides: Partial<RunRecord>): RunRecord => ({
  id: 3,
  datasetId: 1,
  experimentId: null,
  name: '',
  config: defaultTrainConfig,
  seed: 1,
  status: 'completed',
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:10.000Z',
  endedAt: null,
  summary: {
    epochs: 0,
    steps: 0,
    bestValAccuracy: null,
    bestEpoch: null,
    finalTestAccuracy: null,
    finalTrainLoss: null,
    divergedAtStep: null,
    seconds: null,
  },
  ...overrides,
});

const summary = (metric: string, fields: Partial<MetricSummary>): MetricSummary => ({
  metric,
  count: 0,
  last: null,
  lastStep: null,
  min: null,
  max: null,
  best: null,
  bestStep: null,
  ...fields,
});

describe('headerFigures', () => {
  it('takes a finished run figures from its record', () => {
    const run = record({
      summary: {
        epochs: 6,
        steps: 300,
        bestValAccuracy: 0.98,
        bestEpoch: 5,
        finalTestAccuracy: 0.97,
        finalTrainLoss: 0.1,
        divergedAtStep: null,
        seconds: 12,
      },
    });
    expect(headerFigures(run, [], undefined, 0)).toEqual({
      bestValAccuracy: 0.98,
      bestDetail: 'epoch 5',
      testAccuracy: 0.97,
      testDetail: 'best-validation model',
      trainLoss: 0.1,
      epochsDone: 6,
      steps: 300,
      seconds: 12,
    });
  });

  it('takes a training run figures from its metrics and progress', () => {
    const run = record({ status: 'running' });
    const summaries = [
      summary('val_accuracy', { count: 2, best: 0.9, bestStep: 50, last: 0.85 }),
      summary('test_accuracy', { count: 2, last: 0.8 }),
      summary('train_loss', { count: 2, last: 0.4 }),
      summary('loss', { count: 100 }),
    ];
    const progress = {
      runId: 3,
      epoch: 3,
      totalEpochs: 10,
      step: 120,
      fraction: 0.25,
      etaSeconds: 30,
      loss: 0.3,
      gradNormBefore: 1,
      gradNormAfter: 1,
      valAccuracy: 0.85,
    };
    const now = Date.parse('2026-01-01T00:00:25.000Z');
    expect(headerFigures(run, summaries, progress, now)).toEqual({
      bestValAccuracy: 0.9,
      bestDetail: 'step 50',
      testAccuracy: 0.8,
      testDetail: 'latest epoch',
      trainLoss: 0.4,
      epochsDone: 2,
      steps: 120,
      seconds: 15,
    });
  });

  it('shows nothing yet for a queued run', () => {
    const figures = headerFigures(record({ status: 'queued', startedAt: null }), [], undefined, 0);
    expect(figures.bestValAccuracy).toBeNull();
    expect(figures.steps).toBe(0);
    expect(figures.seconds).toBeNull();
    expect(figures.bestDetail).toBe('');
  });
});
