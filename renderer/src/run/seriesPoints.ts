// Shaping the host's metric series for the Run screen's charts: points to draw, the clipping
// threshold as a line, the clipped steps as dots, and the parameter tensors in reading order.

import type { MetricSummary, Series } from '../../../core/api/entities';
import { SPECTRAL_NORM_PREFIX, TENSOR_GRAD_NORM_PREFIX } from '../../../core/metrics/metricNames';
import type { ChartPoint, ChartSeries } from '../charts/chartTypes';

/**
 * The drawable points of a series. A value that is not finite is left out: the host keeps an
 * infinite loss, but JSON carries it as null, and neither can be drawn.
 */
export function toPoints(series: Pick<Series, 'x' | 'y'> | undefined): ChartPoint[] {
  if (series === undefined) return [];
  const points: ChartPoint[] = [];
  const n = Math.min(series.x.length, series.y.length);
  for (let i = 0; i < n; i++) {
    const y = series.y[i];
    if (typeof y === 'number' && Number.isFinite(y)) points.push({ x: series.x[i], y });
  }
  return points;
}

export function seriesOf(list: readonly Series[], metric: string): Series | undefined {
  return list.find((s) => s.metric === metric);
}

/** A horizontal line at y across the x range the other points cover (none without points). */
export function horizontalLine(y: number, across: readonly ChartPoint[][]): ChartPoint[] {
  let min = Infinity;
  let max = -Infinity;
  for (const points of across) {
    for (const p of points) {
      if (p.x < min) min = p.x;
      if (p.x > max) max = p.x;
    }
  }
  if (min > max) return [];
  return min === max
    ? [{ x: min, y }]
    : [
        { x: min, y },
        { x: max, y },
      ];
}

/** The y of the point nearest x (points in x order), or null when there are none. */
export function nearestY(points: readonly ChartPoint[], x: number): number | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  const before = points[Math.max(0, lo - 1)];
  const after = points[lo];
  return Math.abs(before.x - x) <= Math.abs(after.x - x) ? before.y : after.y;
}

/**
 * One dot per clipped step (the 'clipped' metric is 1 there), on the gradient norm before
 * clipping: the spikes that were cut. Both series may be downsampled, so the nearest recorded
 * norm stands in for the step's own, and a norm threshold is the lowest a dot can sit (a
 * step clipped by norm was above it).
 */
export function clippedMarkers(
  clipped: readonly ChartPoint[],
  threshold: number | null,
  normBefore: readonly ChartPoint[],
): ChartPoint[] {
  const markers: ChartPoint[] = [];
  for (const p of clipped) {
    if (p.y < 0.5) continue;
    const nearest = nearestY(normBefore, p.x);
    const y = nearest === null ? threshold : Math.max(nearest, threshold ?? -Infinity);
    if (y !== null) markers.push({ x: p.x, y });
  }
  return markers;
}

const TENSOR_ORDER = ['U', 'W', 'b', 'Ug', 'Wg', 'bg', 'V', 'B'];

interface TensorName {
  /** The layer (0-based), or null for the head. */
  layer: number | null;
  key: string;
}

export function parseTensorName(tensor: string): TensorName {
  const layerMatch = /^layers\.(\d+)\.(.+)$/.exec(tensor);
  if (layerMatch !== null) return { layer: Number(layerMatch[1]), key: layerMatch[2] };
  return { layer: null, key: tensor.replace(/^head\./, '') };
}

/** 'layers.0.W' -> 'W, layer 1'; 'head.V' -> 'V (head)'. */
export function tensorLabel(tensor: string): string {
  const { layer, key } = parseTensorName(tensor);
  return layer === null ? `${key} (head)` : `${key}, layer ${layer + 1}`;
}

function tensorRank(tensor: string): [number, number] {
  const { layer, key } = parseTensorName(tensor);
  const keyRank = TENSOR_ORDER.indexOf(key);
  return [layer ?? Number.MAX_SAFE_INTEGER, keyRank < 0 ? TENSOR_ORDER.length : keyRank];
}

/** The run's per-tensor gradient norm metrics, layer by layer (U, W, b, gates), the head last. */
export function tensorGradMetrics(summaries: readonly MetricSummary[]): string[] {
  return summaries
    .map((s) => s.metric)
    .filter((metric) => metric.startsWith(TENSOR_GRAD_NORM_PREFIX))
    .sort((a, b) => {
      const [la, ka] = tensorRank(a.slice(TENSOR_GRAD_NORM_PREFIX.length));
      const [lb, kb] = tensorRank(b.slice(TENSOR_GRAD_NORM_PREFIX.length));
      return la - lb || ka - kb || a.localeCompare(b);
    });
}

/** The run's per-layer spectral norm metrics, layer 1 first. */
export function spectralNormMetrics(summaries: readonly MetricSummary[]): string[] {
  const layerOf = (metric: string): number => Number(metric.slice(SPECTRAL_NORM_PREFIX.length));
  return summaries
    .map((s) => s.metric)
    .filter((metric) => metric.startsWith(SPECTRAL_NORM_PREFIX))
    .sort((a, b) => layerOf(a) - layerOf(b));
}

/** A series of one point draws no line: show it as a dot instead. */
export function markLonePoints(series: readonly ChartSeries[]): ChartSeries[] {
  return series.map((s) => (s.points.length === 1 && !s.markers ? { ...s, markers: true } : s));
}

/** The lowest and highest y of the points (only y > 0 for a log axis), or null without any. */
export function yExtent(
  across: readonly ChartPoint[][],
  positiveOnly = false,
): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const points of across) {
    for (const p of points) {
      if (positiveOnly && !(p.y > 0)) continue;
      if (p.y < min) min = p.y;
      if (p.y > max) max = p.y;
    }
  }
  return min <= max ? { min, max } : null;
}

/**
 * A vertical line at x spanning the points' y range (widened when it is a single value), to
 * mark a step such as where a run diverged. On a log axis it stays above 0.
 */
export function verticalLine(x: number, across: readonly ChartPoint[][], logY: boolean): ChartPoint[] {
  const extent = yExtent(across, logY);
  if (extent === null)
    return logY
      ? []
      : [
          { x, y: 0 },
          { x, y: 1 },
        ];
  if (logY) {
    const low = extent.min === extent.max ? extent.min / 2 : extent.min;
    const high = extent.min === extent.max ? extent.max * 2 : extent.max;
    return [
      { x, y: low },
      { x, y: high },
    ];
  }
  const low = Math.min(0, extent.min);
  const high = extent.max === low ? low + 1 : extent.max;
  return [
    { x, y: low },
    { x, y: high },
  ];
}
