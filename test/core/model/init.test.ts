// Seeded initialization (MATH.md, "Initialization"): bounds, statistics, orthogonality, determinism.

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { initializeParameters } from '../../../core/model/init';
import type { Parameters, TensorSpec } from '../../../core/model/parameters';
import { tensorView } from '../../../core/model/parameters';
import type { FloatArray, Precision } from '../../../core/numeric';
import type { InitName } from '../../../core/train/config';

const elman: Architecture = {
  inputSize: 5,
  hiddenSize: 16,
  numClasses: 3,
  numLayers: 2,
  cell: 'elman',
  activation: 'tanh',
  residual: false,
};
const highway: Architecture = { ...elman, cell: 'highway' };
const inits: InitName[] = ['uniform', 'xavier', 'orthogonal', 'identity'];
const precisions: Precision[] = ['float32', 'float64'];

function matrices(params: Parameters): TensorSpec[] {
  return params.layout.tensors.filter((t) => t.isMatrix);
}

function maxAbs(values: FloatArray): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return max;
}

function mean(values: FloatArray): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function meanSquare(values: FloatArray): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return sum / values.length;
}

/** Every element in [-bound, bound] (float32 may round a draw onto the bound), and the range used. */
function expectUniformWithin(values: FloatArray, bound: number): void {
  expect(maxAbs(values)).toBeLessThanOrEqual(bound * (1 + 1e-7));
  if (values.length >= 30) expect(maxAbs(values)).toBeGreaterThan(0.7 * bound);
}

function xavierBound(spec: TensorSpec): number {
  return Math.sqrt(6 / (spec.rows + spec.cols));
}

/** max |(A^T A - I)_ij| for a square n x n row-major A, in float64. */
function orthogonalityError(a: FloatArray, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += a[k * n + i] * a[k * n + j];
      worst = Math.max(worst, Math.abs(dot - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

describe('initializeParameters: uniform', () => {
  it.each(precisions)('draws every matrix from U(-1/sqrt(L), 1/sqrt(L)) in %s', (precision) => {
    const params = initializeParameters(highway, 'uniform', 1, precision);
    const bound = 1 / Math.sqrt(highway.hiddenSize);
    for (const spec of matrices(params)) expectUniformWithin(tensorView(params.values, spec), bound);
  });

  it('has the mean and variance of U(-a, a): 0 and a^2 / 3', () => {
    const arch = { ...elman, hiddenSize: 64, numLayers: 1 };
    const params = initializeParameters(arch, 'uniform', 7, 'float64');
    const W = tensorView(params.values, params.layout.tensors[1]);
    const a = 1 / 8;
    // 4096 draws: the standard error of the mean is a / sqrt(3 * 4096) ~ 0.0011.
    expect(Math.abs(mean(W))).toBeLessThan(0.006);
    expect(meanSquare(W) / ((a * a) / 3)).toBeGreaterThan(0.93);
    expect(meanSquare(W) / ((a * a) / 3)).toBeLessThan(1.07);
  });
});

describe('initializeParameters: xavier', () => {
  it.each(precisions)('draws each matrix from U(-sqrt(6/(fan_in+fan_out)), +...) in %s', (precision) => {
    const params = initializeParameters(highway, 'xavier', 2, precision);
    for (const spec of matrices(params))
      expectUniformWithin(tensorView(params.values, spec), xavierBound(spec));
  });

  it('uses fan_in = cols and fan_out = rows: variance 2 / (fan_in + fan_out)', () => {
    const arch = { ...elman, inputSize: 200, hiddenSize: 40, numLayers: 1 };
    const params = initializeParameters(arch, 'xavier', 3, 'float64');
    const U = params.layout.tensors[0];
    expect([U.key, U.rows, U.cols]).toEqual(['U', 40, 200]);
    const values = tensorView(params.values, U);
    // bound sqrt(6/240) = 0.158; variance bound^2 / 3 = 2/240.
    expectUniformWithin(values, Math.sqrt(6 / 240));
    expect(meanSquare(values) / (2 / 240)).toBeGreaterThan(0.93);
    expect(meanSquare(values) / (2 / 240)).toBeLessThan(1.07);
  });
});

describe('initializeParameters: orthogonal', () => {
  it.each(precisions)('makes W and Wg orthogonal (W^T W = I) in %s', (precision) => {
    const params = initializeParameters(highway, 'orthogonal', 4, precision);
    const recurrent = matrices(params).filter((t) => t.key === 'W' || t.key === 'Wg');
    expect(recurrent).toHaveLength(4);
    for (const spec of recurrent) {
      expect(orthogonalityError(tensorView(params.values, spec), spec.rows)).toBeLessThan(1e-5);
    }
  });

  it('is orthogonal to rounding in float64, also for a large L', () => {
    const arch = { ...elman, hiddenSize: 128, numLayers: 1 };
    const params = initializeParameters(arch, 'orthogonal', 5, 'float64');
    expect(orthogonalityError(tensorView(params.values, params.layout.tensors[1]), 128)).toBeLessThan(1e-12);
  });

  it('draws U, Ug and V as xavier', () => {
    const params = initializeParameters(highway, 'orthogonal', 6, 'float64');
    const others = matrices(params).filter((t) => t.key !== 'W' && t.key !== 'Wg');
    expect(others.map((t) => t.key)).toEqual(['U', 'Ug', 'U', 'Ug', 'V']);
    for (const spec of others) expectUniformWithin(tensorView(params.values, spec), xavierBound(spec));
  });

  it('is Haar distributed: random entries of mean 0 and both determinant signs', () => {
    // Under the Haar measure on O(3), det = +1 and -1 are equally likely and every entry has
    // mean 0 and variance 1/3. A QR without the sign correction skews these.
    const arch = { ...elman, hiddenSize: 3, numLayers: 1 };
    let positive = 0;
    const entrySum = new Float64Array(9);
    const runs = 400;
    for (let seed = 0; seed < runs; seed++) {
      const params = initializeParameters(arch, 'orthogonal', seed, 'float64');
      const w = tensorView(params.values, params.layout.tensors[1]);
      const det =
        w[0] * (w[4] * w[8] - w[5] * w[7]) -
        w[1] * (w[3] * w[8] - w[5] * w[6]) +
        w[2] * (w[3] * w[7] - w[4] * w[6]);
      expect(Math.abs(Math.abs(det) - 1)).toBeLessThan(1e-12);
      if (det > 0) positive++;
      for (let i = 0; i < 9; i++) entrySum[i] += w[i];
    }
    // Binomial(400, 1/2): standard deviation 10.
    expect(positive).toBeGreaterThan(160);
    expect(positive).toBeLessThan(240);
    // Each entry's mean over 400 draws has standard error sqrt(1/3 / 400) ~ 0.029.
    for (const sum of entrySum) expect(Math.abs(sum / runs)).toBeLessThan(0.12);
  });
});

describe('initializeParameters: identity', () => {
  it.each(precisions)('sets W to the identity and draws Wg, U, Ug, V as xavier in %s', (precision) => {
    const params = initializeParameters({ ...highway, activation: 'relu' }, 'identity', 8, precision);
    const L = highway.hiddenSize;
    for (const spec of matrices(params)) {
      const values = tensorView(params.values, spec);
      if (spec.key === 'W') {
        for (let i = 0; i < L; i++)
          for (let j = 0; j < L; j++) expect(values[i * L + j]).toBe(i === j ? 1 : 0);
      } else {
        expectUniformWithin(values, xavierBound(spec));
      }
    }
  });
});

describe('initializeParameters: biases', () => {
  it.each(inits)('starts b and B at 0 and elman has no gate bias (%s)', (init) => {
    const params = initializeParameters(elman, init, 9, 'float64', -3);
    const vectors = params.layout.tensors.filter((t) => !t.isMatrix);
    expect(vectors.map((t) => t.key)).toEqual(['b', 'b', 'B']);
    for (const spec of vectors)
      expect(Array.from(tensorView(params.values, spec))).toEqual(new Array(spec.size).fill(0));
  });

  it.each(inits)('starts the highway gate bias bg at gateBias, -2 by default (%s)', (init) => {
    const byDefault = initializeParameters(highway, init, 10, 'float32');
    const custom = initializeParameters(highway, init, 10, 'float32', -1.5);
    for (const [params, gateBias] of [
      [byDefault, -2],
      [custom, -1.5],
    ] as const) {
      for (const spec of params.layout.tensors.filter((t) => !t.isMatrix)) {
        const expected = spec.key === 'bg' ? gateBias : 0;
        expect(Array.from(tensorView(params.values, spec))).toEqual(new Array(spec.size).fill(expected));
      }
    }
  });
});

describe('initializeParameters: seeding', () => {
  it.each(inits)('gives bit-identical weights for the same seed (%s)', (init) => {
    for (const precision of precisions) {
      const a = initializeParameters(highway, init, 42, precision);
      const b = initializeParameters(highway, init, 42, precision);
      expect(b.values).toEqual(a.values);
    }
  });

  it.each(inits)('gives different weights for a different seed (%s)', (init) => {
    const a = initializeParameters(highway, init, 42, 'float64');
    const b = initializeParameters(highway, init, 43, 'float64');
    for (const spec of matrices(a)) {
      if (init === 'identity' && spec.key === 'W') continue;
      const va = tensorView(a.values, spec);
      const vb = tensorView(b.values, spec);
      expect(va.some((v, i) => v !== vb[i])).toBe(true);
    }
  });

  it.each(inits)('rounds the same draws into float32 (%s)', (init) => {
    const f64 = initializeParameters(highway, init, 11, 'float64');
    const f32 = initializeParameters(highway, init, 11, 'float32');
    expect(f32.values).toBeInstanceOf(Float32Array);
    expect(f64.values).toBeInstanceOf(Float64Array);
    expect(f32.values).toEqual(Float32Array.from(f64.values));
  });

  it('draws layer by layer, so a deeper net starts with the same first layer', () => {
    const one = initializeParameters({ ...elman, numLayers: 1 }, 'xavier', 12, 'float64');
    const two = initializeParameters(elman, 'xavier', 12, 'float64');
    const firstLayer = one.layout.tensors.filter((t) => t.layer === 0);
    for (const spec of firstLayer) {
      expect(tensorView(two.values, spec)).toEqual(tensorView(one.values, spec));
    }
  });
});
