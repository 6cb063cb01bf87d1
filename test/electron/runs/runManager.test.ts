// The run manager with real trainer processes (child_process.fork) and a real SQLite file.

import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../electron/runs/runEvents';
import { RunManager } from '../../../electron/runs/runManager';
import { nodeTrainerLauncher } from '../../../electron/runs/trainerLauncher';
import type { LabStore } from '../../../electron/store/labStore';
import { importBuiltin, openTempStore, smallConfig } from '../../helpers/labFixtures';

function firstProgress(manager: RunManager, runId: number): Promise<void> {
  return new Promise((resolve) => {
    const off = manager.on((event: RunEvent) => {
      if (event.type === 'progress' && event.progress.runId === runId) {
        off();
        resolve();
      }
    });
  });
}

function stepCount(store: LabStore, runId: number): number {
  return store.metrics.summaries(runId).find((s) => s.metric === 'loss')?.count ?? 0;
}

describe('the run manager', () => {
  it('runs a 2x2 grid (layers x clipping) with every figure stored', async () => {
    const { store } = openTempStore();
    const dataset = importBuiltin(store);
    const manager = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize: 2 });
    const events: RunEvent[] = [];
    manager.on((e) => events.push(e));
    const grid = manager.submitGrid({
      name: 'depth x clipping',
      datasetId: dataset.id,
      base: smallConfig(),
      axes: [
        { key: 'layers', values: ['1', '2'] },
        { key: 'clip-norm', values: ['none', '1'] },
      ],
    });
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    expect(grid.runs.map((r) => r.name)).toEqual([
      'layers=1 clip-norm=none',
      'layers=1 clip-norm=1',
      'layers=2 clip-norm=none',
      'layers=2 clip-norm=1',
    ]);
    await manager.waitForIdle();

    // 128 training sequences in batches of 16: 8 steps per epoch, 3 epochs.
    for (const run of grid.runs) {
      const record = store.runs.get(run.id)!;
      expect(record.status).toBe('completed');
      expect(record.experimentId).toBe(grid.experiment.id);
      expect(record.summary.steps).toBe(24);
      expect(record.summary.epochs).toBe(3);
      expect(record.summary.finalTestAccuracy).not.toBeNull();
      expect(stepCount(store, run.id)).toBe(24);
      const names = store.metrics.metricNames(run.id);
      for (const metric of [
        'loss',
        'grad_norm_before',
        'grad_norm_after',
        'clipped',
        'grad_norm/layers.0.W',
        'val_accuracy',
        'test_accuracy',
      ]) {
        expect(names).toContain(metric);
      }
      expect(store.metrics.profiles(run.id)).toHaveLength(3);
      expect(store.models.get(run.id, 'best')).toContain('rnn-lab/model');
      expect(store.models.get(run.id, 'final')).toContain('rnn-lab/model');
    }
    const differing = store.runs.differingParams(grid.runs.map((r) => r.id)).map((d) => d.key);
    expect(differing.sort()).toEqual(['clip.maxNorm', 'numLayers']);
    expect(events.some((e) => e.type === 'progress')).toBe(true);
    expect(events.filter((e) => e.type === 'status' && e.status === 'completed')).toHaveLength(4);
    store.close();
  }, 120_000);

  it('stops a run, which ends stopped with everything recorded so far', async () => {
    const { store } = openTempStore();
    const dataset = importBuiltin(store);
    const manager = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize: 1 });
    const run = manager.submit({
      datasetId: dataset.id,
      config: smallConfig({ epochs: 10_000, patience: null }),
    });
    const queued = manager.submit({ datasetId: dataset.id, config: smallConfig() });
    await firstProgress(manager, run.id);
    manager.stop(queued.id);
    manager.stop(run.id);
    await manager.waitForIdle();
    const record = store.runs.get(run.id)!;
    expect(record.status).toBe('stopped');
    expect(record.summary.steps).toBeGreaterThan(0);
    expect(stepCount(store, run.id)).toBe(record.summary.steps);
    expect(store.models.get(run.id, 'final')).not.toBeNull();
    expect(store.runs.get(queued.id)!.status).toBe('stopped');
    store.close();
  }, 120_000);

  it('marks a run whose trainer is killed as failed, and the others go on', async () => {
    const { store } = openTempStore();
    const dataset = importBuiltin(store);
    const launched: { pid: number | undefined }[] = [];
    const manager = new RunManager(store, {
      poolSize: 2,
      launcher: () => {
        const handle = nodeTrainerLauncher();
        launched.push(handle);
        return handle;
      },
    });
    const doomed = manager.submit({
      datasetId: dataset.id,
      config: smallConfig({ epochs: 10_000, patience: null }),
    });
    const survivor = manager.submit({ datasetId: dataset.id, config: smallConfig() });
    await firstProgress(manager, doomed.id);
    process.kill(launched[0].pid!, 'SIGKILL');
    await manager.waitForIdle();
    const failed = store.runs.get(doomed.id)!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('SIGKILL');
    expect(stepCount(store, doomed.id)).toBeGreaterThan(0);
    expect(store.runs.get(survivor.id)!.status).toBe('completed');
    store.close();
  }, 120_000);

  it('records a diverged run with its step', async () => {
    const { store } = openTempStore();
    const dataset = importBuiltin(store);
    const manager = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize: 1 });
    const run = manager.submit({
      datasetId: dataset.id,
      config: smallConfig({
        activation: 'relu',
        init: 'identity',
        optimizer: { kind: 'sgd', lr: 1e6 },
        clip: { maxNorm: null, maxValue: null },
        epochs: 20,
      }),
    });
    await manager.waitForIdle();
    const record = store.runs.get(run.id)!;
    expect(record.status).toBe('diverged');
    expect(record.summary.divergedAtStep).toBeGreaterThan(0);
    expect(record.error).toContain(`step ${record.summary.divergedAtStep}`);
    store.close();
  }, 120_000);

  it('re-running a run gives identical figures', async () => {
    const { store } = openTempStore();
    const dataset = importBuiltin(store);
    const manager = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize: 2 });
    const first = manager.submit({ datasetId: dataset.id, config: smallConfig({ cell: 'highway' }) });
    const again = manager.rerun(first.id)!;
    await manager.waitForIdle();
    const series = store.metrics.series({ runIds: [first.id, again.id], metrics: ['loss', 'val_accuracy'] });
    const byRun = (id: number, metric: string) =>
      series.find((s) => s.runId === id && s.metric === metric)!.y;
    expect(byRun(again.id, 'loss')).toEqual(byRun(first.id, 'loss'));
    expect(byRun(again.id, 'val_accuracy')).toEqual(byRun(first.id, 'val_accuracy'));
    const weights = (id: number) => {
      const model = JSON.parse(store.models.get(id, 'final')!);
      return JSON.stringify([model.layers, model.head]);
    };
    expect(weights(again.id)).toEqual(weights(first.id));
    store.close();
  }, 120_000);
});
