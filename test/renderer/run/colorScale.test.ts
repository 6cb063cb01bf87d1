// The heatmap's colour scale and tick values.

import { describe, expect, it } from 'vitest';
import { formatLogTick, niceTicks, viridis, viridisCss } from '../../../renderer/src/run/colorScale';

describe('viridis', () => {
  it('runs from dark purple to yellow, clamped', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(Number.NaN)).toEqual(viridis(0));
    expect(viridisCss(0)).toBe('rgb(68, 1, 84)');
  });
  it('gets lighter as t grows', () => {
    const lightness = (t: number) => viridis(t).reduce((a, b) => a + b, 0);
    for (let t = 0; t < 1; t += 0.05) expect(lightness(t + 0.05)).toBeGreaterThan(lightness(t));
  });
});

describe('niceTicks', () => {
  it('gives round values inside the range', () => {
    expect(niceTicks(0, 29, 6, true)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(-2.3, 1.1, 4)).toEqual([-2, -1, 0, 1]);
    expect(niceTicks(1, 3, 10, true)).toEqual([1, 2, 3]);
    expect(niceTicks(-0.45, -0.05, 4)).toEqual([-0.4, -0.3, -0.2, -0.1]);
  });
  it('handles degenerate ranges', () => {
    expect(niceTicks(2, 2, 5)).toEqual([2]);
    expect(niceTicks(3, 1, 5)).toEqual([]);
    expect(niceTicks(Number.NaN, 1, 5)).toEqual([]);
  });
});

describe('formatLogTick', () => {
  it('writes a log10 value as the norm it stands for', () => {
    expect(formatLogTick(0)).toBe('1');
    expect(formatLogTick(-2)).toBe('0.01');
    expect(formatLogTick(2)).toBe('100');
    expect(formatLogTick(-5)).toBe('1e-5');
    expect(formatLogTick(6)).toBe('1e6');
    expect(formatLogTick(-2.5)).toBe('0.0032');
    expect(formatLogTick(-4.5)).toBe('3.2e-5');
  });
});
