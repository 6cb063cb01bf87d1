import { describe, expect, it } from 'vitest';
import { makeBatch } from '../../../core/model/batch';
import {
  createProfileAccumulator,
  createWorkspace,
  forward,
  lossAndGradient,
  temporalProfile,
} from '../../../core/model/network';
import { convertParameters } from '../../../core/model/parameters';
import type { Dataset } from '../../../core/data/dataset';
import { architecture, randomDataset, randomParameters } from '../../helpers/networkFixtures';
import { referenceLogits } from '../../helpers/referenceModel';

function steps(data: Dataset, i: number): number[][] {
  const n = data.numFeatures;
  const seq = data.sequences[i];
  return Array.from({ length: seq.length / n }, (_, t) => Array.from(seq.subarray(t * n, (t + 1) * n)));
}

describe('the batched forward pass', () => {
  const configs = [
    architecture(),
    architecture({ cell: 'highway', numLayers: 2 }),
    architecture({ numLayers: 3, residual: true, activation: 'relu' }),
    architecture({ cell: 'highway', numLayers: 2, residual: true }),
  ];
  for (const arch of configs) {
    it(`matches the formulas of MATH.md one sequence at a time (${arch.cell}, D=${arch.numLayers})`, () => {
      const params = randomParameters(arch);
      const data = randomDataset([4, 9, 1, 6], arch.inputSize, arch.numClasses);
      const batch = makeBatch(data, [0, 1, 2, 3], 'float64');
      const ws = createWorkspace(arch, 'float64');
      forward(params, batch, ws);
      for (let r = 0; r < batch.size; r++) {
        const expected = referenceLogits(arch, params, steps(data, batch.order[r]));
        const actual = Array.from(ws.logits.subarray(r * arch.numClasses, (r + 1) * arch.numClasses));
        actual.forEach((z, k) => expect(z).toBeCloseTo(expected[k], 12));
      }
    });
  }
});

describe('padding never changes a result', () => {
  for (const arch of [
    architecture({ numLayers: 2, residual: true }),
    architecture({ cell: 'highway', numLayers: 2 }),
  ]) {
    it(`${arch.cell}: logits and gradients alone equal those batched with longer sequences`, () => {
      const params = randomParameters(arch);
      const data = randomDataset([3, 12, 7, 12, 1], arch.inputSize, arch.numClasses);
      const all = [0, 1, 2, 3, 4];
      const ws = createWorkspace(arch, 'float64');
      const batchGrad = new Float64Array(params.values.length);
      const batched = makeBatch(data, all, 'float64');
      const batchLoss = lossAndGradient(params, batched, ws, batchGrad, 0);
      const batchLogits = Array.from(ws.logits);

      const sumGrad = new Float64Array(params.values.length);
      const single = new Float64Array(params.values.length);
      let sumLoss = 0;
      for (const i of all) {
        const loss = lossAndGradient(params, makeBatch(data, [i], 'float64'), ws, single, 0);
        sumLoss += loss.loss;
        single.forEach((g, p) => (sumGrad[p] += g));
        const row = Array.from(batched.order).indexOf(i);
        for (let k = 0; k < arch.numClasses; k++) {
          expect(ws.logits[k]).toBeCloseTo(batchLogits[row * arch.numClasses + k], 13);
        }
      }
      expect(batchLoss.loss).toBeCloseTo(sumLoss / all.length, 13);
      batchGrad.forEach((g, p) => expect(g).toBeCloseTo(sumGrad[p] / all.length, 13));
    });
  }
});

describe('float32 training precision', () => {
  it('gives the float64 loss and gradient to float32 tolerance', () => {
    const arch = architecture({ cell: 'highway', numLayers: 2 });
    const p64 = randomParameters(arch);
    const p32 = convertParameters(p64, 'float32');
    const data = randomDataset([6, 4, 9], arch.inputSize, arch.numClasses);
    const g64 = new Float64Array(p64.values.length);
    const g32 = new Float32Array(p64.values.length);
    const l64 = lossAndGradient(
      p64,
      makeBatch(data, [0, 1, 2], 'float64'),
      createWorkspace(arch, 'float64'),
      g64,
      0.01,
    );
    const l32 = lossAndGradient(
      p32,
      makeBatch(data, [0, 1, 2], 'float32'),
      createWorkspace(arch, 'float32'),
      g32,
      0.01,
    );
    expect(l32.loss).toBeCloseTo(l64.loss, 5);
    g64.forEach((g, i) => expect(Math.abs(g32[i] - g)).toBeLessThan(1e-5 * (1 + Math.abs(g))));
  });
});

describe('the temporal gradient profile', () => {
  it('is the mean of ||dE/dh_t|| by steps before the end, over the sequences that reach that far', () => {
    const arch = architecture({ hiddenSize: 3 });
    const params = randomParameters(arch);
    const data = randomDataset([4, 2], arch.inputSize, arch.numClasses);
    const ws = createWorkspace(arch, 'float64');
    const profile = createProfileAccumulator(1);
    lossAndGradient(
      params,
      makeBatch(data, [0, 1], 'float64'),
      ws,
      new Float64Array(params.values.length),
      0,
      profile,
    );
    expect(Array.from(profile.counts[0])).toEqual([2, 2, 1, 1]);
    const means = temporalProfile(profile)[0];
    expect(means).toHaveLength(4);
    // At k = 0, dE/dh_T = V^T (p - onehot) / |batch| for each sequence.
    const V = params.values.subarray(params.layout.tensors.find((t) => t.name === 'head.V')!.offset);
    let expectedAtEnd = 0;
    for (let r = 0; r < 2; r++) {
      const dz = Array.from(ws.probs.subarray(r * 3, r * 3 + 3), (p) => p / 2);
      dz[makeBatch(data, [0, 1], 'float64').targets[r]] -= 1 / 2;
      const dh = [0, 1, 2].map((j) => dz.reduce((s, d, k) => s + d * V[k * 3 + j], 0));
      expectedAtEnd += Math.hypot(...dh) / 2;
    }
    expect(means[0]).toBeCloseTo(expectedAtEnd, 12);
    means.forEach((m) => expect(m).toBeGreaterThan(0));
  });
});
