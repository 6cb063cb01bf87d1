// Which metrics the Compare screen charts, in what order, and what each is called.

import type { MetricSummary } from '../../../core/api/entities';
import {
  EPOCH_METRICS,
  SPECTRAL_NORM_PREFIX,
  TENSOR_GRAD_NORM_PREFIX,
} from '../../../core/metrics/metricNames';

/** Loss and the per-epoch figures first, then the gradient norm before and after clipping. */
export const MAIN_METRICS: readonly string[] = [
  'loss',
  ...EPOCH_METRICS,
  'grad_norm_before',
  'grad_norm_after',
];

const TITLES: Record<string, string> = {
  loss: 'Loss (per step)',
  train_loss: 'Train loss',
  train_accuracy: 'Train accuracy',
  val_loss: 'Validation loss',
  val_accuracy: 'Validation accuracy',
  test_loss: 'Test loss',
  test_accuracy: 'Test accuracy',
  grad_norm_before: 'Gradient norm before clipping',
  grad_norm_after: 'Gradient norm after clipping',
  clipped: 'Clipped steps',
};

export function metricTitle(metric: string): string {
  if (metric.startsWith(TENSOR_GRAD_NORM_PREFIX)) {
    return `Gradient norm of ${metric.slice(TENSOR_GRAD_NORM_PREFIX.length)}`;
  }
  if (metric.startsWith(SPECTRAL_NORM_PREFIX)) {
    return `Spectral norm of layer ${metric.slice(SPECTRAL_NORM_PREFIX.length)}'s W`;
  }
  return TITLES[metric] ?? metric;
}

export function isTensorMetric(metric: string): boolean {
  return metric.startsWith(TENSOR_GRAD_NORM_PREFIX) || metric.startsWith(SPECTRAL_NORM_PREFIX);
}

/**
 * The metrics to chart for these runs: each main metric that some run recorded, then the
 * per-tensor gradient norms and spectral norms that every run that recorded anything shares
 * (an elman and a highway run share W, U, b and the head, not the gate's tensors).
 */
export function chartMetrics(summariesByRun: readonly (readonly MetricSummary[])[]): string[] {
  const recorded = summariesByRun.filter((s) => s.length > 0).map((s) => new Set(s.map((m) => m.metric)));
  if (recorded.length === 0) return [];
  const main = MAIN_METRICS.filter((metric) => recorded.some((names) => names.has(metric)));
  const shared = [...recorded[0]]
    .filter((metric) => isTensorMetric(metric) && recorded.every((names) => names.has(metric)))
    .sort((a, b) => tensorRank(a) - tensorRank(b) || a.localeCompare(b, undefined, { numeric: true }));
  return [...main, ...shared];
}

/** Tensor gradient norms before spectral norms. */
function tensorRank(metric: string): number {
  return metric.startsWith(TENSOR_GRAD_NORM_PREFIX) ? 0 : 1;
}

/** Accuracies read as percentages; everything else with four significant digits. */
export function formatMetricValue(metric: string, value: number | null): string {
  if (value === null) return '-';
  if (!Number.isFinite(value)) return String(value);
  if (metric.includes('accuracy')) return `${(value * 100).toFixed(2)} %`;
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return Number(value.toPrecision(4)).toString();
}
