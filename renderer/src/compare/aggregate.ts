// A group of runs as one line: the mean of their series with a band (min to max, or the mean
// plus and minus one standard deviation).
//
// The runs' series do not share x values: each was downsampled by the host on its own, runs
// stop at different steps (early stopping, still training) and batch sizes change the steps
// per epoch. We interpolate rather than bucket: per-epoch metrics have only a handful of points
// per run, so buckets fine enough for the per-step metrics would be mostly empty for them, and
// coarse ones would blur the per-step metrics. So every run is linearly interpolated onto a
// common x grid (the union of the runs' x values, or, when that is longer than `maxPoints`,
// evenly spaced points over the whole x range). A run counts only inside its own x range: it is
// never extrapolated, so a run that stopped early simply stops counting.

export interface XYSeries {
  x: number[];
  y: number[];
}

export type BandKind = 'minmax' | 'std';

export interface AggregateSeries {
  x: number[];
  mean: number[];
  /** The band's lower and upper edge: min and max, or mean -/+ one (population) standard deviation. */
  lower: number[];
  upper: number[];
  /** How many runs have a value at each x. */
  count: number[];
}

/**
 * The series in x order, points with equal x averaged into one (a per-step metric drawn by
 * epoch has many points at each epoch) and non-finite values left out.
 */
export function normalizeSeries(series: XYSeries): XYSeries {
  const order = series.x
    .map((_, i) => i)
    .filter((i) => Number.isFinite(series.x[i]) && Number.isFinite(series.y[i]));
  order.sort((a, b) => series.x[a] - series.x[b]);
  const out: XYSeries = { x: [], y: [] };
  let sum = 0;
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    sum += series.y[i];
    n++;
    const next = order[k + 1];
    if (next === undefined || series.x[next] !== series.x[i]) {
      out.x.push(series.x[i]);
      out.y.push(sum / n);
      sum = 0;
      n = 0;
    }
  }
  return out;
}

/** The x grid the runs are aligned on (see the file's comment). */
export function commonGrid(series: readonly XYSeries[], maxPoints: number): number[] {
  const union = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  if (union.length <= maxPoints) return union;
  const first = union[0];
  const last = union[union.length - 1];
  const grid: number[] = [];
  for (let i = 0; i < maxPoints; i++) grid.push(first + ((last - first) * i) / (maxPoints - 1));
  return grid;
}

/** A normalized series' values at sorted grid points, NaN outside its own x range. */
export function interpolateOnGrid(series: XYSeries, grid: readonly number[]): number[] {
  const { x, y } = series;
  const values: number[] = [];
  let j = 0;
  for (const g of grid) {
    if (x.length === 0 || g < x[0] || g > x[x.length - 1]) {
      values.push(Number.NaN);
      continue;
    }
    while (j < x.length - 1 && x[j + 1] < g) j++;
    if (x[j] === g || j === x.length - 1) values.push(y[j]);
    else {
      const t = (g - x[j]) / (x[j + 1] - x[j]);
      values.push(y[j] + t * (y[j + 1] - y[j]));
    }
  }
  return values;
}

/**
 * `forLogScale`: a log axis cannot draw a band edge at or below zero, so where mean - sd is not
 * positive the lower edge falls back to the smallest run's value instead of vanishing.
 */
export function aggregateSeries(
  series: readonly XYSeries[],
  band: BandKind,
  maxPoints = 600,
  forLogScale = false,
): AggregateSeries {
  const normalized = series.map(normalizeSeries).filter((s) => s.x.length > 0);
  const grid = commonGrid(normalized, maxPoints);
  const columns = normalized.map((s) => interpolateOnGrid(s, grid));
  const out: AggregateSeries = { x: [], mean: [], lower: [], upper: [], count: [] };
  grid.forEach((gx, i) => {
    const values = columns.map((c) => c[i]).filter((v) => !Number.isNaN(v));
    if (values.length === 0) return;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    out.x.push(gx);
    out.mean.push(mean);
    out.count.push(values.length);
    if (band === 'minmax') {
      out.lower.push(Math.min(...values));
      out.upper.push(Math.max(...values));
    } else {
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
      const sd = Math.sqrt(variance);
      out.lower.push(forLogScale && mean - sd <= 0 ? Math.min(...values) : mean - sd);
      out.upper.push(mean + sd);
    }
  });
  return out;
}
