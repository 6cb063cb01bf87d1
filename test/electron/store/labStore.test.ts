// The store as the host uses it: open, a run's whole life with experiments and models, close,
// reopen after a crash-like stop; the file stays sound throughout.

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabStore } from '../../../electron/store/labStore';
import { config, epochRow, insertDataset, openTempStore, stepRow } from './storeFixtures';
import type { TempStore } from './storeFixtures';

let t: TempStore;
beforeEach(() => (t = openTempStore()));
afterEach(() => t.dispose());

describe('LabStore', () => {
  it('saves and replaces the final and best model of a run', () => {
    const dataset = insertDataset(t.store);
    const run = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'r',
      config: config(),
    });
    expect(t.store.models.get(run.id, 'best')).toBeNull();
    t.store.models.save(run.id, 'best', '{"epoch":1}');
    t.store.models.save(run.id, 'best', '{"epoch":4}');
    t.store.models.save(run.id, 'final', '{"epoch":9}');
    expect(t.store.models.get(run.id, 'best')).toBe('{"epoch":4}');
    expect(t.store.models.get(run.id, 'final')).toBe('{"epoch":9}');
  });

  it('creates and lists experiments with their run counts', () => {
    const grid = t.store.experiments.create('depth grid', 'layers 1..3');
    const lone = t.store.experiments.create('lone');
    expect(grid).toMatchObject({ name: 'depth grid', description: 'layers 1..3', runCount: 0 });
    expect(lone.description).toBe('');
    const dataset = insertDataset(t.store);
    t.store.runs.create({ datasetId: dataset.id, experimentId: grid.id, name: 'r', config: config() });
    expect(t.store.experiments.list().map((e) => [e.name, e.runCount])).toEqual([
      ['depth grid', 1],
      ['lone', 0],
    ]);
    expect(t.store.experiments.get(999)).toBeNull();
  });

  it('keeps committed metrics across an unclean stop and marks the run interrupted on reopen', () => {
    const dataset = insertDataset(t.store);
    const run = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'r',
      config: config(),
    });
    t.store.runs.markRunning(run.id);
    t.store.metrics.appendSteps(run.id, [stepRow(1, 2), stepRow(2, 1)]);
    t.store.metrics.appendEpochs(run.id, [epochRow(1, 2, 0.5)]);

    // A second connection reads the committed batch while the first stays open (WAL).
    const reader = new Database(t.path, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM metrics').pluck().get()).toBe(2 * 7 + 6);
    reader.close();

    const second = LabStore.open(t.path);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.runs.markInterruptedRuns()).toBe(1);
    expect(second.value.metrics.summaries(run.id).find((s) => s.metric === 'loss')?.count).toBe(2);
    second.value.close();
    expect(t.store.runs.get(run.id)?.status).toBe('interrupted');
  });

  it('passes an open error on as a value', () => {
    const result = LabStore.open(join(t.dir, 'lab.db'), { migrationsDir: join(t.dir, 'no-such-folder') });
    expect(!result.ok && result.error.code).toBe('io');
  });
});
