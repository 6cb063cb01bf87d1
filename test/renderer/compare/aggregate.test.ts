import { describe, expect, it } from 'vitest';
import {
  aggregateSeries,
  commonGrid,
  interpolateOnGrid,
  normalizeSeries,
} from '../../../renderer/src/compare/aggregate';

describe('normalizeSeries', () => {
  it('sorts by x, averages equal x and drops non-finite values', () => {
    expect(normalizeSeries({ x: [2, 1, 2, 3, 4], y: [4, 1, 6, Number.NaN, Infinity] })).toEqual({
      x: [1, 2],
      y: [1, 5],
    });
  });
});

describe('commonGrid', () => {
  it('is the union of the x values when that is short enough', () => {
    expect(
      commonGrid(
        [
          { x: [1, 3], y: [0, 0] },
          { x: [2, 3], y: [0, 0] },
        ],
        10,
      ),
    ).toEqual([1, 2, 3]);
  });
  it('is evenly spaced over the whole range when the union is too long', () => {
    const long = { x: Array.from({ length: 100 }, (_, i) => i), y: new Array<number>(100).fill(0) };
    expect(commonGrid([long], 5)).toEqual([0, 24.75, 49.5, 74.25, 99]);
  });
});

describe('interpolateOnGrid', () => {
  it('interpolates linearly inside the series and gives NaN outside it', () => {
    const values = interpolateOnGrid({ x: [10, 20, 40], y: [0, 10, 30] }, [5, 10, 15, 20, 30, 40, 50]);
    expect(values.slice(1, 6)).toEqual([0, 5, 10, 20, 30]);
    expect(Number.isNaN(values[0])).toBe(true);
    expect(Number.isNaN(values[6])).toBe(true);
  });
});

describe('aggregateSeries', () => {
  it('averages runs on different x grids, with the min-max band', () => {
    const a = { x: [0, 10], y: [0, 10] };
    const b = { x: [0, 5, 10], y: [2, 4, 12] };
    const result = aggregateSeries([a, b], 'minmax');
    expect(result.x).toEqual([0, 5, 10]);
    expect(result.mean).toEqual([1, 4.5, 11]);
    expect(result.lower).toEqual([0, 4, 10]);
    expect(result.upper).toEqual([2, 5, 12]);
    expect(result.count).toEqual([2, 2, 2]);
  });

  it('gives mean -/+ the standard deviation', () => {
    const result = aggregateSeries(
      [
        { x: [1], y: [1] },
        { x: [1], y: [3] },
      ],
      'std',
    );
    expect(result.mean).toEqual([2]);
    expect(result.lower).toEqual([1]);
    expect(result.upper).toEqual([3]);
  });

  it('keeps the lower edge positive for a log scale', () => {
    const runs = [
      { x: [1], y: [0.1] },
      { x: [1], y: [0.1] },
      { x: [1], y: [10] },
    ];
    expect(aggregateSeries(runs, 'std').lower[0]).toBeLessThan(0);
    expect(aggregateSeries(runs, 'std', 600, true).lower[0]).toBe(0.1);
  });

  it('lets a run that stopped early stop counting instead of extrapolating it', () => {
    const long = { x: [0, 10, 20], y: [1, 1, 1] };
    const short = { x: [0, 10], y: [3, 3] };
    const result = aggregateSeries([long, short], 'minmax');
    expect(result.x).toEqual([0, 10, 20]);
    expect(result.mean).toEqual([2, 2, 1]);
    expect(result.count).toEqual([2, 2, 1]);
  });

  it('stays within maxPoints for long series', () => {
    const n = 5000;
    const a = { x: Array.from({ length: n }, (_, i) => i * 2), y: new Array<number>(n).fill(1) };
    const b = { x: Array.from({ length: n }, (_, i) => i * 2 + 1), y: new Array<number>(n).fill(3) };
    const result = aggregateSeries([a, b], 'minmax', 600);
    expect(result.x.length).toBeLessThanOrEqual(600);
    expect(result.mean.every((m, i) => m === 2 || result.count[i] === 1)).toBe(true);
  });

  it('is empty for no data', () => {
    expect(aggregateSeries([], 'minmax').x).toEqual([]);
    expect(aggregateSeries([{ x: [], y: [] }], 'std').x).toEqual([]);
  });
});
