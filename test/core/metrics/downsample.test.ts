// Min-max downsampling keeps the shape that matters: first, last, extremes and every spike.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsampleMinMax } from '../../../core/metrics/downsample';

const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('downsampleMinMax', () => {
  it('returns a short series unchanged', () => {
    const x = [1, 2, 3];
    const y = [5, -1, 2];
    const out = downsampleMinMax(x, y, 4);
    expect(out).toEqual({ x, y });
    expect(out.x).not.toBe(x);
    expect(downsampleMinMax([], [], 10)).toEqual({ x: [], y: [] });
  });

  it('keeps at most maxPoints, the first, the last, the global min and max, in x order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 3000 }),
        fc.integer({ min: 4, max: 400 }),
        (y, maxPoints) => {
          const x = indices(y.length).map((i) => i * 0.5);
          const out = downsampleMinMax(x, y, maxPoints);
          expect(out.x.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          expect(out.x.length).toBe(out.y.length);
          if (y.length === 0) return;
          expect(out.x[0]).toBe(x[0]);
          expect(out.x[out.x.length - 1]).toBe(x[x.length - 1]);
          for (let i = 1; i < out.x.length; i++) expect(out.x[i]).toBeGreaterThan(out.x[i - 1]);
          out.x.forEach((xi, i) => expect(out.y[i]).toBe(y[xi * 2]));
          expect(Math.min(...out.y)).toBe(Math.min(...y));
          expect(Math.max(...out.y)).toBe(Math.max(...y));
        },
      ),
    );
  });

  it('keeps every spike of a long noisy series', () => {
    const n = 100_000;
    let seed = 42;
    const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 0.1;
    const y = indices(n).map(() => 1 + noise());
    // One spike (or dip) per ~500 points: more than a 1000-point bucket's width apart.
    const spikes = indices(190).map((k) => 300 + k * 523);
    spikes.forEach((i, k) => (y[i] = k % 2 === 0 ? 1e6 * (k + 1) : -1e3 * (k + 1)));
    const out = downsampleMinMax(indices(n), y, 1000);
    expect(out.x.length).toBeLessThanOrEqual(1000);
    const kept = new Set(out.x);
    for (const i of spikes) expect(kept.has(i)).toBe(true);
  });

  it('shows a NaN (a divergence) as its bucket maximum', () => {
    const y = indices(1000).map((i) => Math.sin(i));
    y[500] = NaN;
    const out = downsampleMinMax(indices(1000), y, 20);
    expect(out.x).toContain(500);
  });

  it('refuses fewer than 4 points or mismatched lengths', () => {
    expect(() => downsampleMinMax([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], 3)).toThrow(RangeError);
    expect(() => downsampleMinMax([1, 2], [1], 10)).toThrow(RangeError);
  });
});
