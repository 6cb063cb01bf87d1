// `lab train`: trains one network and reports its final figures.

import { datasetFingerprint } from '../../../core/data/fingerprint';
import { toJsonObject } from '../../../core/model/modelJson';
import { train } from '../../../core/train/trainLoop';
import type { TrainResult } from '../../../core/train/trainLoop';
import type { TrainConfig } from '../../../core/train/config';
import type { DataSource } from '../../data/dataSource';
import { datasetFormat, loadData, missingPolicy } from '../dataInput';
import { openStore } from '../storeAccess';
import { recordedSummary, recordedTrain } from './recordedRuns';
import { trainedModelJson } from '../../../core/train/trainedModel';
import { writeModelFile } from '../modelFile';
import { formatNumber, formatPercent, printJson, printLines } from '../output';
import { createTrainingProgress } from '../progress';
import type { TrainFlags } from '../trainOptions';
import { trainConfigFromFlags } from '../trainOptions';
import { setLaneThreadSpawner } from '../../../core/wasm/wasmThreads';
import { nodeLaneThreadSpawner } from '../../bench/laneThreads';
import { usageError } from '../cliError';

export interface TrainCommandOptions extends TrainFlags {
  data: string;
  test?: string;
  missing?: string;
  format?: string;
  out?: string;
  db?: string;
  json?: boolean;
  threads?: string;
}

export async function trainCommand(options: TrainCommandOptions): Promise<void> {
  const config = trainConfigFromFlags(options);
  const threads = options.threads === undefined ? 1 : Number(options.threads);
  if (!Number.isInteger(threads) || threads < 1) {
    throw usageError(`--threads: "${options.threads}" is not a whole number of at least 1`);
  }
  if (threads > 1 && options.db) throw usageError('--threads: only for a run without --db');
  if (threads > 1) setLaneThreadSpawner(nodeLaneThreadSpawner);
  const data = await loadData(options.data, {
    test: options.test,
    missing: missingPolicy(options.missing),
    format: datasetFormat(options.format),
  });
  if (options.db) return trainRecorded(options, options.db, config, data);
  const progress = createTrainingProgress(config.epochs, !options.json && process.stderr.isTTY === true);
  let stopRequested = false;
  const onSigint = (): void => {
    stopRequested = true;
  };
  process.once('SIGINT', onSigint);
  let result: TrainResult;
  try {
    result = await train(
      { config, train: data.train, test: data.test, threads },
      { onEpoch: (m) => progress.epoch(m), shouldStop: () => stopRequested },
    );
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
  }

  const summary = summarize(result, config);
  const fingerprint = datasetFingerprint(data.train);
  if (options.out) {
    const text = trainedModelJson(result.bestParams, result.normalization, {
      config,
      classLabels: data.train.classLabels,
      datasetName: data.train.name,
      datasetFingerprint: fingerprint,
      metrics: toJsonObject(summary),
    });
    await writeModelFile(options.out, text);
  }
  if (options.json) {
    printJson({
      ...summary,
      dataset: { name: data.train.name, fingerprint, sources: data.sources },
      config,
      out: options.out ?? null,
    });
    return;
  }
  printLines([
    `dataset        ${data.train.name} (${data.train.sequences.length} sequences${data.test ? `, test ${data.test.sequences.length}` : ''})`,
    `status         ${result.status}${result.reason === 'early-stopping' ? ' (early stopping)' : ''}`,
    ...(result.divergence
      ? [
          `diverged       at step ${result.divergence.step} (epoch ${result.divergence.epoch}): the ${result.divergence.quantity} was not finite; try a lower --lr or --clip-norm 1`,
        ]
      : []),
    `epochs         ${result.epochs} (${result.steps} steps, best epoch ${result.bestEpoch})`,
    `train          loss ${formatNumber(summary.trainLoss)}  accuracy ${formatPercent(summary.trainAccuracy)}`,
    `validation     accuracy ${formatPercent(summary.valAccuracy)} (best ${formatPercent(summary.bestValAccuracy)})`,
    ...(data.test
      ? [`test           accuracy ${formatPercent(summary.testAccuracy)} (best-validation model)`]
      : []),
    `time           ${result.seconds.toFixed(1)} s`,
    ...(options.out ? [`model          ${options.out}`] : []),
  ]);
}

function summarize(result: TrainResult, config: TrainConfig) {
  const last = result.lastEpoch;
  return {
    status: result.status,
    reason: result.reason,
    epochs: result.epochs,
    steps: result.steps,
    bestEpoch: result.bestEpoch,
    trainLoss: last ? last.trainLoss : null,
    trainAccuracy: last ? last.trainAccuracy : null,
    valLoss: last ? last.valLoss : null,
    valAccuracy: last ? last.valAccuracy : null,
    bestValAccuracy: result.bestValAccuracy,
    testLoss: result.testLoss,
    testAccuracy: result.testAccuracy,
    finalTestAccuracy: last ? last.testAccuracy : null,
    seconds: result.seconds,
    seed: config.seed,
    divergence: result.divergence
      ? {
          step: result.divergence.step,
          epoch: result.divergence.epoch,
          quantity: result.divergence.quantity,
          lastFiniteLoss: result.divergence.lastFinite ? result.divergence.lastFinite.loss : null,
          lastFiniteGradNorm: result.divergence.lastFinite
            ? result.divergence.lastFinite.gradNormBefore
            : null,
        }
      : null,
  };
}

/** `lab train --db`: the run goes through the run manager and is recorded. */
async function trainRecorded(
  options: TrainCommandOptions,
  db: string,
  config: TrainConfig,
  data: DataSource,
) {
  const store = openStore(db);
  try {
    const { run, dataset } = await recordedTrain(store, data, config, options.json === true);
    const summary = recordedSummary(store, run);
    if (options.out) {
      const model = store.models.get(run.id, 'best');
      if (model) await writeModelFile(options.out, model);
    }
    if (options.json) {
      printJson({
        ...summary,
        dataset: {
          id: dataset.id,
          name: dataset.name,
          fingerprint: dataset.fingerprint,
          sources: data.sources,
        },
        config,
        db,
        out: options.out ?? null,
      });
      return;
    }
    printLines([
      `run            ${run.id} in ${db}`,
      `status         ${run.status}${run.error ? ` (${run.error})` : ''}`,
      `epochs         ${summary.epochs} (${summary.steps} steps, best epoch ${summary.bestEpoch ?? '-'})`,
      `train          loss ${formatNumber(summary.trainLoss)}  accuracy ${formatPercent(summary.trainAccuracy)}`,
      `validation     accuracy ${formatPercent(summary.valAccuracy)} (best ${formatPercent(summary.bestValAccuracy)})`,
      ...(data.test
        ? [`test           accuracy ${formatPercent(summary.testAccuracy)} (best-validation model)`]
        : []),
      ...(options.out ? [`model          ${options.out}`] : []),
    ]);
  } finally {
    store.close();
  }
}
