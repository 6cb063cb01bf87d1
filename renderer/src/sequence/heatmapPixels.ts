// A units x steps heatmap painted pixel by pixel into an RGBA buffer of device pixels, so it
// stays sharp at any devicePixelRatio: steps are columns (t = 0 on the left), units are rows
// (unit 0 on top). Cell edges are rounded to whole pixels, the same way for the cursor.

import type { ColorScale } from './colorScale';
import { colorAt } from './colorScale';

/** The pixel span [start, end) of cell i of `count` cells across `size` pixels. */
export function cellSpan(i: number, count: number, size: number): [number, number] {
  return [Math.round((i * size) / count), Math.round(((i + 1) * size) / count)];
}

/** The cell under a position (in the same units as size), clamped to 0..count-1. */
export function cellAt(position: number, count: number, size: number): number {
  if (count <= 0 || size <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor((position * count) / size)));
}

/**
 * Paints grid[t][unit] into `pixels` (RGBA, width x height). Every cell gets at least one pixel
 * row; columns narrower than a pixel (more steps than pixels) are painted by the later step.
 */
export function paintHeatmap(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  grid: readonly (readonly number[])[],
  scale: ColorScale,
): void {
  const steps = grid.length;
  const units = steps > 0 ? grid[0].length : 0;
  if (steps === 0 || units === 0) return;
  for (let t = 0; t < steps; t++) {
    const [x0, x1] = cellSpan(t, steps, width);
    if (x1 <= x0) continue;
    for (let unit = 0; unit < units; unit++) {
      const [y0, y1] = cellSpan(unit, units, height);
      const [r, g, b] = colorAt(scale, grid[t][unit]);
      for (let y = y0; y < y1; y++) {
        let p = (y * width + x0) * 4;
        for (let x = x0; x < x1; x++, p += 4) {
          pixels[p] = r;
          pixels[p + 1] = g;
          pixels[p + 2] = b;
          pixels[p + 3] = 255;
        }
      }
    }
  }
}

/** Pixel rows per unit for a heatmap of `units` rows: readable, never taller than maxHeight. */
export function heatmapHeight(units: number, maxHeight = 240, minHeight = 64): number {
  const rowHeight = Math.max(2, Math.min(8, Math.floor(maxHeight / Math.max(1, units))));
  return Math.max(minHeight, Math.min(maxHeight, rowHeight * units));
}
