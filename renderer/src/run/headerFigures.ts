// The figures at the top of the Run screen. A finished run has them in its record; while it
// trains the record's summary is still empty, so they come from the metric summaries recorded
// so far and the live progress.

import type { MetricSummary, RunRecord } from '../../../core/api/entities';
import type { RunProgress } from '../../../core/api/labEvents';
import { FINISHED_STATUSES } from '../../../core/api/entities';

export interface HeaderFigures {
  bestValAccuracy: number | null;
  /** 'epoch 7', 'step 350' (while training: the step is what is known), or ''. */
  bestDetail: string;
  testAccuracy: number | null;
  testDetail: string;
  trainLoss: number | null;
  epochsDone: number;
  steps: number;
  seconds: number | null;
}

export function headerFigures(
  run: RunRecord,
  summaries: readonly MetricSummary[],
  progress: RunProgress | undefined,
  nowMs: number,
): HeaderFigures {
  const s = run.summary;
  if (FINISHED_STATUSES.includes(run.status)) {
    return {
      bestValAccuracy: s.bestValAccuracy,
      bestDetail: s.bestEpoch === null ? '' : `epoch ${s.bestEpoch}`,
      testAccuracy: s.finalTestAccuracy,
      testDetail: s.finalTestAccuracy === null ? '' : 'best-validation model',
      trainLoss: s.finalTrainLoss,
      epochsDone: s.epochs,
      steps: s.steps,
      seconds: s.seconds,
    };
  }
  const byName = new Map(summaries.map((m) => [m.metric, m]));
  const val = byName.get('val_accuracy');
  const test = byName.get('test_accuracy');
  const started = run.startedAt === null ? Number.NaN : Date.parse(run.startedAt);
  return {
    bestValAccuracy: val?.best ?? null,
    bestDetail: val?.bestStep == null ? '' : `step ${val.bestStep}`,
    testAccuracy: test?.last ?? null,
    testDetail: test?.last == null ? '' : 'latest epoch',
    trainLoss: byName.get('train_loss')?.last ?? null,
    epochsDone: byName.get('train_loss')?.count ?? 0,
    steps: Math.max(progress?.step ?? 0, byName.get('loss')?.count ?? 0),
    seconds: Number.isNaN(started) ? null : Math.max(0, (nowMs - started) / 1000),
  };
}
