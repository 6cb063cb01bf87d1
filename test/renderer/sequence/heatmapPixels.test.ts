import { describe, expect, it } from 'vitest';
import { cellAt, cellSpan, heatmapHeight, paintHeatmap } from '../../../renderer/src/sequence/heatmapPixels';
import { colorAt, sequentialScale } from '../../../renderer/src/sequence/colorScale';

describe('painting a heatmap in device pixels', () => {
  it('splits a size into whole-pixel cells that tile it exactly', () => {
    const spans = Array.from({ length: 7 }, (_, i) => cellSpan(i, 7, 100));
    expect(spans[0][0]).toBe(0);
    expect(spans[6][1]).toBe(100);
    for (let i = 1; i < 7; i++) expect(spans[i][0]).toBe(spans[i - 1][1]);
    spans.forEach(([a, b]) => expect(b - a).toBeGreaterThanOrEqual(14));
  });

  it('finds the cell under a position, clamped', () => {
    expect(cellAt(0, 30, 600)).toBe(0);
    expect(cellAt(19.9, 30, 600)).toBe(0);
    expect(cellAt(20, 30, 600)).toBe(1);
    expect(cellAt(599, 30, 600)).toBe(29);
    expect(cellAt(700, 30, 600)).toBe(29);
    expect(cellAt(-5, 30, 600)).toBe(0);
  });

  it('paints steps as columns and units as rows, unit 0 on top', () => {
    const scale = sequentialScale(0, 1);
    // grid[t][unit]: 2 steps, 3 units.
    const grid = [
      [0, 0.5, 1],
      [1, 1, 0],
    ];
    const width = 4;
    const height = 6;
    const pixels = new Uint8ClampedArray(width * height * 4);
    paintHeatmap(pixels, width, height, grid, scale);
    const at = (x: number, y: number): number[] =>
      Array.from(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
    expect(at(0, 0)).toEqual([...colorAt(scale, 0), 255]);
    expect(at(1, 3)).toEqual([...colorAt(scale, 0.5), 255]);
    expect(at(1, 5)).toEqual([...colorAt(scale, 1), 255]);
    expect(at(2, 0)).toEqual([...colorAt(scale, 1), 255]);
    expect(at(3, 5)).toEqual([...colorAt(scale, 0), 255]);
    // Every pixel painted, opaque.
    for (let p = 3; p < pixels.length; p += 4) expect(pixels[p]).toBe(255);
  });

  it('leaves an empty grid unpainted', () => {
    const pixels = new Uint8ClampedArray(16);
    paintHeatmap(pixels, 2, 2, [], sequentialScale(0, 1));
    expect(Array.from(pixels).every((v) => v === 0)).toBe(true);
  });

  it('gives few units tall rows and many units thin ones, within bounds', () => {
    expect(heatmapHeight(24)).toBe(192);
    expect(heatmapHeight(4)).toBe(64);
    expect(heatmapHeight(512)).toBe(240);
  });
});
