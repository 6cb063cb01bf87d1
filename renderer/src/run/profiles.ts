// The temporal gradient profile (MATH.md, "What is measured"): per epoch and layer, the mean
// ||dE/dh_t|| by k = steps before the end. These helpers pick the epochs to overlay and lay the
// profiles out as an epoch x k grid of log10 norms for the heatmap.

import type { EpochProfile } from '../../../core/api/labResults';
import type { ChartPoint } from '../charts/chartTypes';

/** The first, a middle and the last epoch (fewer when there are fewer). */
export function defaultProfileEpochs(epochs: readonly number[]): number[] {
  if (epochs.length === 0) return [];
  const sorted = [...epochs].sort((a, b) => a - b);
  const picks = [sorted[0], sorted[Math.floor((sorted.length - 1) / 2)], sorted[sorted.length - 1]];
  return [...new Set(picks)];
}

export function profileLayerCount(profiles: readonly EpochProfile[]): number {
  return profiles.reduce((most, p) => Math.max(most, p.layers.length), 0);
}

/** One epoch's profile of one layer as points (x = k); norms that cannot go on a log axis are left out. */
export function profilePoints(profile: EpochProfile | undefined, layer: number): ChartPoint[] {
  const values = profile?.layers[layer] ?? [];
  const points: ChartPoint[] = [];
  values.forEach((y, k) => {
    if (Number.isFinite(y) && y > 0) points.push({ x: k, y });
  });
  return points;
}

export interface ProfileGrid {
  /** Row r shows epochs[r]. */
  epochs: number[];
  /** Columns: k = 0 .. steps - 1. */
  steps: number;
  /** log10 of the norm per row and column; null where there is none (or it is 0 or not finite). */
  cells: (number | null)[][];
  /** The range of the non-null cells; null when there are none. */
  range: { min: number; max: number } | null;
}

export function profileGrid(profiles: readonly EpochProfile[], layer: number): ProfileGrid {
  const rows = [...profiles].sort((a, b) => a.epoch - b.epoch);
  const steps = rows.reduce((most, p) => Math.max(most, p.layers[layer]?.length ?? 0), 0);
  let min = Infinity;
  let max = -Infinity;
  const cells = rows.map((p) => {
    const values = p.layers[layer] ?? [];
    const row: (number | null)[] = [];
    for (let k = 0; k < steps; k++) {
      const value = values[k];
      if (value === undefined || !Number.isFinite(value) || value <= 0) {
        row.push(null);
        continue;
      }
      const log = Math.log10(value);
      if (log < min) min = log;
      if (log > max) max = log;
      row.push(log);
    }
    return row;
  });
  return { epochs: rows.map((p) => p.epoch), steps, cells, range: min <= max ? { min, max } : null };
}

/** Where v falls in the range, in [0, 1] (the middle when the range is one value). */
export function normalizeInRange(value: number, range: { min: number; max: number }): number {
  if (range.max === range.min) return 0.5;
  return Math.min(1, Math.max(0, (value - range.min) / (range.max - range.min)));
}
