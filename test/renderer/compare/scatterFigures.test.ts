import { describe, expect, it } from 'vitest';
import type { MetricSummary, RunRecord } from '../../../core/api/entities';
import { defaultTrainConfig } from '../../../core/train/defaults';
import type { TrainConfig } from '../../../core/train/config';
import { liveSummary, scatterData } from '../../../renderer/src/compare/scatterFigures';

function run(id: number, config: Partial<TrainConfig>, bestValAccuracy: number | null): RunRecord {
  return {
    id,
    datasetId: 1,
    experimentId: null,
    name: `run ${id}`,
    config: { ...defaultTrainConfig, ...config },
    seed: 1,
    status: 'completed',
    error: null,
    createdAt: '',
    startedAt: null,
    endedAt: null,
    summary: {
      epochs: 1,
      steps: 1,
      bestValAccuracy,
      bestEpoch: 1,
      finalTestAccuracy: null,
      finalTrainLoss: 0.5,
      divergedAtStep: null,
      seconds: 1,
    },
  };
}

describe('scatterData', () => {
  it('puts numeric hyperparameters on a numeric axis', () => {
    const data = scatterData(
      [run(1, { hiddenSize: 16 }, 0.8), run(2, { hiddenSize: 64 }, 0.9)],
      'bestValAccuracy',
      'hiddenSize',
    );
    expect(data.kind).toBe('numeric');
    expect(data.dots.map((d) => [d.runId, d.x, d.y])).toEqual([
      [1, 16, 0.8],
      [2, 64, 0.9],
    ]);
  });

  it('spreads the runs of a category around its index', () => {
    const runs = [
      run(1, { cell: 'highway' }, 0.9),
      run(2, { cell: 'elman' }, 0.7),
      run(3, { cell: 'highway' }, 0.95),
    ];
    const data = scatterData(runs, 'bestValAccuracy', 'cell');
    expect(data.kind).toBe('categorical');
    expect(data.categories).toEqual(['elman', 'highway']);
    const x = new Map(data.dots.map((d) => [d.runId, d.x]));
    expect(x.get(2)).toBe(0);
    expect(x.get(1)).toBeCloseTo(0.82);
    expect(x.get(3)).toBeCloseTo(1.18);
  });

  it('treats "none" among numbers as a category', () => {
    const runs = [
      run(1, { clip: { maxNorm: 1, maxValue: null } }, 0.9),
      run(2, { clip: { maxNorm: null, maxValue: null } }, 0.8),
    ];
    const data = scatterData(runs, 'bestValAccuracy', 'clip.maxNorm');
    expect(data.categories).toEqual(['none', '1']);
  });

  it('lists the runs without the figure', () => {
    const data = scatterData([run(1, {}, null), run(2, {}, 0.5)], 'bestValAccuracy', 'cell');
    expect(data.missing).toEqual([1]);
    expect(data.dots).toHaveLength(1);
  });
});

describe('liveSummary', () => {
  it('takes a training run figures from its metric summaries', () => {
    const metric = (name: string, last: number, best: number): MetricSummary => ({
      metric: name,
      count: 2,
      last,
      lastStep: 10,
      min: 0,
      max: 1,
      best,
      bestStep: 5,
    });
    const summary = liveSummary(run(1, {}, null).summary, [
      metric('val_accuracy', 0.6, 0.7),
      metric('test_accuracy', 0.65, 0.66),
      metric('train_loss', 0.3, 0.3),
    ]);
    expect(summary.bestValAccuracy).toBe(0.7);
    expect(summary.finalTestAccuracy).toBe(0.65);
    expect(summary.finalTrainLoss).toBe(0.3);
  });
});
