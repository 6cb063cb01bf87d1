// `lab train --db` and `lab grid`: runs go through the run manager (a trainer process each)
// and everything they measure is recorded in the lab database.

import type { GridAxis } from '../../../core/train/gridAxes';
import { parseAxis } from '../../../core/train/gridAxes';
import type { TrainConfig } from '../../../core/train/config';
import { RunManager } from '../../runs/runManager';
import { nodeTrainerLauncher } from '../../runs/trainerLauncher';
import type { RunRecord } from '../../../core/api/entities';
import type { LabStore } from '../../store/labStore';
import { usageError } from '../cliError';
import type { DataSource } from '../../data/dataSource';
import { showRunProgress } from '../runProgress';
import { importSource } from '../storeAccess';

/** The figures `lab train` reports, read back from the database. */
export function recordedSummary(store: LabStore, run: RunRecord) {
  const last = (metric: string): number | null =>
    store.metrics.summaries(run.id).find((s) => s.metric === metric)?.last ?? null;
  return {
    runId: run.id,
    name: run.name,
    status: run.status,
    error: run.error,
    epochs: run.summary.epochs,
    steps: run.summary.steps,
    bestEpoch: run.summary.bestEpoch,
    trainLoss: last('train_loss'),
    trainAccuracy: last('train_accuracy'),
    valLoss: last('val_loss'),
    valAccuracy: last('val_accuracy'),
    bestValAccuracy: run.summary.bestValAccuracy,
    testLoss: null as number | null,
    testAccuracy: run.summary.finalTestAccuracy,
    finalTestAccuracy: last('test_accuracy'),
    seconds: run.summary.seconds,
    seed: run.seed,
    divergedAtStep: run.summary.divergedAtStep,
  };
}

async function runThroughManager(
  store: LabStore,
  submit: (manager: RunManager) => RunRecord[],
  quiet: boolean,
  poolSize?: number,
): Promise<RunRecord[]> {
  const manager = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize });
  const runs = submit(manager);
  const stopProgress = showRunProgress(
    manager,
    new Map(runs.map((r) => [r.id, r.name || `run ${r.id}`])),
    quiet,
  );
  const onSigint = (): void => {
    void manager.shutdown();
  };
  process.once('SIGINT', onSigint);
  try {
    await manager.waitForIdle();
  } finally {
    stopProgress();
    process.off('SIGINT', onSigint);
  }
  return runs.map((r) => store.runs.get(r.id) ?? r);
}

export async function recordedTrain(
  store: LabStore,
  source: DataSource,
  config: TrainConfig,
  quiet: boolean,
) {
  const dataset = importSource(store, source);
  const [run] = await runThroughManager(
    store,
    (m) => [m.submit({ datasetId: dataset.id, config })],
    quiet,
    1,
  );
  return { run, dataset };
}

export function parseAxes(vary: string[]): GridAxis[] {
  if (vary.length === 0) throw usageError('--vary: give at least one axis, e.g. --vary layers=1,2');
  return vary.map((text) => {
    const axis = parseAxis(text);
    if (!axis || axis.values.length === 0) {
      throw usageError(`--vary: "${text}" is not KEY=VALUE[,VALUE...] (e.g. clip-norm=none,1)`);
    }
    return axis;
  });
}

export async function recordedGrid(
  store: LabStore,
  source: DataSource,
  input: { name: string; base: TrainConfig; axes: GridAxis[]; poolSize?: number },
  quiet: boolean,
) {
  const dataset = importSource(store, source);
  let experimentId = 0;
  const runs = await runThroughManager(
    store,
    (manager) => {
      const grid = manager.submitGrid({
        name: input.name,
        datasetId: dataset.id,
        base: input.base,
        axes: input.axes,
      });
      if (!grid.ok) throw usageError(`--vary: ${grid.message}`);
      experimentId = grid.experiment.id;
      return grid.runs;
    },
    quiet,
    input.poolSize,
  );
  return { experimentId, dataset, runs };
}
