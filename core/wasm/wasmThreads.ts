// Splitting a batch across threads (issue 7: "when a single run has the machine to itself"):
// the rows of a batch are dealt to lanes, every lane runs the forward and backward passes of its
// rows on its own thread over one shared WebAssembly memory, and the weight gradients are summed.
//
// core/ starts no thread itself (it runs in browsers too and imports no Node built-ins): a host
// registers a spawner that runs `laneWorkerSource` in a new thread (in Node, a worker_threads
// Worker; see electron/bench/laneThreads.ts). Without one, every network runs on one thread.
//
// Protocol, per extra lane, in the shared memory: four Int32 control words [seq, done, status, -]
// and a Float64 command buffer [calls, (function, argument count, arguments...)...]. The main
// thread writes the commands, stores seq + 1 into seq and notifies; the lane runs them, stores
// the status and then seq into done, and notifies. A negative seq ends the lane.

import type { WasmMemory } from './wasmKernels';
import { compiledSharedKernels } from './wasmKernels';

export interface LaneThreadData {
  /** The compiled shared-memory kernels (WebAssembly.Module). */
  module: object;
  memory: WasmMemory;
  /** Byte addresses of the control words and the command buffer, and its length in float64s. */
  ctrl: number;
  cmd: number;
  cmdLength: number;
  /** The kernel functions a command may call, by index. */
  names: string[];
}

export interface LaneThread {
  terminate(): void;
}

/** Runs `source` (which defines runLane) in a new thread, calling runLane(data) there. */
export type LaneThreadSpawner = (source: string, data: LaneThreadData) => LaneThread;

/** The lane's loop, as the source of a function runLane(data): plain JavaScript for any worker. */
export const laneWorkerSource = `function runLane(data) {
  var instance = new WebAssembly.Instance(data.module, { env: { memory: data.memory } });
  var fns = data.names.map(function (name) { return instance.exports[name]; });
  var ctrl = new Int32Array(data.memory.buffer, data.ctrl, 4);
  var seen = 0;
  for (;;) {
    Atomics.wait(ctrl, 0, seen);
    var seq = Atomics.load(ctrl, 0);
    if (seq === seen) continue;
    seen = seq;
    if (seq < 0) return;
    var cmd = new Float64Array(data.memory.buffer, data.cmd, data.cmdLength);
    var status = 1;
    try {
      var p = 0;
      var calls = cmd[p++];
      for (var i = 0; i < calls; i++) {
        var f = fns[cmd[p++]];
        var count = cmd[p++];
        var args = new Array(count);
        for (var j = 0; j < count; j++) args[j] = cmd[p++];
        f.apply(null, args);
      }
    } catch (error) {
      status = -1;
    }
    Atomics.store(ctrl, 2, status);
    Atomics.store(ctrl, 1, seq);
    Atomics.notify(ctrl, 1);
  }
}`;

let spawner: LaneThreadSpawner | null = null;

/** Lets networks split batches across threads that `spawn` starts (null: one thread only). */
export function setLaneThreadSpawner(spawn: LaneThreadSpawner | null): void {
  spawner = spawn;
}

/** Whether a network may use more than one lane here. */
export function laneThreadsAvailable(): boolean {
  return spawner !== null && typeof Atomics !== 'undefined' && compiledSharedKernels() !== null;
}

/** The functions lanes call, by index in commands. */
export const laneFunctions = ['setScratch', 'layerForward', 'layerBackward'] as const;
export type LaneFunction = (typeof laneFunctions)[number];

/** Float64s of the command buffer of one lane. */
export const LANE_COMMAND_FLOATS = 512;
/** Bytes of one lane's control words. */
export const LANE_CONTROL_BYTES = 16;

/** The main thread's side of the extra lanes of one network. */
export class LaneDispatcher {
  private readonly threads: LaneThread[] = [];
  private readonly seqs: number[] = [];
  private readonly pending: (number | boolean)[][][] = [];

  /** Starts one thread per extra lane; ctrl and cmd point at lanes x their sizes of memory. */
  constructor(
    private readonly memory: WasmMemory,
    module: object,
    private readonly ctrl: number,
    private readonly cmd: number,
    lanes: number,
  ) {
    if (!spawner) throw new Error('no lane thread spawner is registered');
    for (let w = 0; w < lanes; w++) {
      this.threads.push(
        spawner(laneWorkerSource, {
          module,
          memory,
          ctrl: ctrl + w * LANE_CONTROL_BYTES,
          cmd: cmd + w * LANE_COMMAND_FLOATS * 8,
          cmdLength: LANE_COMMAND_FLOATS,
          names: [...laneFunctions],
        }),
      );
      this.seqs.push(0);
      this.pending.push([]);
    }
  }

  /** Queues a call for lane w (0-based among the extra lanes). */
  call(w: number, fn: LaneFunction, args: (number | boolean)[]): void {
    this.pending[w].push([laneFunctions.indexOf(fn), args.length, ...args]);
  }

  /** Sends lane w its queued calls. */
  start(w: number): void {
    const cmd = new Float64Array(
      this.memory.buffer,
      this.cmd + w * LANE_COMMAND_FLOATS * 8,
      LANE_COMMAND_FLOATS,
    );
    const calls = this.pending[w];
    let p = 0;
    cmd[p++] = calls.length;
    for (const c of calls) {
      if (p + c.length > LANE_COMMAND_FLOATS) throw new Error('lane command buffer overflow');
      for (const v of c) cmd[p++] = Number(v);
    }
    this.pending[w] = [];
    const ctrl = new Int32Array(this.memory.buffer, this.ctrl + w * LANE_CONTROL_BYTES, 4);
    this.seqs[w] += 1;
    Atomics.store(ctrl, 0, this.seqs[w]);
    Atomics.notify(ctrl, 0);
  }

  /** Blocks until lane w has run what it was sent. */
  wait(w: number): void {
    const ctrl = new Int32Array(this.memory.buffer, this.ctrl + w * LANE_CONTROL_BYTES, 4);
    const seq = this.seqs[w];
    let waited = 0;
    for (;;) {
      const done = Atomics.load(ctrl, 1);
      if (done === seq) break;
      if (Atomics.wait(ctrl, 1, done, 1000) === 'timed-out' && ++waited >= 120) {
        throw new Error('a lane thread did not answer within two minutes');
      }
    }
    if (Atomics.load(ctrl, 2) < 0) throw new Error('a lane thread failed');
  }

  /** Ends the threads. */
  terminate(): void {
    this.threads.forEach((thread, w) => {
      const ctrl = new Int32Array(this.memory.buffer, this.ctrl + w * LANE_CONTROL_BYTES, 4);
      Atomics.store(ctrl, 0, -1);
      Atomics.notify(ctrl, 0);
      thread.terminate();
    });
    this.threads.length = 0;
  }
}
