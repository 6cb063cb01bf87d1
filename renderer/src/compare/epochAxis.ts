// Drawing by epoch. The host records a per-step metric with the integer epoch it belongs to, so
// asking it for x = epoch would stack all of an epoch's steps on one x. Instead the Compare
// screen fetches by step and divides by the run's steps per epoch: step 125 of a run with 50
// steps per epoch is drawn at epoch 2.5, and the per-epoch figures (recorded at the epoch's
// last step) land exactly on whole epochs.

import type { MetricSummary } from '../../../core/api/entities';
import type { XYSeries } from './aggregate';

/**
 * From the recorded per-epoch figures: the last epoch's step divided by the epochs recorded
 * (every epoch has the same number of steps). Null until the first epoch has ended.
 */
export function recordedStepsPerEpoch(summaries: readonly MetricSummary[]): number | null {
  const epochs = summaries.find((s) => s.metric === 'train_loss');
  if (epochs === undefined || epochs.count === 0 || epochs.lastStep === null) return null;
  return epochs.lastStep / epochs.count;
}

/** Before the first epoch ends: the training part (the data less the held-out share) in batches. */
export function estimatedStepsPerEpoch(numSequences: number, valSplit: number, batchSize: number): number {
  const training = Math.max(1, Math.round(numSequences * (1 - valSplit)));
  return Math.max(1, Math.ceil(training / Math.max(1, batchSize)));
}

export function stepsToEpochs(series: XYSeries, stepsPerEpoch: number): XYSeries {
  return { x: series.x.map((step) => step / stepsPerEpoch), y: series.y };
}
