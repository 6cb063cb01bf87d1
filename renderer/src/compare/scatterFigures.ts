// The final-figure-by-hyperparameter scatter: one dot per run, a run's final figure (from its
// summary) against one hyperparameter. Numeric values sit at their value; anything else (text,
// true/false, "none") becomes a category, with a category's runs spread a little apart so that
// equal dots do not hide one another.

import type { MetricSummary, RunRecord, RunSummary } from '../../../core/api/entities';
import { flattenConfig, type ParamValue } from '../../../core/metrics/hyperparameterDiff';
import { compareParamValues } from './grouping';
import { formatParamValue } from './paramLabels';

export type FigureKey = keyof Pick<RunSummary, 'bestValAccuracy' | 'finalTestAccuracy' | 'finalTrainLoss'>;

export const FIGURES: readonly { key: FigureKey; label: string; metric: string }[] = [
  { key: 'bestValAccuracy', label: 'Best validation accuracy', metric: 'val_accuracy' },
  { key: 'finalTestAccuracy', label: 'Final test accuracy', metric: 'test_accuracy' },
  { key: 'finalTrainLoss', label: 'Final train loss', metric: 'train_loss' },
];

export interface ScatterDot {
  runId: number;
  x: number;
  y: number;
  /** The run's value of the hyperparameter, as text. */
  value: string;
}

export interface ScatterData {
  kind: 'numeric' | 'categorical';
  /** The category names, in x order (x = 0, 1, ...); empty when numeric. */
  categories: string[];
  dots: ScatterDot[];
  /** Runs with no such figure yet (still training, no validation part). */
  missing: number[];
}

/** Half the width a category's dots spread over. */
const SPREAD = 0.18;

export function scatterData(runs: readonly RunRecord[], figure: FigureKey, key: string): ScatterData {
  const entries: { runId: number; y: number; value: ParamValue | undefined }[] = [];
  const missing: number[] = [];
  for (const run of runs) {
    const y = run.summary[figure];
    if (y === null || !Number.isFinite(y)) missing.push(run.id);
    else entries.push({ runId: run.id, y, value: flattenConfig(run.config)[key] });
  }
  const numeric = entries.length > 0 && entries.every((e) => typeof e.value === 'number');
  if (numeric) {
    return {
      kind: 'numeric',
      categories: [],
      dots: entries.map((e) => ({
        runId: e.runId,
        x: e.value as number,
        y: e.y,
        value: formatParamValue(e.value),
      })),
      missing,
    };
  }
  const values = [...new Set(entries.map((e) => e.value))].sort(compareParamValues);
  const categories = values.map(formatParamValue);
  const dots: ScatterDot[] = [];
  values.forEach((value, index) => {
    const members = entries.filter((e) => e.value === value);
    members.forEach((e, j) => {
      const offset = members.length === 1 ? 0 : -SPREAD + (2 * SPREAD * j) / (members.length - 1);
      dots.push({ runId: e.runId, x: index + offset, y: e.y, value: formatParamValue(value) });
    });
  });
  return { kind: 'categorical', categories, dots, missing };
}

/** A dot as the scatter chart draws it. */
export interface ScatterPoint {
  x: number;
  y: number;
  color: string;
  /** Shown in the tooltip: the run. */
  label: string;
}

/**
 * A training run's record is only reloaded when its status changes; its figures so far come
 * from its metric summaries instead, so the scatter moves while it trains.
 */
export function liveSummary(summary: RunSummary, metrics: readonly MetricSummary[]): RunSummary {
  const find = (name: string): MetricSummary | undefined => metrics.find((m) => m.metric === name);
  return {
    ...summary,
    bestValAccuracy: find('val_accuracy')?.best ?? summary.bestValAccuracy,
    finalTestAccuracy: find('test_accuracy')?.last ?? summary.finalTestAccuracy,
    finalTrainLoss: find('train_loss')?.last ?? summary.finalTrainLoss,
  };
}
