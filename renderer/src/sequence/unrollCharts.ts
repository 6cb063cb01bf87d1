// The line charts of the sequence screen as ChartSeries, over t = 1..T (MATH.md counts steps
// from 1): the input features, ||dE/dh_t|| per layer, the class probabilities after every
// step, and the step cursor drawn as a vertical line.

import type { ChartPoint, ChartSeries } from '../charts/chartTypes';
import { seriesColor } from '../charts/chartTypes';

/** At most this many lines in one chart; the rest are named in a note. */
export const MAX_LINES = 10;

/** The 1-based step shown for index t. */
export const shownStep = (t: number): number => t + 1;

function pointsOver(values: readonly number[]): ChartPoint[] {
  return values.map((y, t) => ({ x: shownStep(t), y }));
}

/** One line per input feature (the first MAX_LINES of them). */
export function inputSeries(inputs: readonly (readonly number[])[]): ChartSeries[] {
  const features = inputs.length > 0 ? inputs[0].length : 0;
  return Array.from({ length: Math.min(features, MAX_LINES) }, (_, j) => ({
    label: features === 1 ? 'x' : `x[${j + 1}]`,
    color: seriesColor(j),
    points: pointsOver(inputs.map((row) => row[j])),
  }));
}

/** ||dE/dh_t|| of each layer. */
export function gradNormSeries(layers: readonly { gradNorms: readonly number[] }[]): ChartSeries[] {
  return layers.map((layer, l) => ({
    label: `layer ${l + 1}`,
    color: seriesColor(l),
    points: pointsOver(layer.gradNorms),
  }));
}

/**
 * chart.js's logarithmic axis draws nothing once the data reach about 1e-25 (its tick
 * arithmetic runs out of float precision), and a vanishing gradient gets there easily.
 */
export const SMALLEST_LOG_AXIS_VALUE = 1e-20;

export interface GradNormPlot {
  series: ChartSeries[];
  /** A logarithmic axis, or (when the norms fall below what it can draw) log10 of the norms. */
  logY: boolean;
  yLabel: string;
}

/** ||dE/dh_t|| on a log axis, or as log10 values on a linear one when they vanish too far. */
export function gradNormPlot(layers: readonly { gradNorms: readonly number[] }[]): GradNormPlot {
  const series = gradNormSeries(layers);
  const range = seriesRange(series, true);
  if (range === null || range[0] >= SMALLEST_LOG_AXIS_VALUE) {
    return { series, logY: true, yLabel: '‖dE/dh_t‖' };
  }
  const asExponents = series.map((s) => ({
    ...s,
    points: s.points.filter((p) => p.y > 0).map((p) => ({ x: p.x, y: Math.log10(p.y) })),
  }));
  return { series: asExponents, logY: false, yLabel: 'log₁₀ ‖dE/dh_t‖' };
}

/**
 * The classes worth a line in the probabilities-over-t chart: the actual and the predicted
 * class first, then those that ever came closest to being the answer, at most MAX_LINES.
 */
export function classesToDraw(
  stepProbabilities: readonly (readonly number[])[],
  actual: number,
  predicted: number,
): number[] {
  const classes = stepProbabilities.length > 0 ? stepProbabilities[0].length : 0;
  const peak = Array.from({ length: classes }, (_, k) => Math.max(...stepProbabilities.map((p) => p[k])));
  const chosen = [actual, predicted].filter((k, i, all) => k >= 0 && k < classes && all.indexOf(k) === i);
  const rest = peak
    .map((value, k) => ({ value, k }))
    .filter(({ k }) => !chosen.includes(k))
    .sort((a, b) => b.value - a.value || a.k - b.k)
    .map(({ k }) => k);
  return [...chosen, ...rest].slice(0, MAX_LINES);
}

/** The probability of each drawn class after every step; the actual class is dashed. */
export function stepProbabilitySeries(
  stepProbabilities: readonly (readonly number[])[],
  classLabels: readonly string[],
  actual: number,
  predicted: number,
): ChartSeries[] {
  return classesToDraw(stepProbabilities, actual, predicted).map((k) => ({
    label: `${classLabels[k]}${k === actual ? ' (actual)' : ''}`,
    color: seriesColor(k),
    points: pointsOver(stepProbabilities.map((p) => p[k])),
    dashed: k === actual && k !== predicted,
  }));
}

/** The finite positive range of the series (for a log axis), or their whole finite range. */
export function seriesRange(series: readonly ChartSeries[], positiveOnly = false): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.y) || (positiveOnly && p.y <= 0)) continue;
      min = Math.min(min, p.y);
      max = Math.max(max, p.y);
    }
  }
  return min <= max ? [min, max] : null;
}

/** The cursor at step index t, as a vertical line from low to high; none without a range. */
export function cursorSeries(t: number, range: [number, number] | null, color: string): ChartSeries[] {
  if (range === null) return [];
  return [
    {
      label: `t = ${shownStep(t)}`,
      color,
      points: [
        { x: shownStep(t), y: range[0] },
        { x: shownStep(t), y: range[1] },
      ],
      hiddenFromLegend: true,
    },
  ];
}

/** The index of the largest value (the first on ties); 0 for an empty list. */
export function argmaxOf(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}
