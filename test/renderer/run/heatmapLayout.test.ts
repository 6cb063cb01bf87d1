// The heatmap's geometry: the cell area, the legend beside it, and the cell under the pointer.

import { describe, expect, it } from 'vitest';
import { cellAt, cellCentre, heatmapLayout } from '../../../renderer/src/run/heatmapLayout';

describe('heatmapLayout', () => {
  it('leaves room for the axes and puts the legend right of the cells', () => {
    const { plot, legend } = heatmapLayout(600, 260);
    expect(plot.left).toBeGreaterThan(0);
    expect(plot.left + plot.width).toBeLessThan(legend.left);
    expect(legend.left + legend.width).toBeLessThan(600);
    expect(plot.top + plot.height).toBeLessThan(260);
    expect(legend.height).toBe(plot.height);
  });
  it('never has a negative size', () => {
    const { plot } = heatmapLayout(20, 20);
    expect(plot.width).toBeGreaterThan(0);
    expect(plot.height).toBeGreaterThan(0);
  });
});

describe('cellAt and cellCentre', () => {
  const plot = { left: 10, top: 20, width: 100, height: 50 };
  it('finds the row and column under a point', () => {
    expect(cellAt(plot, 5, 10, 10, 20)).toEqual({ row: 0, column: 0 });
    expect(cellAt(plot, 5, 10, 109.9, 69.9)).toEqual({ row: 4, column: 9 });
    expect(cellAt(plot, 5, 10, 55, 41)).toEqual({ row: 2, column: 4 });
  });
  it('is null outside the cells or without any', () => {
    expect(cellAt(plot, 5, 10, 9, 30)).toBeNull();
    expect(cellAt(plot, 5, 10, 110, 30)).toBeNull();
    expect(cellAt(plot, 0, 10, 50, 30)).toBeNull();
  });
  it('puts a cell centre halfway across it', () => {
    expect(cellCentre(10, 100, 10, 0)).toBe(15);
    expect(cellCentre(10, 100, 10, 9)).toBe(105);
  });
});
