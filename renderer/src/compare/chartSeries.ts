// The lines of one metric's chart: one per run (its smoothed line over its faint raw one), or,
// when the runs are grouped, one mean line per group over its band.

import type { ChartSeries } from '../charts/chartTypes';
import { aggregateSeries, type BandKind, type XYSeries } from './aggregate';
import type { RunGroup } from './grouping';

export interface MetricLines {
  /** Each run's series as fetched (raw), by run id; a run without this metric is absent. */
  raw: ReadonlyMap<number, XYSeries>;
  /** The same smoothed, or null when smoothing is off. */
  smoothed: ReadonlyMap<number, XYSeries> | null;
}

export interface LineStyle {
  runIds: readonly number[];
  labels: ReadonlyMap<number, string>;
  /** One colour per run, or per group when grouped. */
  colors: ReadonlyMap<number, string>;
  groups: readonly RunGroup[] | null;
  groupColors: readonly string[];
  band: BandKind;
  maxPoints: number;
  logY: boolean;
}

const toPoints = (s: XYSeries): { x: number; y: number }[] => s.x.map((x, i) => ({ x, y: s.y[i] }));

export function metricChartSeries(lines: MetricLines, style: LineStyle): ChartSeries[] {
  return style.groups === null ? runSeries(lines, style) : groupSeries(lines, style, style.groups);
}

function runSeries(lines: MetricLines, style: LineStyle): ChartSeries[] {
  const out: ChartSeries[] = [];
  for (const id of style.runIds) {
    const raw = lines.raw.get(id);
    if (raw === undefined) continue;
    const label = style.labels.get(id) ?? `run ${id}`;
    const color = style.colors.get(id) ?? '#888888';
    const smoothed = lines.smoothed?.get(id);
    if (smoothed === undefined) out.push({ label, color, points: toPoints(raw) });
    else {
      out.push({ label: `${label} (raw)`, color, points: toPoints(raw), faint: true });
      out.push({ label, color, points: toPoints(smoothed) });
    }
  }
  return out;
}

function groupSeries(lines: MetricLines, style: LineStyle, groups: readonly RunGroup[]): ChartSeries[] {
  const out: ChartSeries[] = [];
  groups.forEach((group, g) => {
    const color = style.groupColors[g] ?? '#888888';
    const pick = (source: ReadonlyMap<number, XYSeries>): XYSeries[] =>
      group.runIds.flatMap((id) => {
        const s = source.get(id);
        return s === undefined ? [] : [s];
      });
    const raw = pick(lines.raw);
    if (raw.length === 0) return;
    const shown = lines.smoothed === null ? raw : pick(lines.smoothed);
    const label = `${group.label} (${raw.length} run${raw.length === 1 ? '' : 's'})`;
    if (lines.smoothed !== null) {
      const rawMean = aggregateSeries(raw, style.band, style.maxPoints);
      out.push({
        label: `${label} raw mean`,
        color,
        points: toPoints({ x: rawMean.x, y: rawMean.mean }),
        faint: true,
      });
    }
    const mean = aggregateSeries(shown, style.band, style.maxPoints, style.logY);
    if (shown.length > 1) {
      // A band is two series, lower then upper, the upper filled down to the lower.
      out.push({
        label: `${label} lower`,
        color,
        points: toPoints({ x: mean.x, y: mean.lower }),
        faint: true,
      });
      out.push({
        label: `${label} upper`,
        color,
        points: toPoints({ x: mean.x, y: mean.upper }),
        faint: true,
        fillToPrevious: true,
      });
    }
    out.push({ label, color, points: toPoints({ x: mean.x, y: mean.mean }) });
  });
  return out;
}
