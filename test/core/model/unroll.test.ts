// The network unrolled over one sequence (core/model/unroll.ts) against a naive per-step
// reference written from MATH.md, with ||dE/dh_t|| checked by central finite differences of E
// with respect to a perturbation added to h_t itself (so the perturbation reaches the future
// through the recurrence and the layers above, exactly as dE/dh_t means).

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import type { Dataset } from '../../../core/data/dataset';
import { subset } from '../../../core/data/dataset';
import { predict } from '../../../core/model/evaluate';
import type { Parameters, TensorSpec } from '../../../core/model/parameters';
import { convertParameters } from '../../../core/model/parameters';
import { unrollSequence } from '../../../core/model/unroll';
import { architecture, randomDataset, randomParameters } from '../../helpers/networkFixtures';
import { referenceLogits } from '../../helpers/referenceModel';

type Matrix = number[][];

interface Perturbation {
  layer: number;
  t: number;
  unit: number;
  amount: number;
}

interface ReferenceRun {
  hidden: number[][][];
  gates: number[][][];
  /** The top layer's output o^D_t at every step. */
  topOutputs: number[][];
  logits: number[];
}

function matrix(params: Parameters, name: string): Matrix {
  const spec = params.layout.tensors.find((t) => t.name === name) as TensorSpec;
  return Array.from({ length: spec.rows }, (_, i) =>
    Array.from({ length: spec.cols }, (_, j) => params.values[spec.offset + i * spec.cols + j]),
  );
}
const vector = (params: Parameters, name: string): number[] => matrix(params, name).map((row) => row[0]);
const matVec = (M: Matrix, x: number[]): number[] => M.map((row) => row.reduce((s, m, j) => s + m * x[j], 0));
const add = (...vs: number[][]): number[] => vs[0].map((_, i) => vs.reduce((s, v) => s + v[i], 0));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** MATH.md's forward pass as written, with an optional nudge added to one h^l_t once computed. */
function referenceRun(
  arch: Architecture,
  params: Parameters,
  steps: number[][],
  nudge: Perturbation | null = null,
): ReferenceRun {
  const f = arch.activation === 'tanh' ? Math.tanh : (a: number) => Math.max(0, a);
  const hidden: number[][][] = [];
  const gates: number[][][] = [];
  let inputs = steps;
  for (let l = 0; l < arch.numLayers; l++) {
    const name = (key: string): string => `layers.${l}.${key}`;
    let h = new Array<number>(arch.hiddenSize).fill(0);
    const layerHidden: number[][] = [];
    const layerGates: number[][] = [];
    const outputs: number[][] = [];
    inputs.forEach((x, t) => {
      const candidate = add(
        matVec(matrix(params, name('U')), x),
        matVec(matrix(params, name('W')), h),
        vector(params, name('b')),
      ).map(f);
      if (arch.cell === 'highway') {
        const g = add(
          matVec(matrix(params, name('Ug')), x),
          matVec(matrix(params, name('Wg')), h),
          vector(params, name('bg')),
        ).map(sigmoid);
        layerGates.push(g);
        h = candidate.map((c, i) => g[i] * c + (1 - g[i]) * h[i]);
      } else {
        h = candidate;
      }
      if (nudge !== null && nudge.layer === l && nudge.t === t) {
        h = h.map((v, i) => (i === nudge.unit ? v + nudge.amount : v));
      }
      layerHidden.push(h);
      outputs.push(arch.residual && l > 0 ? add(h, x) : h);
    });
    hidden.push(layerHidden);
    gates.push(layerGates);
    inputs = outputs;
  }
  const topOutputs = inputs;
  const logits = add(
    matVec(matrix(params, 'head.V'), topOutputs[topOutputs.length - 1]),
    vector(params, 'head.B'),
  );
  return { hidden, gates, topOutputs, logits };
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function crossEntropy(logits: number[], label: number): number {
  return -Math.log(softmax(logits)[label]);
}

function stepsOf(data: Dataset, i: number): number[][] {
  const n = data.numFeatures;
  const seq = data.sequences[i];
  return Array.from({ length: seq.length / n }, (_, t) => Array.from(seq.subarray(t * n, (t + 1) * n)));
}

/** ||dE/dh^l_t|| by central differences of E in the nudge. */
function numericalGradNorm(
  arch: Architecture,
  params: Parameters,
  steps: number[][],
  label: number,
  layer: number,
  t: number,
  eps = 1e-6,
): number {
  let sq = 0;
  for (let unit = 0; unit < arch.hiddenSize; unit++) {
    const plus = referenceRun(arch, params, steps, { layer, t, unit, amount: eps });
    const minus = referenceRun(arch, params, steps, { layer, t, unit, amount: -eps });
    const d = (crossEntropy(plus.logits, label) - crossEntropy(minus.logits, label)) / (2 * eps);
    sq += d * d;
  }
  return Math.sqrt(sq);
}

const configs = [
  architecture(),
  architecture({ cell: 'highway', numLayers: 2 }),
  architecture({ numLayers: 3, residual: true, activation: 'relu' }),
  architecture({ cell: 'highway', numLayers: 2, residual: true }),
];

function describeArch(arch: Architecture): string {
  return `${arch.cell}, ${arch.activation}, D=${arch.numLayers}${arch.residual ? ', residual' : ''}`;
}

describe('a network unrolled over one sequence', () => {
  for (const arch of configs) {
    const params = randomParameters(arch);
    const data = randomDataset([3, 8, 5], arch.inputSize, arch.numClasses);
    const index = 1;
    const steps = stepsOf(data, index);
    const label = data.labels[index];
    const unrolled = unrollSequence(params, data, index);
    const reference = referenceRun(arch, params, steps);

    it(`has the reference's inputs, h_t and g_t at every step (${describeArch(arch)})`, () => {
      expect(unrolled.steps).toBe(8);
      expect(unrolled.inputs).toEqual(steps);
      expect(unrolled.layers).toHaveLength(arch.numLayers);
      unrolled.layers.forEach((layer, l) => {
        expect(layer.hidden).toHaveLength(8);
        layer.hidden.forEach((h, t) =>
          h.forEach((v, i) => expect(v).toBeCloseTo(reference.hidden[l][t][i], 12)),
        );
        if (arch.cell === 'highway') {
          expect(layer.gates).toHaveLength(8);
          layer.gates?.forEach((g, t) =>
            g.forEach((v, i) => expect(v).toBeCloseTo(reference.gates[l][t][i], 12)),
          );
        } else {
          expect(layer.gates).toBeNull();
        }
      });
    });

    it(`has ||dE/dh_t|| of every layer at every step, by finite differences (${describeArch(arch)})`, () => {
      unrolled.layers.forEach((layer, l) => {
        expect(layer.gradNorms).toHaveLength(8);
        layer.gradNorms.forEach((norm, t) => {
          const numeric = numericalGradNorm(arch, params, steps, label, l, t);
          expect(Math.abs(norm - numeric), `layer ${l}, t = ${t}`).toBeLessThan(1e-7 * Math.max(1, numeric));
        });
      });
      // Not constant in t, so a reversed time axis could not pass.
      const top = unrolled.layers[arch.numLayers - 1].gradNorms;
      expect(new Set(top.map((v) => v.toFixed(8))).size).toBeGreaterThan(1);
    });

    it(`answers the reference's and predict's probabilities, and its loss (${describeArch(arch)})`, () => {
      const expected = softmax(referenceLogits(arch, params, steps));
      unrolled.probabilities.forEach((p, k) => expect(p).toBeCloseTo(expected[k], 12));
      expect(unrolled.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const [prediction] = predict(params, subset(data, [index]));
      expect(unrolled.probabilities).toEqual(prediction.probabilities);
      expect(unrolled.predicted).toBe(prediction.predicted);
      expect(unrolled.loss).toBeCloseTo(crossEntropy(reference.logits, label), 12);
    });

    it(`answers after every step what the network answers on the sequence cut there (${describeArch(arch)})`, () => {
      expect(unrolled.stepProbabilities).toHaveLength(8);
      unrolled.stepProbabilities.forEach((probs, t) => {
        const cut = softmax(referenceLogits(arch, params, steps.slice(0, t + 1)));
        probs.forEach((p, k) => expect(p, `t = ${t}`).toBeCloseTo(cut[k], 12));
        expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      });
      expect(unrolled.stepProbabilities[7]).toEqual(unrolled.probabilities);
    });
  }

  it('at the last step of the top layer, dE/dh_T is V^T (p - onehot(y))', () => {
    const arch = architecture({ hiddenSize: 5 });
    const params = randomParameters(arch, 3);
    const data = randomDataset([6], arch.inputSize, arch.numClasses);
    const unrolled = unrollSequence(params, data, 0);
    const V = matrix(params, 'head.V');
    const dz = unrolled.probabilities.map((p, k) => p - (k === data.labels[0] ? 1 : 0));
    const dh = V[0].map((_, j) => dz.reduce((s, d, k) => s + d * V[k][j], 0));
    expect(unrolled.layers[0].gradNorms[5]).toBeCloseTo(Math.hypot(...dh), 12);
  });

  it('works in float64 whatever the precision of the parameters given', () => {
    const arch = architecture({ cell: 'highway' });
    const p64 = randomParameters(arch);
    const p32 = convertParameters(p64, 'float32');
    const data = randomDataset([4], arch.inputSize, arch.numClasses);
    const from32 = unrollSequence(p32, data, 0);
    const exact = unrollSequence(convertParameters(p32, 'float64'), data, 0);
    expect(from32).toEqual(exact);
    expect(p32.values).toBeInstanceOf(Float32Array);
  });

  it('unrolls a sequence of a single step', () => {
    const arch = architecture({ numLayers: 2 });
    const params = randomParameters(arch);
    const data = randomDataset([1, 4], arch.inputSize, arch.numClasses);
    const unrolled = unrollSequence(params, data, 0);
    expect(unrolled.steps).toBe(1);
    expect(unrolled.layers.map((layer) => layer.gradNorms.length)).toEqual([1, 1]);
    expect(unrolled.stepProbabilities).toEqual([unrolled.probabilities]);
  });
});
