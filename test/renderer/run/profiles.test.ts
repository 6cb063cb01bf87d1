// Temporal gradient profiles: the default epochs and the heatmap grid.

import { describe, expect, it } from 'vitest';
import {
  defaultProfileEpochs,
  normalizeInRange,
  profileGrid,
  profileLayerCount,
  profilePoints,
} from '../../../renderer/src/run/profiles';

describe('defaultProfileEpochs', () => {
  it('picks the first, a middle and the last epoch', () => {
    expect(defaultProfileEpochs([1, 2, 3, 4, 5, 6])).toEqual([1, 3, 6]);
    expect(defaultProfileEpochs([5, 1, 3])).toEqual([1, 3, 5]);
    expect(defaultProfileEpochs([1, 2])).toEqual([1, 2]);
    expect(defaultProfileEpochs([4])).toEqual([4]);
    expect(defaultProfileEpochs([])).toEqual([]);
  });
});

describe('profilePoints and profileLayerCount', () => {
  const profiles = [
    { epoch: 1, layers: [[0.5, 0, 0.1]] },
    {
      epoch: 2,
      layers: [
        [1, 2],
        [3, Number.NaN],
      ],
    },
  ];
  it('lays one layer out by k, leaving out what a log axis cannot show', () => {
    expect(profilePoints(profiles[0], 0)).toEqual([
      { x: 0, y: 0.5 },
      { x: 2, y: 0.1 },
    ]);
    expect(profilePoints(profiles[1], 1)).toEqual([{ x: 0, y: 3 }]);
    expect(profilePoints(undefined, 0)).toEqual([]);
    expect(profilePoints(profiles[0], 3)).toEqual([]);
  });
  it('counts the most layers any epoch has', () => {
    expect(profileLayerCount(profiles)).toBe(2);
    expect(profileLayerCount([])).toBe(0);
  });
});

describe('profileGrid', () => {
  it('has a row per epoch in order, a column per k, log10 values and their range', () => {
    const grid = profileGrid(
      [
        { epoch: 2, layers: [[100, 10]] },
        { epoch: 1, layers: [[1, 0.1, 0.01]] },
      ],
      0,
    );
    expect(grid.epochs).toEqual([1, 2]);
    expect(grid.steps).toBe(3);
    expect(grid.cells[0].map((v) => (v === null ? null : Math.round(v)))).toEqual([0, -1, -2]);
    expect(grid.cells[1].map((v) => (v === null ? null : Math.round(v)))).toEqual([2, 1, null]);
    expect(grid.range).toEqual({ min: -2, max: 2 });
  });
  it('has no range without a positive finite value', () => {
    expect(profileGrid([{ epoch: 1, layers: [[0, Number.NaN]] }], 0).range).toBeNull();
    expect(profileGrid([], 0)).toEqual({ epochs: [], steps: 0, cells: [], range: null });
  });
  it('normalizeInRange clamps and handles a one-value range', () => {
    expect(normalizeInRange(0, { min: -2, max: 2 })).toBe(0.5);
    expect(normalizeInRange(5, { min: -2, max: 2 })).toBe(1);
    expect(normalizeInRange(-5, { min: -2, max: 2 })).toBe(0);
    expect(normalizeInRange(3, { min: 3, max: 3 })).toBe(0.5);
  });
});
