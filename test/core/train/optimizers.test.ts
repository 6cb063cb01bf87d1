// The update rules of MATH.md "Optimizers", checked against steps computed by hand.

import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../../../core/numeric';
import type { OptimizerConfig } from '../../../core/train/config';
import { createOptimizer, defaultOptimizerConfig } from '../../../core/train/optimizers';

function expectValues(actual: FloatArray, expected: number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, digits));
}

function run(config: OptimizerConfig, start: number[], steps: number[][]): Float64Array[] {
  const values = Float64Array.from(start);
  const optimizer = createOptimizer(config, start.length, 'float64');
  return steps.map((grads) => {
    optimizer.step(values, Float64Array.from(grads));
    return values.slice();
  });
}

describe('sgd', () => {
  it('takes theta -= lr g', () => {
    // [1, -2, 0.5] - 0.1 * [0.5, -1, 2] = [0.95, -1.9, 0.3]
    const [after] = run({ kind: 'sgd', lr: 0.1 }, [1, -2, 0.5], [[0.5, -1, 2]]);
    expectValues(after, [0.95, -1.9, 0.3]);
  });

  it('keeps no state between steps', () => {
    // 1 - 0.1 * 2 = 0.8, then 0.8 - 0.1 * (-1) = 0.9
    const [first, second] = run({ kind: 'sgd', lr: 0.1 }, [1], [[2], [-1]]);
    expectValues(first, [0.8]);
    expectValues(second, [0.9]);
  });

  it('does not change the gradient', () => {
    const grads = Float64Array.from([1, 2]);
    createOptimizer({ kind: 'sgd', lr: 0.5 }, 2, 'float64').step(new Float64Array(2), grads);
    expectValues(grads, [1, 2]);
  });
});

describe('momentum', () => {
  it('accumulates v = mu v + g and takes theta -= lr v', () => {
    // mu 0.9, lr 0.1, theta [1, -1]
    // step 1, g [1, 2]:  v = [1, 2];                               theta = [0.9, -1.2]
    // step 2, g [1, -1]: v = 0.9 [1, 2] + [1, -1] = [1.9, 0.8];   theta = [0.9 - 0.19, -1.2 - 0.08] = [0.71, -1.28]
    const [first, second] = run(
      { kind: 'momentum', lr: 0.1, momentum: 0.9 },
      [1, -1],
      [
        [1, 2],
        [1, -1],
      ],
    );
    expectValues(first, [0.9, -1.2]);
    expectValues(second, [0.71, -1.28]);
  });
});

describe('adagrad', () => {
  it('divides by sqrt of the summed squares plus eps', () => {
    // lr 0.1, eps 1 (large, so that sqrt(G) + eps differs visibly from sqrt(G + eps)), theta [1, 1]
    // step 1, g [3, 4]:  G = [9, 16];  theta = [1 - 0.1*3/(3+1), 1 - 0.1*4/(4+1)] = [0.925, 0.92]
    // step 2, g [4, -3]: G = [25, 25]; theta = [0.925 - 0.1*4/6, 0.92 + 0.1*3/6] = [0.858333333333, 0.97]
    const [first, second] = run(
      { kind: 'adagrad', lr: 0.1, eps: 1 },
      [1, 1],
      [
        [3, 4],
        [4, -3],
      ],
    );
    expectValues(first, [0.925, 0.92]);
    expectValues(second, [0.925 - 0.4 / 6, 0.97]);
    expect(second[0]).toBeCloseTo(0.858333333333, 11);
  });
});

describe('rmsprop', () => {
  it('divides by sqrt of the running mean square plus eps', () => {
    // lr 0.1, rho 0.75, eps 1, theta [1, 0]
    // step 1, g [2, 0]:  S = [0.25*4, 0] = [1, 0];                    theta = [1 - 0.1*2/(1+1), 0 - 0] = [0.9, 0]
    // step 2, g [-1, 2]: S = [0.75*1 + 0.25*1, 0 + 0.25*4] = [1, 1];  theta = [0.9 + 0.1/2, 0 - 0.1*2/2] = [0.95, -0.1]
    const [first, second] = run(
      { kind: 'rmsprop', lr: 0.1, rho: 0.75, eps: 1 },
      [1, 0],
      [
        [2, 0],
        [-1, 2],
      ],
    );
    expectValues(first, [0.9, 0]);
    expectValues(second, [0.95, -0.1]);
  });
});

describe('adam', () => {
  it('uses bias-corrected moments with t starting at 1', () => {
    // lr 0.1, b1 0.5, b2 0.75, eps 0.5, theta [1, -1]
    // step 1 (t = 1), g [2, -4]:
    //   m = 0.5 g = [1, -2];  v = 0.25 g^2 = [1, 4]
    //   m^ = m / 0.5 = [2, -4];  v^ = v / 0.25 = [4, 16];  sqrt(v^) = [2, 4]
    //   theta = [1 - 0.1*2/2.5, -1 + 0.1*4/4.5] = [0.92, -0.911111111111]
    // step 2 (t = 2), g [-2, -4]:
    //   m = 0.5 m + 0.5 g = [-0.5, -3];  v = 0.75 v + 0.25 g^2 = [1.75, 7]
    //   m^ = m / (1 - 0.25) = [-2/3, -4];  v^ = v / (1 - 0.5625) = [4, 16];  sqrt(v^) = [2, 4]
    //   theta = [0.92 + 0.1*(2/3)/2.5, -0.911111 + 0.1*4/4.5] = [0.946666666667, -0.822222222222]
    const [first, second] = run(
      { kind: 'adam', lr: 0.1, beta1: 0.5, beta2: 0.75, eps: 0.5 },
      [1, -1],
      [
        [2, -4],
        [-2, -4],
      ],
    );
    expectValues(first, [0.92, -0.911111111111], 11);
    expectValues(second, [0.946666666667, -0.822222222222], 11);
  });

  it('moves every weight by about lr on its first step with the defaults', () => {
    // t = 1: m^ = g and v^ = g^2, so the step is lr * g / (|g| + 1e-8).
    const [after] = run(defaultOptimizerConfig('adam', 0.01), [0, 0, 0], [[3, -0.002, 50]]);
    expectValues(
      after,
      [-0.01 * (3 / (3 + 1e-8)), 0.01 * (0.002 / (0.002 + 1e-8)), -0.01 * (50 / (50 + 1e-8))],
      15,
    );
  });
});

describe('createOptimizer', () => {
  it('counts steps', () => {
    const optimizer = createOptimizer(defaultOptimizerConfig('adam'), 2, 'float64');
    expect(optimizer.stepCount).toBe(0);
    optimizer.step(new Float64Array(2), Float64Array.from([1, 1]));
    optimizer.step(new Float64Array(2), Float64Array.from([1, 1]));
    expect(optimizer.stepCount).toBe(2);
  });

  it('keeps its own copy of the config', () => {
    const config: OptimizerConfig = { kind: 'sgd', lr: 0.1 };
    const optimizer = createOptimizer(config, 1, 'float64');
    config.lr = 100;
    expect(optimizer.config).toEqual({ kind: 'sgd', lr: 0.1 });
    const values = Float64Array.from([1]);
    optimizer.step(values, Float64Array.from([1]));
    expectValues(values, [0.9]);
  });

  it('rejects buffers of another size', () => {
    const optimizer = createOptimizer({ kind: 'sgd', lr: 0.1 }, 3, 'float64');
    expect(() => optimizer.step(new Float64Array(2), new Float64Array(3))).toThrow();
    expect(() => optimizer.step(new Float64Array(3), new Float64Array(4))).toThrow();
  });

  it.each(['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const)(
    '%s runs in float32 and agrees with float64',
    (kind) => {
      const config = defaultOptimizerConfig(kind, 0.05);
      const start = [0.5, -0.25, 1, 0];
      const grads = [
        [0.1, -0.2, 0.3, 0],
        [-0.4, 0.5, 0.25, 1],
      ];
      const values32 = Float32Array.from(start);
      const values64 = Float64Array.from(start);
      const opt32 = createOptimizer(config, 4, 'float32');
      const opt64 = createOptimizer(config, 4, 'float64');
      for (const g of grads) {
        opt32.step(values32, Float32Array.from(g));
        opt64.step(values64, Float64Array.from(g));
      }
      for (let i = 0; i < 4; i++) expect(values32[i]).toBeCloseTo(values64[i], 6);
    },
  );
});

describe('defaultOptimizerConfig', () => {
  it('gives the documented defaults', () => {
    expect(defaultOptimizerConfig('sgd')).toEqual({ kind: 'sgd', lr: 0.1 });
    expect(defaultOptimizerConfig('momentum')).toEqual({ kind: 'momentum', lr: 0.01, momentum: 0.9 });
    expect(defaultOptimizerConfig('adagrad')).toEqual({ kind: 'adagrad', lr: 0.01, eps: 1e-8 });
    expect(defaultOptimizerConfig('rmsprop')).toEqual({ kind: 'rmsprop', lr: 1e-3, rho: 0.9, eps: 1e-8 });
    expect(defaultOptimizerConfig('adam')).toEqual({
      kind: 'adam',
      lr: 1e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
    });
  });

  it('takes a learning rate', () => {
    expect(defaultOptimizerConfig('momentum', 0.5)).toEqual({ kind: 'momentum', lr: 0.5, momentum: 0.9 });
  });
});
