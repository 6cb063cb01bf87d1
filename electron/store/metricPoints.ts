// The metric naming convention in one place: a recorded step or epoch becomes named points
// (MATH.md, "What is measured while training"). Missing figures (null, NaN) make no point.

import type { EpochRow, StepRow } from '../../core/api/entities';
import { SPECTRAL_NORM_PREFIX, TENSOR_GRAD_NORM_PREFIX } from '../../core/metrics/metricNames';

export interface MetricPoint {
  metric: string;
  step: number;
  epoch: number;
  wall: number;
  value: number;
}

export {
  higherIsBetter,
  SPECTRAL_NORM_PREFIX,
  TENSOR_GRAD_NORM_PREFIX,
} from '../../core/metrics/metricNames';

function push(points: MetricPoint[], metric: string, row: StepRow | EpochRow, value: number | null): void {
  // NaN is not stored: SQLite would turn it into NULL. +-Infinity is kept, a divergence to see.
  if (value === null || Number.isNaN(value)) return;
  points.push({ metric, step: row.step, epoch: row.epoch, wall: row.wall, value });
}

export function stepPoints(row: StepRow): MetricPoint[] {
  const points: MetricPoint[] = [];
  push(points, 'loss', row, row.loss);
  push(points, 'grad_norm_before', row, row.gradNormBefore);
  push(points, 'grad_norm_after', row, row.gradNormAfter);
  push(points, 'clipped', row, row.clipped ? 1 : 0);
  for (const [tensor, norm] of Object.entries(row.tensorGradNorms)) {
    push(points, TENSOR_GRAD_NORM_PREFIX + tensor, row, norm);
  }
  return points;
}

/** Per-epoch figures sit at x = the step at the epoch's end. */
export function epochPoints(row: EpochRow): MetricPoint[] {
  const points: MetricPoint[] = [];
  push(points, 'train_loss', row, row.trainLoss);
  push(points, 'train_accuracy', row, row.trainAccuracy);
  push(points, 'val_loss', row, row.valLoss);
  push(points, 'val_accuracy', row, row.valAccuracy);
  push(points, 'test_loss', row, row.testLoss);
  push(points, 'test_accuracy', row, row.testAccuracy);
  row.spectralNorms.forEach((norm, l) => push(points, `${SPECTRAL_NORM_PREFIX}${l}`, row, norm));
  return points;
}
