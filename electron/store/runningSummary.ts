// Running aggregates of one metric of one run (count, last, min, max, best), folded point by
// point and merged batch by batch, so the stored summary always equals one computed over the
// whole history, whatever the order the batches came in.

import type { MetricSummary } from '../../core/api/entities';
import { higherIsBetter } from './metricPoints';

export function emptySummary(metric: string): MetricSummary {
  return { metric, count: 0, last: null, lastStep: null, min: null, max: null, best: null, bestStep: null };
}

/** `a` better than `b`, ties going to the earlier step. */
function better(higher: boolean, a: number, aStep: number, b: number | null, bStep: number | null): boolean {
  if (b === null || bStep === null) return true;
  if (a === b) return aStep < bStep;
  return higher ? a > b : a < b;
}

/** Folds one point into `summary`, in place. */
export function foldPoint(summary: MetricSummary, step: number, value: number): void {
  summary.count++;
  if (summary.lastStep === null || step >= summary.lastStep) {
    summary.last = value;
    summary.lastStep = step;
  }
  if (summary.min === null || value < summary.min) summary.min = value;
  if (summary.max === null || value > summary.max) summary.max = value;
  if (better(higherIsBetter(summary.metric), value, step, summary.best, summary.bestStep)) {
    summary.best = value;
    summary.bestStep = step;
  }
}

/** The summary of both histories together. */
export function mergeSummaries(a: MetricSummary, b: MetricSummary): MetricSummary {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const merged: MetricSummary = { ...a, count: a.count + b.count };
  if (b.lastStep !== null && (a.lastStep === null || b.lastStep >= a.lastStep)) {
    merged.last = b.last;
    merged.lastStep = b.lastStep;
  }
  if (b.min !== null && (a.min === null || b.min < a.min)) merged.min = b.min;
  if (b.max !== null && (a.max === null || b.max > a.max)) merged.max = b.max;
  if (
    b.best !== null &&
    b.bestStep !== null &&
    better(higherIsBetter(a.metric), b.best, b.bestStep, a.best, a.bestStep)
  ) {
    merged.best = b.best;
    merged.bestStep = b.bestStep;
  }
  return merged;
}
