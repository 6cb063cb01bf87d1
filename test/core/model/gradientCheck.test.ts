// Every gradient of MATH.md ("Gradients (BPTT)") against central finite differences in float64.

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { makeBatch } from '../../../core/model/batch';
import { createWorkspace, forwardLoss, lossAndGradient } from '../../../core/model/network';
import type { Parameters } from '../../../core/model/parameters';
import { architecture, randomDataset, randomParameters } from '../../helpers/networkFixtures';

const lengths = [5, 2, 7, 3, 7, 1];

function numericalGradient(params: Parameters, loss: () => number, eps = 1e-6): Float64Array {
  const grad = new Float64Array(params.values.length);
  for (let i = 0; i < params.values.length; i++) {
    const saved = params.values[i];
    params.values[i] = saved + eps;
    const plus = loss();
    params.values[i] = saved - eps;
    const minus = loss();
    params.values[i] = saved;
    grad[i] = (plus - minus) / (2 * eps);
  }
  return grad;
}

function checkGradients(arch: Architecture, l2: number): void {
  const params = randomParameters(arch);
  const data = randomDataset(lengths, arch.inputSize, arch.numClasses);
  const batch = makeBatch(data, [0, 1, 2, 3, 4, 5], 'float64');
  const ws = createWorkspace(arch, 'float64');
  const analytic = new Float64Array(params.values.length);
  lossAndGradient(params, batch, ws, analytic, l2);
  const numeric = numericalGradient(params, () => forwardLoss(params, batch, ws, l2).loss);

  for (const spec of params.layout.tensors) {
    let diff = 0;
    let scale = 0;
    for (let i = spec.offset; i < spec.offset + spec.size; i++) {
      diff += (analytic[i] - numeric[i]) ** 2;
      scale += analytic[i] ** 2 + numeric[i] ** 2;
      const elementError =
        Math.abs(analytic[i] - numeric[i]) / Math.max(Math.abs(analytic[i]), Math.abs(numeric[i]), 1e-3);
      expect(elementError, `${spec.name}[${i - spec.offset}]`).toBeLessThan(1e-6);
    }
    expect(Math.sqrt(scale), `${spec.name} has a non-zero gradient`).toBeGreaterThan(1e-8);
    expect(Math.sqrt(diff) / Math.sqrt(scale), spec.name).toBeLessThan(1e-6);
  }
}

describe('BPTT gradients match finite differences (float64)', () => {
  for (const cell of ['elman', 'highway'] as const) {
    for (const numLayers of [1, 2, 3]) {
      for (const residual of numLayers > 1 ? [false, true] : [false]) {
        for (const l2 of [0, 0.05]) {
          it(`${cell}, D=${numLayers}${residual ? ', residual' : ''}, l2=${l2}`, () => {
            checkGradients(architecture({ cell, numLayers, residual }), l2);
          });
        }
      }
    }
  }

  it('relu activation (IRNN), D=2, highway and elman', () => {
    checkGradients(architecture({ activation: 'relu', numLayers: 2 }), 0.01);
    checkGradients(architecture({ activation: 'relu', numLayers: 2, cell: 'highway', residual: true }), 0.01);
  });

  it('a single feature and two classes', () => {
    checkGradients(architecture({ inputSize: 1, numClasses: 2, hiddenSize: 5 }), 0);
  });
});
