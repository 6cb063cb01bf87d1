// A batch split across two threads (core/wasm/wasmThreads.ts with Node's worker_threads) gives
// the same loss, gradients and temporal profile as one thread, to float32 rounding.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import { makeBatch } from '../../../core/model/batch';
import { createProfileAccumulator, temporalProfile } from '../../../core/model/network';
import { convertParameters } from '../../../core/model/parameters';
import { WasmNetwork } from '../../../core/model/wasmNetwork';
import { compiledSharedKernels } from '../../../core/wasm/wasmKernels';
import { setLaneThreadSpawner } from '../../../core/wasm/wasmThreads';
import { nodeLaneThreadSpawner } from '../../../electron/bench/laneThreads';
import { architecture, randomDataset, randomParameters } from '../../helpers/networkFixtures';

function run(arch: Architecture, lengths: number[], lanes: number) {
  const params = convertParameters(
    randomParameters(arch, 3, 'float64', 1 / Math.sqrt(arch.hiddenSize)),
    'float32',
  );
  const data = randomDataset(lengths, arch.inputSize, arch.numClasses, 5);
  const batch = makeBatch(
    data,
    lengths.map((_, i) => i),
    'float32',
  );
  const net = new WasmNetwork(arch, { training: true, lanes, capacity: { T: 4, B: 4 } });
  try {
    net.loadParameters(params.values);
    const profile = createProfileAccumulator(arch.numLayers);
    const loss = net.lossAndGradient(batch, 0.01, profile);
    // A second step on the same network: the lanes' buffers are reused.
    const again = net.lossAndGradient(batch, 0.01, null);
    return {
      lanes: net.laneCount,
      loss: loss.loss,
      again: again.loss,
      logits: Array.from(net.logits.subarray(0, lengths.length * arch.numClasses)),
      grads: Array.from(net.grads),
      profile: temporalProfile(profile),
    };
  } finally {
    net.dispose();
  }
}

describe.runIf(compiledSharedKernels() !== null)('a batch split across threads', () => {
  beforeAll(() => setLaneThreadSpawner(nodeLaneThreadSpawner));
  afterAll(() => setLaneThreadSpawner(null));

  const cases: [string, Architecture][] = [
    ['elman', architecture({ hiddenSize: 20 })],
    [
      'highway, D = 2, residual',
      architecture({ cell: 'highway', numLayers: 2, residual: true, hiddenSize: 12 }),
    ],
    ['relu, D = 3', architecture({ activation: 'relu', numLayers: 3, hiddenSize: 16 })],
  ];
  for (const [name, arch] of cases) {
    it(`${name}: the same loss, logits, gradients and profile as one thread`, () => {
      const lengths = [5, 2, 7, 3, 7, 1, 4];
      const one = run(arch, lengths, 1);
      const two = run(arch, lengths, 2);
      expect(one.lanes).toBe(1);
      expect(two.lanes).toBe(2);
      expect(two.loss).toBeCloseTo(one.loss, 5);
      expect(two.again).toBeCloseTo(one.again, 5);
      two.logits.forEach((v, i) => expect(v).toBeCloseTo(one.logits[i], 5));
      two.grads.forEach((v, i) => expect(v).toBeCloseTo(one.grads[i], 5));
      two.profile.forEach((row, l) => row.forEach((v, k) => expect(v).toBeCloseTo(one.profile[l][k], 5)));
    });
  }

  it('a batch of one row leaves the second lane idle', () => {
    const arch = architecture({ hiddenSize: 8 });
    const one = run(arch, [6], 1);
    const two = run(arch, [6], 2);
    expect(two.loss).toBeCloseTo(one.loss, 6);
    two.grads.forEach((v, i) => expect(v).toBeCloseTo(one.grads[i], 6));
  });
});
