// The WebAssembly SIMD kernels (core/model/wasmNetwork.ts) against the plain TypeScript path
// (network.ts) in float32: the same logits, loss, gradients and temporal profile to float32
// tolerance, for every cell, activation, depth and residual combination, ragged batches included.

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { makeBatch } from '../../../core/model/batch';
import {
  createProfileAccumulator,
  createWorkspace,
  lossAndGradient,
  temporalProfile,
} from '../../../core/model/network';
import { convertParameters } from '../../../core/model/parameters';
import { WasmNetwork } from '../../../core/model/wasmNetwork';
import { decodeBase64, instantiateKernels, wasmKernelsAvailable } from '../../../core/wasm/wasmKernels';
import { architecture, randomDataset, randomParameters } from '../../helpers/networkFixtures';

/** max |a - b| / max(|a|, |b|, floor) over two arrays. */
function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor: number): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i]), floor);
    worst = Math.max(worst, err);
  }
  return worst;
}

function compare(arch: Architecture, lengths: number[], l2 = 0): void {
  // Weights of scale 1/sqrt(L): a recurrence near the edge of stability, as trained nets have
  // (far above it, float32 rounding differences grow chaotically with every step).
  const scale = 1 / Math.sqrt(Math.max(arch.hiddenSize, arch.inputSize));
  const params64 = randomParameters(arch, 3, 'float64', scale);
  const params = convertParameters(params64, 'float32');
  const data = randomDataset(lengths, arch.inputSize, arch.numClasses, 5);
  const indices = lengths.map((_, i) => i);
  const batch = makeBatch(data, indices, 'float32');

  const ws = createWorkspace(arch, 'float32');
  const plainGrads = new Float32Array(params.layout.size);
  const plainProfile = createProfileAccumulator(arch.numLayers);
  const plain = lossAndGradient(params, batch, ws, plainGrads, l2, plainProfile);

  const net = new WasmNetwork(arch, { training: true, capacity: { T: 2, B: 2 } });
  net.loadParameters(params.values);
  const wasmProfile = createProfileAccumulator(arch.numLayers);
  const fast = net.lossAndGradient(batch, l2, wasmProfile);

  expect(fast.loss).toBeCloseTo(plain.loss, 5);
  expect(fast.correct).toBe(plain.correct);
  expect(
    maxRelativeError(net.logits.subarray(0, batch.size * arch.numClasses), ws.logits, 1e-3),
  ).toBeLessThan(1e-4);
  for (const spec of params.layout.tensors) {
    const a = net.grads.subarray(spec.offset, spec.offset + spec.size);
    const b = plainGrads.subarray(spec.offset, spec.offset + spec.size);
    expect(maxRelativeError(a, b, 1e-3), spec.name).toBeLessThan(2e-4);
  }
  const pa = temporalProfile(wasmProfile);
  const pb = temporalProfile(plainProfile);
  pa.forEach((row, l) => expect(maxRelativeError(row, pb[l], 1e-3)).toBeLessThan(2e-4));
}

describe.runIf(wasmKernelsAvailable())('the WebAssembly kernels against the plain TypeScript path', () => {
  const ragged = [5, 2, 7, 3, 7, 1, 4];
  const cases: [string, Architecture][] = [
    ['elman tanh', architecture()],
    ['elman tanh, L = 37 (not a multiple of 4), K = 5', architecture({ hiddenSize: 37, numClasses: 5 })],
    ['elman, L = 64, N = 12', architecture({ hiddenSize: 64, inputSize: 12, numClasses: 9 })],
    ['elman relu, D = 2', architecture({ activation: 'relu', numLayers: 2, hiddenSize: 20 })],
    ['highway tanh', architecture({ cell: 'highway', hiddenSize: 16 })],
    [
      'highway, D = 3, residual',
      architecture({ cell: 'highway', numLayers: 3, residual: true, hiddenSize: 9 }),
    ],
    ['elman, D = 3, residual, relu', architecture({ numLayers: 3, residual: true, activation: 'relu' })],
    ['one feature, two classes', architecture({ inputSize: 1, numClasses: 2, hiddenSize: 33 })],
  ];
  for (const [name, arch] of cases) {
    it(`${name}: loss, logits, gradients and the temporal profile`, () => {
      compare(arch, ragged);
      compare(arch, [6, 6, 6]);
    });
  }

  it('the L2 term', () => {
    compare(architecture({ cell: 'highway', numLayers: 2, hiddenSize: 12 }), ragged, 0.05);
  });

  it('large shapes (the register blocks and the chunks of the inner dimension)', () => {
    compare(
      architecture({ hiddenSize: 48, inputSize: 18, numClasses: 4, numLayers: 2 }),
      [30, 29, 30, 12, 1],
    );
  });

  it('grows its memory for a larger batch and keeps the weights', () => {
    const arch = architecture({ hiddenSize: 8 });
    const net = new WasmNetwork(arch, { training: true, capacity: { T: 2, B: 2 } });
    const params = convertParameters(randomParameters(arch), 'float32');
    net.loadParameters(params.values);
    const before = net.memoryBytes();
    const data = randomDataset(
      Array.from({ length: 200 }, () => 60),
      arch.inputSize,
      arch.numClasses,
    );
    const batch = makeBatch(
      data,
      data.sequences.map((_, i) => i),
      'float32',
    );
    net.lossAndGradient(batch, 0);
    expect(net.memoryBytes()).toBeGreaterThan(before);
    expect(Array.from(net.params.values)).toEqual(Array.from(params.values));
    expect(net.grads.length).toBe(params.layout.size);
  });

  it('flushes a vanishing gradient to zero instead of carrying subnormal floats', () => {
    const arch = architecture({ hiddenSize: 16, inputSize: 2, numClasses: 2 });
    const params = convertParameters(randomParameters(arch, 3, 'float64', 0.05), 'float32');
    const data = randomDataset([400, 400], 2, 2);
    const batch = makeBatch(data, [0, 1], 'float32');
    const net = new WasmNetwork(arch, { training: true });
    net.loadParameters(params.values);
    const profile = createProfileAccumulator(1);
    net.lossAndGradient(batch, 0, profile);
    const norms = temporalProfile(profile)[0];
    expect(norms[0]).toBeGreaterThan(0);
    // Far from the end the carried gradient is exactly zero, never a subnormal.
    expect(norms[399]).toBe(0);
    for (const v of net.grads) expect(v === 0 || Math.abs(v) >= 1e-38).toBe(true);
    // Until then the profile is the plain path's, tiny norms included (no float32 underflow).
    const plainProfile = createProfileAccumulator(1);
    lossAndGradient(
      params,
      batch,
      createWorkspace(arch, 'float32'),
      new Float32Array(params.layout.size),
      0,
      plainProfile,
    );
    const plain = temporalProfile(plainProfile)[0];
    let compared = 0;
    plain.forEach((v, k) => {
      if (v < 1e-25) return;
      compared++;
      expect(Math.abs(norms[k] - v) / v, `k = ${k}`).toBeLessThan(1e-3);
    });
    expect(compared).toBeGreaterThan(20);
    expect(Math.min(...plain.filter((v) => v >= 1e-25))).toBeLessThan(1e-20);
  });

  it('tanh agrees with Math.tanh to float32 precision', () => {
    const { memory, kernels } = instantiateKernels(1 << 20);
    const xs = Float32Array.from({ length: 4003 }, (_, i) => (i - 2001) / 200);
    const view = new Float32Array(memory.buffer, 65536, xs.length);
    view.set(xs);
    kernels.tanhInPlace(65536, xs.length);
    for (let i = 0; i < xs.length; i++) {
      const exact = Math.tanh(xs[i]);
      expect(Math.abs(view[i] - exact) / Math.max(Math.abs(exact), 1e-3)).toBeLessThan(4e-7);
    }
  });

  it('decodes base64', () => {
    const text = 'AGFzbQEAAAA=';
    expect(Array.from(decodeBase64(text))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
  });
});
