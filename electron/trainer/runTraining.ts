// What a trainer process does with a start message: train, stream the metrics to the host
// in batches (so the trainer never waits on the host's disk), and report the outcome.

import { toJsonObject } from '../../core/model/modelJson';
import { trainedModelJson } from '../../core/train/trainedModel';
import type { EpochMetrics, StepMetrics } from '../../core/train/metrics';
import type { TrainResult } from '../../core/train/trainLoop';
import { train } from '../../core/train/trainLoop';
import type { EpochRow, RunSummary, StepRow } from '../../core/api/entities';
import type { StartMessage } from './protocol';
import type { TrainerPort } from './trainerPort';

const FLUSH_ROWS = 256;
const FLUSH_MS = 200;

export interface TrainingControl {
  stopRequested: boolean;
}

function stepRow(m: StepMetrics, names: string[], wall: number): StepRow {
  const tensorGradNorms: Record<string, number> = {};
  names.forEach((name, i) => (tensorGradNorms[name] = m.tensorGradNorms[i]));
  return {
    step: m.step,
    epoch: m.epoch,
    wall,
    loss: m.loss,
    gradNormBefore: m.gradNormBefore,
    gradNormAfter: m.gradNormAfter,
    clipped: m.clipped,
    tensorGradNorms,
  };
}

function epochRow(m: EpochMetrics): EpochRow {
  return {
    epoch: m.epoch,
    step: m.step,
    wall: m.seconds,
    trainLoss: m.trainLoss,
    trainAccuracy: m.trainAccuracy,
    valLoss: m.valLoss,
    valAccuracy: m.valAccuracy,
    testLoss: m.testLoss,
    testAccuracy: m.testAccuracy,
    spectralNorms: m.spectralNorms,
    temporalProfile: m.temporalProfile,
  };
}

export function runSummary(result: TrainResult): RunSummary {
  return {
    epochs: result.epochs,
    steps: result.steps,
    bestValAccuracy: result.bestValAccuracy,
    bestEpoch: result.bestEpoch > 0 ? result.bestEpoch : null,
    finalTestAccuracy: result.testAccuracy,
    finalTrainLoss: result.lastEpoch ? result.lastEpoch.trainLoss : null,
    divergedAtStep: result.divergence ? result.divergence.step : null,
    seconds: result.seconds,
  };
}

export async function runTraining(
  start: StartMessage,
  port: TrainerPort,
  control: TrainingControl,
): Promise<void> {
  const { config } = start;
  let stepsPerEpoch = 1;
  const began = performance.now();
  let pending: StepRow[] = [];
  let lastFlush = began;
  let stepInEpoch = 0;
  let names: string[] = [];

  const flush = (): void => {
    if (pending.length === 0) return;
    void port.send({ type: 'steps', rows: pending, stepInEpoch, stepsPerEpoch });
    pending = [];
    lastFlush = performance.now();
  };

  const result = await train(
    { config, train: start.train, test: start.test },
    {
      onStart: (info) => {
        names = info.tensorNames;
        stepsPerEpoch = info.stepsPerEpoch;
      },
      onStep: (m) => {
        stepInEpoch = m.step - (m.epoch - 1) * stepsPerEpoch;
        const now = performance.now();
        pending.push(stepRow(m, names, (now - began) / 1000));
        if (pending.length >= FLUSH_ROWS || now - lastFlush >= FLUSH_MS) flush();
      },
      onEpoch: (m) => {
        flush();
        void port.send({ type: 'epoch', row: epochRow(m) });
      },
      shouldStop: () => control.stopRequested,
    },
  );
  flush();

  const summary = runSummary(result);
  const info = {
    config,
    classLabels: start.train.classLabels,
    datasetName: start.train.name,
    datasetFingerprint: start.datasetFingerprint,
    metrics: toJsonObject(summary),
  };
  const error = result.divergence
    ? `diverged at step ${result.divergence.step} (epoch ${result.divergence.epoch}): the ${result.divergence.quantity} was not finite`
    : null;
  await port.send({
    type: 'done',
    status: result.status,
    summary,
    finalModel: trainedModelJson(result.finalParams, result.normalization, info),
    bestModel: trainedModelJson(result.bestParams, result.normalization, info),
    error,
  });
}
