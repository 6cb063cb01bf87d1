// Where the profile heatmap's parts go on its canvas (in CSS pixels): the cell area, the axes'
// ticks and titles, and the colour legend on the right. Kept apart from the drawing so the
// geometry (and which cell is under the pointer) can be tested without a canvas.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface HeatmapLayout {
  plot: Box;
  legend: Box;
}

const MARGIN = { left: 52, right: 78, top: 10, bottom: 40 };
const LEGEND_WIDTH = 12;

export function heatmapLayout(width: number, height: number): HeatmapLayout {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(10, width - MARGIN.left - MARGIN.right),
    height: Math.max(10, height - MARGIN.top - MARGIN.bottom),
  };
  const legend = {
    left: plot.left + plot.width + 14,
    top: plot.top,
    width: LEGEND_WIDTH,
    height: plot.height,
  };
  return { plot, legend };
}

/** The centre of column `index` of `count` along a span starting at `start`. */
export function cellCentre(start: number, span: number, count: number, index: number): number {
  return start + ((index + 0.5) * span) / count;
}

/** The (row, column) under a point, or null outside the cells. */
export function cellAt(
  plot: Box,
  rows: number,
  columns: number,
  x: number,
  y: number,
): { row: number; column: number } | null {
  if (rows === 0 || columns === 0) return null;
  const u = (x - plot.left) / plot.width;
  const v = (y - plot.top) / plot.height;
  if (u < 0 || u >= 1 || v < 0 || v >= 1) return null;
  return { row: Math.floor(v * rows), column: Math.floor(u * columns) };
}
