// Node's threads for the lanes of core/wasm/wasmThreads.ts: a worker_threads Worker runs the
// lane loop over the shared WebAssembly memory. Registered by `lab bench --threads N`; a host that
// has the machine to itself may register it too (setLaneThreadSpawner).

import { Worker } from 'node:worker_threads';
import type { LaneThreadSpawner } from '../../core/wasm/wasmThreads';

export const nodeLaneThreadSpawner: LaneThreadSpawner = (source, data) => {
  const worker = new Worker(`${source}\nrunLane(require('node:worker_threads').workerData);`, {
    eval: true,
    workerData: data,
  });
  // The lanes never keep a process alive on their own.
  worker.unref();
  return {
    terminate: () => {
      void worker.terminate();
    },
  };
};
