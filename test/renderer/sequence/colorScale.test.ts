import { describe, expect, it } from 'vitest';
import {
  activationScale,
  colorAt,
  divergingScale,
  gateScale,
  largestMagnitude,
  largestValue,
  legendGradient,
  legendTicks,
  sequentialScale,
} from '../../../renderer/src/sequence/colorScale';

describe('the heatmap colour scales', () => {
  it('diverge from a neutral middle at 0 to blue below and red above, clamped at ±limit', () => {
    const scale = divergingScale(1, false);
    expect(colorAt(scale, 0)).toEqual([247, 247, 247]);
    expect(colorAt(scale, -1)).toEqual([5, 48, 97]);
    expect(colorAt(scale, 1)).toEqual([103, 0, 31]);
    expect(colorAt(scale, 5)).toEqual(colorAt(scale, 1));
    expect(colorAt(scale, -5)).toEqual(colorAt(scale, -1));
    const [r, , b] = colorAt(scale, 0.5);
    expect(r).toBeGreaterThan(b);
    const [r2, , b2] = colorAt(scale, -0.5);
    expect(b2).toBeGreaterThan(r2);
    expect(colorAt(divergingScale(1, true), 0)).toEqual([48, 52, 58]);
  });

  it('interpolates between stops', () => {
    const scale = sequentialScale(0, 8);
    // 9 viridis stops over 0..8: value 0.5 is halfway between the first two.
    expect(colorAt(scale, 0.5)).toEqual([70, 23, 103]);
    expect(colorAt(scale, Number.NaN)).toEqual(colorAt(scale, 4));
  });

  it('scales tanh to -1..1 and relu to 0..its largest value', () => {
    const hidden = [
      [0, 2.5],
      [7, Number.NaN],
    ];
    expect(activationScale('tanh', hidden, false)).toMatchObject({ kind: 'diverging', min: -1, max: 1 });
    expect(activationScale('relu', hidden, false)).toMatchObject({ kind: 'sequential', min: 0, max: 7 });
    // All zero: a usable range rather than 0..0.
    expect(activationScale('relu', [[0, 0]], false)).toMatchObject({ min: 0, max: 1 });
    expect(gateScale()).toMatchObject({ min: 0, max: 1 });
  });

  it('finds the largest value and magnitude of a grid', () => {
    expect(largestValue([[-3, 1], [2]])).toBe(2);
    expect(
      largestMagnitude([
        [-3, 1],
        [2, Number.POSITIVE_INFINITY],
      ]),
    ).toBe(3);
    expect(largestMagnitude([])).toBe(0);
  });

  it('draws its legend as a gradient with min, middle and max ticks', () => {
    const scale = divergingScale(1, false);
    expect(legendTicks(scale)).toEqual([-1, 0, 1]);
    const gradient = legendGradient(scale);
    expect(gradient.startsWith('linear-gradient(to right, rgb(5, 48, 97) 0.0%')).toBe(true);
    expect(gradient.endsWith('rgb(103, 0, 31) 100.0%)')).toBe(true);
  });
});
