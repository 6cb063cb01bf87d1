import { describe, expect, it } from 'vitest';
import type { RunRecord, RunStatus } from '../../../core/api/entities';
import type { RunProgress } from '../../../core/api/labEvents';
import { defaultTrainConfig } from '../../../core/train/defaults';
import {
  matchesFilter,
  nextSort,
  NO_FILTER,
  runRow,
  sortRows,
  type RunRow,
} from '../../../renderer/src/runs/runRows';

function run(
  id: number,
  changes: Partial<RunRecord> = {},
  summary: Partial<RunRecord['summary']> = {},
): RunRecord {
  return {
    id,
    datasetId: 1,
    experimentId: null,
    name: `run ${id}`,
    config: defaultTrainConfig,
    seed: 1,
    status: 'completed' as RunStatus,
    error: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    startedAt: '2024-01-01T00:00:00.000Z',
    endedAt: '2024-01-01T00:01:00.000Z',
    summary: {
      epochs: 10,
      steps: 100,
      bestValAccuracy: null,
      bestEpoch: null,
      finalTestAccuracy: null,
      finalTrainLoss: null,
      divergedAtStep: null,
      seconds: 55,
      ...summary,
    },
    ...changes,
  };
}

const progress: RunProgress = {
  runId: 2,
  epoch: 3,
  totalEpochs: 100,
  step: 30,
  fraction: 0.03,
  etaSeconds: 80,
  loss: 1,
  gradNormBefore: 1,
  gradNormAfter: 1,
  valAccuracy: 0.4,
};

const sources = {
  datasetNames: new Map([[1, 'waveforms']]),
  experimentNames: new Map([[4, 'depth']]),
  progress: new Map([[2, progress]]),
  nowMs: Date.parse('2024-01-01T00:00:20.000Z'),
};

describe('runRow', () => {
  it('takes a finished run’s figures from its summary', () => {
    const row = runRow(run(1, { experimentId: 4 }, { bestValAccuracy: 0.9 }), sources);
    expect(row).toMatchObject({
      datasetName: 'waveforms',
      experimentName: 'depth',
      progress: null,
      epoch: 10,
      totalEpochs: 100,
      bestValAccuracy: 0.9,
      durationSeconds: 55,
    });
  });

  it('takes a training run’s figures from its live progress and the clock', () => {
    const row = runRow(run(2, { status: 'running', endedAt: null }, { epochs: 0, seconds: null }), sources);
    expect(row).toMatchObject({ progress, epoch: 3, bestValAccuracy: 0.4, durationSeconds: 20 });
  });

  it('names a dataset it does not know by its id', () => {
    expect(runRow(run(3, { datasetId: 9 }), sources).datasetName).toBe('dataset 9');
  });
});

describe('matchesFilter', () => {
  const rows = [
    runRow(run(1, { name: 'layers=1 clip-norm=none', experimentId: 4 }), sources),
    runRow(run(2, { name: 'layers=2 clip-norm=1', status: 'diverged', datasetId: 2 }), sources),
  ];
  const ids = (filter: typeof NO_FILTER) => rows.filter((r) => matchesFilter(r, filter)).map((r) => r.run.id);

  it('filters by status, dataset, experiment and words of the name', () => {
    expect(ids(NO_FILTER)).toEqual([1, 2]);
    expect(ids({ ...NO_FILTER, status: 'diverged' })).toEqual([2]);
    expect(ids({ ...NO_FILTER, datasetId: 1 })).toEqual([1]);
    expect(ids({ ...NO_FILTER, experiment: 4 })).toEqual([1]);
    expect(ids({ ...NO_FILTER, experiment: 'none' })).toEqual([2]);
    expect(ids({ ...NO_FILTER, text: 'NONE layers' })).toEqual([1]);
    expect(ids({ ...NO_FILTER, text: '#2' })).toEqual([2]);
  });
});

describe('sortRows', () => {
  const rows: RunRow[] = [
    runRow(run(1, { name: 'b' }, { bestValAccuracy: 0.5 }), sources),
    runRow(run(2, { name: 'a10' }, { bestValAccuracy: null }), sources),
    runRow(run(3, { name: 'a9' }, { bestValAccuracy: 0.9 }), sources),
  ];
  const order = (key: Parameters<typeof nextSort>[1], direction: 'ascending' | 'descending') =>
    sortRows(rows, { key, direction }).map((r) => r.run.id);

  it('sorts figures either way, runs without one always last', () => {
    expect(order('bestValAccuracy', 'descending')).toEqual([3, 1, 2]);
    expect(order('bestValAccuracy', 'ascending')).toEqual([1, 3, 2]);
  });

  it('sorts names naturally (a9 before a10)', () => {
    expect(order('name', 'ascending')).toEqual([3, 2, 1]);
  });

  it('flips the direction on the same column; text starts ascending, figures descending', () => {
    expect(nextSort({ key: 'id', direction: 'descending' }, 'id')).toEqual({
      key: 'id',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'id', direction: 'descending' }, 'name').direction).toBe('ascending');
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'duration').direction).toBe('descending');
  });
});
