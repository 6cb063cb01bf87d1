// A deliberately naive reference of MATH.md's forward pass: one sequence at a time, plain
// number arrays, formulas written as they read. The fast batched code is checked against it.

import type { Architecture } from '../../core/model/architecture';
import type { Parameters, TensorSpec } from '../../core/model/parameters';

type Matrix = number[][];

function matrix(params: Parameters, name: string): Matrix {
  const spec = params.layout.tensors.find((t) => t.name === name) as TensorSpec;
  return Array.from({ length: spec.rows }, (_, i) =>
    Array.from({ length: spec.cols }, (_, j) => params.values[spec.offset + i * spec.cols + j]),
  );
}

function vector(params: Parameters, name: string): number[] {
  return matrix(params, name).map((row) => row[0]);
}

const matVec = (M: Matrix, x: number[]): number[] => M.map((row) => row.reduce((s, m, j) => s + m * x[j], 0));
const add = (...vs: number[][]): number[] => vs[0].map((_, i) => vs.reduce((s, v) => s + v[i], 0));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The logits z = V o^D_T + B of one sequence given as steps[t][j]. */
export function referenceLogits(arch: Architecture, params: Parameters, steps: number[][]): number[] {
  const f = arch.activation === 'tanh' ? Math.tanh : (a: number) => Math.max(0, a);
  let inputs = steps;
  for (let l = 0; l < arch.numLayers; l++) {
    const U = matrix(params, `layers.${l}.U`);
    const W = matrix(params, `layers.${l}.W`);
    const b = vector(params, `layers.${l}.b`);
    let h = new Array<number>(arch.hiddenSize).fill(0);
    const outputs: number[][] = [];
    for (const x of inputs) {
      const candidate = add(matVec(U, x), matVec(W, h), b).map(f);
      if (arch.cell === 'highway') {
        const g = add(
          matVec(matrix(params, `layers.${l}.Ug`), x),
          matVec(matrix(params, `layers.${l}.Wg`), h),
          vector(params, `layers.${l}.bg`),
        ).map(sigmoid);
        h = candidate.map((c, i) => g[i] * c + (1 - g[i]) * h[i]);
      } else {
        h = candidate;
      }
      outputs.push(arch.residual && l > 0 ? add(h, x) : h);
    }
    inputs = outputs;
  }
  return add(matVec(matrix(params, 'head.V'), inputs[inputs.length - 1]), vector(params, 'head.B'));
}
