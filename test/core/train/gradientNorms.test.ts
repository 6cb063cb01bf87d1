// Per-tensor gradient norms, one per tensor in layout order.

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { parameterLayout, tensorView } from '../../../core/model/parameters';
import { tensorGradientNorms } from '../../../core/train/gradientNorms';

const arch: Architecture = {
  inputSize: 3,
  hiddenSize: 4,
  numClasses: 2,
  numLayers: 2,
  cell: 'highway',
  activation: 'tanh',
  residual: false,
};

describe('tensorGradientNorms', () => {
  it('gives each tensor the norm of its own slice', () => {
    const layout = parameterLayout(arch);
    const grads = new Float32Array(layout.size);
    // Tensor k holds the constant (k + 1) * (-1)^k, so its norm is (k + 1) * sqrt(size).
    layout.tensors.forEach((spec, k) => tensorView(grads, spec).fill((k % 2 === 0 ? 1 : -1) * (k + 1)));
    const norms = tensorGradientNorms(grads, layout);
    expect(norms).toBeInstanceOf(Float64Array);
    expect(norms.length).toBe(layout.tensors.length);
    layout.tensors.forEach((spec, k) => expect(norms[k]).toBeCloseTo((k + 1) * Math.sqrt(spec.size), 10));
  });

  it('matches a hand-computed norm for one tensor', () => {
    const layout = parameterLayout({ ...arch, numLayers: 1, cell: 'elman' });
    const grads = new Float64Array(layout.size);
    const b = layout.tensors.find((t) => t.name === 'layers.0.b');
    if (!b) throw new Error('no bias');
    // b = [1, 2, 2, 4]: sqrt(1 + 4 + 4 + 16) = 5
    tensorView(grads, b).set([1, 2, 2, 4]);
    const norms = tensorGradientNorms(grads, layout);
    layout.tensors.forEach((spec, k) => expect(norms[k]).toBe(spec === b ? 5 : 0));
  });

  it('rejects a gradient of another size', () => {
    const layout = parameterLayout(arch);
    expect(() => tensorGradientNorms(new Float64Array(layout.size + 1), layout)).toThrow();
  });
});
