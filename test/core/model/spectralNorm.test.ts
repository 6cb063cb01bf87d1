// Largest singular value by power iteration, against matrices whose singular values are known.

import { describe, expect, it } from 'vitest';
import { largestSingularValue } from '../../../core/model/spectralNorm';

describe('largestSingularValue', () => {
  it('gives the largest absolute diagonal entry of a diagonal matrix', () => {
    // prettier-ignore
    const d = [
      2, 0, 0,
      0, -5, 0,
      0, 0, 1,
    ];
    expect(largestSingularValue(d, 3, 3)).toBeCloseTo(5, 10);
    expect(largestSingularValue([0.5, 0, 0, 0.25], 2, 2)).toBeCloseTo(0.5, 10);
  });

  it('converges for nearly equal singular values, given enough iterations', () => {
    // The error shrinks like (sigma2 / sigma1)^(4k): 0.9 converges within the default 50
    // iterations, 0.99 needs more. Stopping at a 1e-10 change leaves an error near 1e-9.
    expect(largestSingularValue([0.9, 0, 0, 1], 2, 2)).toBeCloseTo(1, 8);
    expect(largestSingularValue([0.99, 0, 0, 1], 2, 2, 1000)).toBeCloseTo(1, 7);
    expect(largestSingularValue([0.99, 0, 0, 1], 2, 2, 5)).toBeLessThan(0.999);
  });

  it('gives 1 for orthogonal matrices', () => {
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    expect(largestSingularValue([c, -s, s, c], 2, 2)).toBeCloseTo(1, 12);
    // Householder reflection I - 2 v v^T / |v|^2 with v = [1, 2, 3, 4].
    const v = [1, 2, 3, 4];
    const vv = 30;
    const h = Array.from(
      { length: 16 },
      (_, k) => (k % 5 === 0 ? 1 : 0) - (2 * v[Math.floor(k / 4)] * v[k % 4]) / vv,
    );
    expect(largestSingularValue(h, 4, 4)).toBeCloseTo(1, 12);
  });

  it('handles rectangular matrices in both orientations', () => {
    // A = [[1, 1, 0], [0, 1, 1]]: A A^T = [[2, 1], [1, 2]], eigenvalues 3 and 1, so sigma = sqrt(3).
    const a = [1, 1, 0, 0, 1, 1];
    const aT = [1, 0, 1, 1, 0, 1];
    expect(largestSingularValue(a, 2, 3)).toBeCloseTo(Math.sqrt(3), 10);
    expect(largestSingularValue(aT, 3, 2)).toBeCloseTo(Math.sqrt(3), 10);
  });

  it('gives |u| |v| for the rank-1 matrix u v^T', () => {
    // u = [1, 2, 2] (|u| = 3), v = [3, -4] (|v| = 5): sigma = 15.
    const u = [1, 2, 2];
    const v = [3, -4];
    const m = u.flatMap((ui) => v.map((vj) => ui * vj));
    expect(largestSingularValue(m, 3, 2)).toBeCloseTo(15, 10);
    expect(largestSingularValue(Float32Array.from(m), 3, 2)).toBeCloseTo(15, 10);
  });

  it('matches a non-symmetric square matrix worked out by hand', () => {
    // W = [[3, 0], [4, 5]]: W^T W = [[25, 20], [20, 25]], eigenvalues 45 and 5, sigma = sqrt(45).
    expect(largestSingularValue([3, 0, 4, 5], 2, 2)).toBeCloseTo(Math.sqrt(45), 10);
  });

  it('lies between the largest column norm and the Frobenius norm', () => {
    const rows = 6;
    const cols = 4;
    const m = Array.from({ length: rows * cols }, (_, k) => Math.sin(1.7 * k + 0.3));
    const sigma = largestSingularValue(m, rows, cols);
    const frobenius = Math.sqrt(m.reduce((sum, x) => sum + x * x, 0));
    let maxColumn = 0;
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let i = 0; i < rows; i++) sum += m[i * cols + j] ** 2;
      maxColumn = Math.max(maxColumn, Math.sqrt(sum));
    }
    expect(sigma).toBeGreaterThanOrEqual(maxColumn - 1e-12);
    expect(sigma).toBeLessThanOrEqual(frobenius + 1e-12);
  });

  it('gives 0 for a zero or empty matrix', () => {
    expect(largestSingularValue(new Float64Array(12), 3, 4)).toBe(0);
    expect(largestSingularValue([], 0, 0)).toBe(0);
    expect(largestSingularValue([], 0, 5)).toBe(0);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => largestSingularValue([1, 2, 3], 2, 2)).toThrow();
  });
});
