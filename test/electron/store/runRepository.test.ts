// Runs: creation with queryable hyperparameters, filtered and sorted listings, the status
// lifecycle, the parameters that differ, deletion and interrupted runs.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../core/api/entities';
import { INTERRUPTED_BEFORE_START, INTERRUPTED_WHILE_RUNNING } from '../../../electron/store/interruptedRuns';
import { config, epochRow, insertDataset, openTempStore, stepRow } from './storeFixtures';
import type { TempStore } from './storeFixtures';

let t: TempStore;
beforeEach(() => (t = openTempStore()));
afterEach(() => t.dispose());

const summary: RunSummary = {
  epochs: 3,
  steps: 30,
  bestValAccuracy: 0.9,
  bestEpoch: 2,
  finalTestAccuracy: 0.85,
  finalTrainLoss: 0.2,
  divergedAtStep: null,
  seconds: 1.5,
};

function count(table: string, runId: number): number {
  return (
    t.store.database.db
      .prepare<[number], number>(`SELECT count(*) FROM ${table} WHERE run_id = ?`)
      .pluck()
      .get(runId) ?? 0
  );
}

describe('RunRepository', () => {
  it('creates a queued run with every hyperparameter as a row', () => {
    const dataset = insertDataset(t.store);
    const cfg = config({ seed: 7, clip: { maxNorm: 5, maxValue: null } });
    const run = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'first',
      config: cfg,
    });
    expect(run).toMatchObject({
      datasetId: dataset.id,
      experimentId: null,
      name: 'first',
      seed: 7,
      status: 'queued',
    });
    expect(run.config).toEqual(cfg);
    expect(run.startedAt).toBeNull();
    const params = t.store.database.db
      .prepare<[number], { key: string; value: string | number }>(
        'SELECT key, value FROM run_params WHERE run_id = ? ORDER BY position',
      )
      .all(run.id);
    const byKey = Object.fromEntries(params.map((p) => [p.key, p.value]));
    expect(params[0].key).toBe('numLayers');
    expect(byKey).toMatchObject({
      numLayers: 1,
      'optimizer.kind': 'adam',
      'optimizer.lr': 0.003,
      'clip.maxNorm': 5,
      'clip.maxValue': 'none',
      normalize: 'true',
      residual: 'false',
      seed: 7,
    });
  });

  it('filters by dataset, experiment, status and a hyperparameter, and pages', () => {
    const d1 = insertDataset(t.store, 'one');
    const d2 = insertDataset(t.store, 'two', null, [2, 6]);
    const grid = t.store.experiments.create('grid', 'layers x clipping');
    const make = (
      datasetId: number,
      experimentId: number | null,
      numLayers: number,
      lr: number,
      maxNorm: number | null,
    ) =>
      t.store.runs.create({
        datasetId,
        experimentId,
        name: `L${numLayers}`,
        config: config({
          numLayers,
          optimizer: { kind: 'sgd', lr },
          clip: { maxNorm, maxValue: null },
        }),
      }).id;
    const a = make(d1.id, grid.id, 1, 0.1, 1);
    const b = make(d1.id, grid.id, 2, 0.1, null);
    const c = make(d2.id, null, 2, 0.003, 1);
    const d = make(d2.id, grid.id, 3, 1e-3, null);
    t.store.runs.markRunning(b);
    t.store.runs.finish(c, 'completed', summary);
    const ids = (filter: Parameters<typeof t.store.runs.list>[0]) =>
      t.store.runs.list(filter).map((r) => r.id);

    expect(ids({})).toEqual([a, b, c, d]);
    expect(ids({ datasetId: d1.id })).toEqual([a, b]);
    expect(ids({ experimentId: grid.id })).toEqual([a, b, d]);
    expect(ids({ experimentId: null })).toEqual([c]);
    expect(ids({ status: ['queued'] })).toEqual([a, d]);
    expect(ids({ status: ['running', 'completed'] })).toEqual([b, c]);
    expect(ids({ status: [] })).toEqual([]);
    expect(ids({ param: { key: 'numLayers', value: '2' } })).toEqual([b, c]);
    expect(ids({ param: { key: 'optimizer.lr', value: '0.003' } })).toEqual([c]);
    expect(ids({ param: { key: 'optimizer.lr', value: '1e-3' } })).toEqual([d]);
    expect(ids({ param: { key: 'clip.maxNorm', value: 'none' } })).toEqual([b, d]);
    expect(ids({ param: { key: 'optimizer.kind', value: 'sgd' } })).toEqual([a, b, c, d]);
    expect(ids({ param: { key: 'normalize', value: 'true' }, datasetId: d2.id, status: ['queued'] })).toEqual(
      [d],
    );
    expect(ids({ descending: true })).toEqual([d, c, b, a]);
    expect(ids({ limit: 2 })).toEqual([a, b]);
    expect(ids({ limit: 2, offset: 2 })).toEqual([c, d]);
    expect(ids({ offset: 3 })).toEqual([d]);
    expect(t.store.experiments.get(grid.id)?.runCount).toBe(3);
    expect(() => t.store.runs.list({ limit: -1 })).toThrow(RangeError);
  });

  it('sorts by best validation and final test accuracy from the summaries, missing last', () => {
    const dataset = insertDataset(t.store);
    const ids = [0.5, 0.9, null, 0.7].map((acc, i) => {
      const id = t.store.runs.create({
        datasetId: dataset.id,
        experimentId: null,
        name: `r${i}`,
        config: config(),
      }).id;
      if (acc !== null) {
        t.store.metrics.appendEpochs(id, [
          { ...epochRow(1, 10, acc - 0.1), testAccuracy: 1 - acc },
          { ...epochRow(2, 20, acc), testAccuracy: acc / 2 },
          { ...epochRow(3, 30, acc - 0.2), testAccuracy: acc },
        ]);
      }
      return id;
    });
    const order = (filter: Parameters<typeof t.store.runs.list>[0]) =>
      t.store.runs.list(filter).map((r) => r.id);
    expect(order({ orderBy: 'bestValAccuracy', descending: true })).toEqual([ids[1], ids[3], ids[0], ids[2]]);
    expect(order({ orderBy: 'bestValAccuracy' })).toEqual([ids[0], ids[3], ids[1], ids[2]]);
    expect(order({ orderBy: 'finalTestAccuracy', descending: true, limit: 1 })).toEqual([ids[1]]);
  });

  it('moves through the status lifecycle', () => {
    const dataset = insertDataset(t.store);
    const run = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'r',
      config: config(),
    });
    expect(t.store.runs.markRunning(run.id)).toBe(true);
    expect(t.store.runs.markRunning(run.id)).toBe(false);
    expect(t.store.runs.get(run.id)?.startedAt).not.toBeNull();
    expect(
      t.store.runs.finish(run.id, 'diverged', { ...summary, divergedAtStep: 17 }, 'loss became NaN'),
    ).toBe(true);
    const finished = t.store.runs.get(run.id);
    expect(finished).toMatchObject({ status: 'diverged', error: 'loss became NaN' });
    expect(finished?.summary).toEqual({ ...summary, divergedAtStep: 17 });
    expect(finished?.endedAt).not.toBeNull();
    expect(t.store.runs.finish(run.id, 'completed', summary)).toBe(false);
    expect(t.store.runs.get(run.id)?.status).toBe('diverged');
    expect(t.store.runs.finish(12345, 'completed', summary)).toBe(false);
  });

  it('lists the hyperparameters that differ, with each run value', () => {
    const dataset = insertDataset(t.store);
    const make = (overrides: Parameters<typeof config>[0]) =>
      t.store.runs.create({ datasetId: dataset.id, experimentId: null, name: 'r', config: config(overrides) })
        .id;
    const a = make({ numLayers: 1 });
    const b = make({ numLayers: 2, clip: { maxNorm: null, maxValue: null } });
    const c = make({ numLayers: 2, optimizer: { kind: 'momentum', lr: 3e-3, momentum: 0.9 } });
    expect(t.store.runs.differingParams([a, b])).toEqual([
      { key: 'numLayers', values: { [a]: 1, [b]: 2 } },
      { key: 'clip.maxNorm', values: { [a]: 1, [b]: null } },
    ]);
    const three = t.store.runs.differingParams([a, b, c, 999]);
    expect(three.map((d) => d.key)).toEqual([
      'numLayers',
      'optimizer.kind',
      'optimizer.beta1',
      'optimizer.beta2',
      'optimizer.eps',
      'clip.maxNorm',
      'optimizer.momentum',
    ]);
    expect(three.find((d) => d.key === 'optimizer.momentum')?.values).toEqual({ [c]: 0.9 });
    expect(t.store.runs.differingParams([a, a])).toEqual([]);
    expect(t.store.runs.differingParams([])).toEqual([]);
  });

  it('deletes a run with its metrics, profiles, models and parameters', () => {
    const dataset = insertDataset(t.store);
    const keep = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'keep',
      config: config(),
    });
    const run = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'gone',
      config: config(),
    });
    for (const id of [keep.id, run.id]) {
      t.store.metrics.appendSteps(id, [stepRow(1, 1), stepRow(2, 0.5)]);
      t.store.metrics.appendEpochs(id, [epochRow(1, 2, 0.5)]);
      t.store.models.save(id, 'final', '{"format":"rnn-lab/model"}');
    }
    t.store.runs.markRunning(run.id);
    const refused = t.store.runs.delete(run.id);
    expect(!refused.ok && refused.error.code).toBe('in-use');

    t.store.runs.finish(run.id, 'stopped', summary);
    expect(t.store.runs.delete(run.id).ok).toBe(true);
    expect(t.store.runs.get(run.id)).toBeNull();
    for (const table of ['metrics', 'metric_summaries', 'epoch_profiles', 'models', 'run_params']) {
      expect(count(table, run.id)).toBe(0);
      expect(count(table, keep.id)).toBeGreaterThan(0);
    }
    expect(t.store.models.get(run.id, 'final')).toBeNull();
    const again = t.store.runs.delete(run.id);
    expect(!again.ok && again.error.code).toBe('not-found');
  });

  it('marks runs cut off by a stop as interrupted, keeping their metrics', () => {
    const dataset = insertDataset(t.store);
    const make = (name: string) =>
      t.store.runs.create({ datasetId: dataset.id, experimentId: null, name, config: config() }).id;
    const running = make('running');
    const queued = make('queued');
    const done = make('done');
    t.store.runs.markRunning(running);
    t.store.metrics.appendSteps(running, [
      stepRow(1, 2, 1),
      stepRow(2, 1, 1),
      stepRow(3, 0.5, 2),
      stepRow(4, 0.7, 2),
    ]);
    t.store.metrics.appendEpochs(running, [epochRow(1, 2, 0.6), epochRow(2, 4, 0.55)]);
    t.store.runs.finish(done, 'completed', summary);
    const before = t.store.metrics.summaries(running);

    expect(t.store.runs.markInterruptedRuns()).toBe(2);
    const interrupted = t.store.runs.get(running);
    expect(interrupted).toMatchObject({
      status: 'interrupted',
      error: INTERRUPTED_WHILE_RUNNING,
      endedAt: null,
    });
    expect(interrupted?.summary).toEqual({
      epochs: 2,
      steps: 4,
      bestValAccuracy: 0.6,
      bestEpoch: 1,
      finalTestAccuracy: null,
      finalTrainLoss: 0.5,
      divergedAtStep: null,
      seconds: 0.04,
    });
    expect(t.store.runs.get(queued)).toMatchObject({
      status: 'interrupted',
      error: INTERRUPTED_BEFORE_START,
    });
    expect(t.store.runs.get(queued)?.summary.steps).toBe(0);
    expect(t.store.runs.get(done)?.status).toBe('completed');
    expect(t.store.metrics.summaries(running)).toEqual(before);
    // 7 figures per step; per epoch 4 (no test part) and 2 spectral norms.
    expect(count('metrics', running)).toBe(4 * 7 + 2 * 6);
    expect(t.store.runs.markInterruptedRuns()).toBe(0);
  });
});
