// What the lab's line charts draw: named series of (x, y) points, each with its colour and
// style. The views build these; LineChart.vue turns them into chart.js datasets.

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  label: string;
  color: string;
  points: ChartPoint[];
  /** Drawn faintly behind (the raw line under a smoothed one), left out of the legend. */
  faint?: boolean;
  dashed?: boolean;
  /** Dots only, no line (e.g. the steps where the gradient was clipped). */
  markers?: boolean;
  /** Fill down to the series before this one (a min-max band is two series: min, then max). */
  fillToPrevious?: boolean;
  hiddenFromLegend?: boolean;
}

/** Ten colours that stay apart in light and dark themes (Tableau 10). */
export const SERIES_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** The colour with an alpha, for faint lines and bands. */
export function withAlpha(color: string, alpha: number): string {
  const n = Number.parseInt(color.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
