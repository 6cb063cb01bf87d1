// The network of network.ts on the WebAssembly SIMD kernels (wasm/kernels.ts), float32 only.
// Everything a training step touches lives in one WebAssembly memory, allocated up front:
// the parameters, their gradient, the optimizer's state, the weights transposed for the forward
// products, and the activations and scratch of a batch. `params.values` and `grads` are
// Float32Array views into that memory, so a step copies nothing but the batch's inputs in.
//
// The activations are sized for a capacity of T steps x B rows; a larger batch grows the memory,
// which detaches every view: ensureCapacity() then re-creates them (params.values and grads
// included), so callers read `net.params.values` and `net.grads` afresh after each call.
//
// With `lanes` > 1 (and a host that starts threads: core/wasm/wasmThreads.ts) the memory is
// shared and the rows of a batch are dealt to lanes (row r to lane r mod lanes): each lane has
// its own activations, scratch and weight gradient, runs its rows' forward and backward passes
// on its own thread, and the gradients are summed. The weights, packed once per pass, are shared.
//
// The head (a K x L product per sequence) and the loss stay in TypeScript (head.ts), on views.

import type { Architecture } from './architecture';
import { layerInputSize } from './architecture';
import type { Batch } from './batch';
import { crossEntropySum, headBackward, headForward } from './head';
import type { BatchLoss, TemporalProfileAccumulator } from './network';
import { argmax, ensureProfileLength, l2Penalty } from './network';
import type { LayerTensors, ParameterLayout, Parameters, TensorSpec } from './parameters';
import { headTensors, layerTensors, parameterLayout, tensorView } from './parameters';
import type { FloatArray } from '../numeric';
import type { ClipConfig, OptimizerConfig } from '../train/config';
import type { KernelExports, WasmMemory } from '../wasm/wasmKernels';
import { WASM_PAGE_BYTES, instantiateKernels, pagesFor } from '../wasm/wasmKernels';
import type { LaneFunction } from '../wasm/wasmThreads';
import {
  LANE_COMMAND_FLOATS,
  LANE_CONTROL_BYTES,
  LaneDispatcher,
  laneThreadsAvailable,
} from '../wasm/wasmThreads';

const FLOAT = 4;
/** Every buffer starts 16-byte aligned and has 16 spare bytes after it (partial-vector reads). */
const ALIGN = 16;
/** The first page is left alone (address 0 means "none" to the kernels). */
const BASE = WASM_PAGE_BYTES;
/** The products' chunk of the inner dimension and block of rows (KC, MC in wasm/kernels.ts). */
const PACK_KC = 256;
const PACK_MC = 16;

/** Floats of packing scratch for B matrices up to n columns (packScratchFloats in the kernels). */
export function packScratchFloats(n: number): number {
  return PACK_KC * PACK_MC + PACK_KC * Math.ceil(n / 16) * 16;
}

/** Floats of a K x N matrix in panels of 16 columns (packPanels). */
function panelFloats(K: number, N: number): number {
  return Math.ceil(N / 16) * 16 * K;
}

interface LayerBuffers {
  N: number;
  tensors: LayerTensors;
  /** [U; Ug]^T and [W; Wg]^T in panels, and [b, bg]: refreshed before every forward pass. */
  UTp: number;
  WTp: number;
  bias: number;
  /** W and Wg in panels for the backward products (training only). */
  Wp: number;
  Wgp: number;
}

/** Activations of one layer in one lane: z (h~ and g), h, o; h = z for elman, o = h without residual. */
interface LaneLayer {
  z: number;
  h: number;
  o: number;
}

/** The rows of a batch one thread computes, and everything it writes. */
interface Lane {
  /** Its weight gradient (lane 0: the network's own) and scratch. */
  grads: number;
  gradT: number;
  gbias: number;
  packA: number;
  packB: number;
  // Per batch (ensureCapacity): [T][rows][.] activations and scratch.
  input: number;
  active: number;
  layers: LaneLayer[];
  dOut: [number, number];
  delta: number;
  carry: [number, number];
  norms: number;
  // The current batch: rows, their lengths (non-increasing), steps and rows live at each step.
  rows: number;
  T: number;
  lengths: Int32Array;
  activeRows: Int32Array;
  /** Whether its top dE/do buffer is all zero (cleared after use when D <= 2). */
  topClean: boolean;
}

type Call = [LaneFunction, (number | boolean)[]];

export interface WasmNetworkOptions {
  /** Allocate gradients and backward buffers (false: forward passes only, for evaluation). */
  training: boolean;
  /** The optimizer whose state lives in the memory too (training only). */
  optimizer?: OptimizerConfig | null;
  /** Initial capacity: steps and rows of the largest batch expected. */
  capacity?: { T: number; B: number };
  /**
   * Backward: dE/dh_t and delta_t below this magnitude are flushed to zero (default 1e-30; 0 keeps
   * subnormal floats, for measuring what flushing saves).
   */
  flushBelow?: number;
  /** Threads to split each batch across (default 1; more only where laneThreadsAvailable()). */
  lanes?: number;
}

/** The default flush threshold of the backward recurrence. */
export const FLUSH_BELOW = 1e-30;

export interface GradientClipOutcome {
  normBefore: number;
  normAfter: number;
  clipped: boolean;
}

function padded(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN + ALIGN;
}

export class WasmNetwork {
  readonly arch: Architecture;
  readonly layout: ParameterLayout;
  readonly training: boolean;
  readonly optimizer: OptimizerConfig | null;
  /** The weights, a view into the memory (re-created when the memory grows). */
  readonly params: Parameters;
  /** The gradient of the last lossAndGradient, a view like params.values (empty when not training). */
  grads: Float32Array;
  /** Logits and probabilities of the last forward pass, [B][K] in the batch's (sorted) row order. */
  logits: Float32Array = new Float32Array(0);
  probs: Float32Array = new Float32Array(0);
  readonly precision = 'float32' as const;
  /** See WasmNetworkOptions.flushBelow. */
  flushBelow: number;

  private memory: WasmMemory;
  private readonly k: KernelExports;
  private f32: Float32Array;
  private i32: Int32Array;
  private readonly size: number;
  /** Parameter count rounded up to a multiple of 4 (the optimizers run four lanes at a time). */
  private readonly size4: number;
  private readonly pParams: number;
  private readonly pGrads: number;
  private readonly pState: number[];
  private readonly layers: LayerBuffers[];
  private readonly G: number;
  private readonly lanes: Lane[];
  private readonly dispatcher: LaneDispatcher | null = null;
  private readonly fixedEnd: number;
  private capacityT = 0;
  private capacityB = 0;
  private lastOutputs = new Float32Array(0);
  private dLastOutputs = new Float32Array(0);
  private dLogits = new Float32Array(0);
  private steps = 0;
  private readonly headV: TensorSpec;
  private readonly headB: TensorSpec;
  /** Views of the head's weights and gradients (re-created with the others). */
  private vView: FloatArray = new Float32Array(0);
  private bView: FloatArray = new Float32Array(0);
  private dVView: FloatArray = new Float32Array(0);
  private dBView: FloatArray = new Float32Array(0);

  constructor(arch: Architecture, options: WasmNetworkOptions) {
    this.arch = arch;
    this.layout = parameterLayout(arch);
    this.training = options.training;
    this.optimizer = options.training ? (options.optimizer ?? null) : null;
    this.flushBelow = options.flushBelow ?? FLUSH_BELOW;
    const L = arch.hiddenSize;
    this.G = arch.cell === 'highway' ? 2 * L : L;
    this.size = this.layout.size;
    this.size4 = Math.ceil(this.size / 4) * 4;
    const head = headTensors(this.layout);
    this.headV = head.V;
    this.headB = head.B;
    const laneCount = Math.max(1, Math.floor(options.lanes ?? 1));
    const lanes = laneCount > 1 && this.training && laneThreadsAvailable() ? laneCount : 1;

    let at = BASE;
    const take = (floats: number): number => {
      const p = at;
      at += padded(floats * FLOAT);
      return p;
    };
    this.pParams = take(this.size4);
    this.pGrads = this.training ? take(this.size4) : 0;
    const stateCount = stateBuffers(this.optimizer);
    this.pState = Array.from({ length: stateCount }, () => take(this.size4));
    this.layers = [];
    let widest = 0;
    for (let l = 0; l < arch.numLayers; l++) {
      const N = layerInputSize(arch, l);
      widest = Math.max(widest, N);
      const highway = arch.cell === 'highway';
      this.layers.push({
        N,
        tensors: layerTensors(this.layout, l),
        UTp: take(panelFloats(N, this.G)),
        WTp: take(panelFloats(L, this.G)),
        bias: take(this.G),
        Wp: this.training ? take(panelFloats(L, L)) : 0,
        Wgp: this.training && highway ? take(panelFloats(L, L)) : 0,
      });
    }
    const scratch = packScratchFloats(Math.max(widest, this.G));
    this.lanes = Array.from({ length: lanes }, (_, i) => ({
      grads: i === 0 ? this.pGrads : take(this.size4),
      // dU^T of a narrow input (N < 16) before it is added transposed into dU.
      gradT: this.training ? take(Math.min(widest, 16) * this.G) : 0,
      gbias: this.training ? take(this.G) : 0,
      packA: take(PACK_KC * PACK_MC),
      packB: take(scratch - PACK_KC * PACK_MC),
      input: 0,
      active: 0,
      layers: [],
      dOut: [0, 0],
      delta: 0,
      carry: [0, 0],
      norms: 0,
      rows: 0,
      T: 0,
      lengths: new Int32Array(0),
      activeRows: new Int32Array(0),
      topClean: false,
    }));
    const pCtrl = lanes > 1 ? take(((lanes - 1) * LANE_CONTROL_BYTES) / FLOAT) : 0;
    const pCmd = lanes > 1 ? take(((lanes - 1) * LANE_COMMAND_FLOATS * 8) / FLOAT) : 0;
    this.fixedEnd = at;

    const capacity = options.capacity ?? { T: 1, B: 1 };
    const { memory, kernels, module } = instantiateKernels(
      this.fixedEnd + this.batchBytes(capacity.T, capacity.B),
      lanes > 1,
    );
    this.memory = memory;
    this.k = kernels;
    this.k.setScratch(this.lanes[0].packA, this.lanes[0].packB);
    if (lanes > 1) this.dispatcher = new LaneDispatcher(memory, module, pCtrl, pCmd, lanes - 1);
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
    this.params = { layout: this.layout, values: this.f32.subarray(0, 0) };
    this.grads = new Float32Array(0);
    this.refreshViews();
    this.ensureCapacity(capacity.T, capacity.B);
  }

  /** Threads each batch is split across. */
  get laneCount(): number {
    return this.lanes.length;
  }

  /** Ends the lanes' threads (the network must not be used after). */
  dispose(): void {
    this.dispatcher?.terminate();
  }

  /** Bytes of WebAssembly memory this network holds. */
  memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** Optimizer steps taken. */
  get stepCount(): number {
    return this.steps;
  }

  private refreshViews(): void {
    this.f32 = new Float32Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
    const p = this.pParams / FLOAT;
    this.params.values = this.f32.subarray(p, p + this.size);
    this.vView = tensorView(this.params.values, this.headV);
    this.bView = tensorView(this.params.values, this.headB);
    if (this.training) {
      const g = this.pGrads / FLOAT;
      this.grads = this.f32.subarray(g, g + this.size);
      this.dVView = tensorView(this.grads, this.headV);
      this.dBView = tensorView(this.grads, this.headB);
    }
  }

  /** Rows of a lane for a batch of B rows. */
  private laneRows(B: number): number {
    return Math.ceil(B / this.lanes.length);
  }

  /** Bytes of the per-batch buffers of every lane for T steps of B rows. */
  private batchBytes(T: number, B: number): number {
    const { hiddenSize: L, inputSize: N, numLayers: D } = this.arch;
    const rows = this.laneRows(B);
    const seq = T * rows;
    let bytes = padded(seq * N * FLOAT) + padded(T * FLOAT);
    for (let l = 0; l < D; l++) {
      bytes += padded(seq * this.G * FLOAT);
      if (this.arch.cell === 'highway') bytes += padded(seq * L * FLOAT);
      if (this.arch.residual && l > 0) bytes += padded(seq * L * FLOAT);
    }
    if (this.training) {
      bytes += 2 * padded(seq * L * FLOAT) + padded(seq * this.G * FLOAT);
      bytes += 2 * padded(rows * L * FLOAT) + padded(seq * D * FLOAT);
    }
    return bytes * this.lanes.length;
  }

  /** Makes room for a batch of T steps and B rows (growing the memory and the views if needed). */
  ensureCapacity(T: number, B: number): void {
    if (T <= this.capacityT && B <= this.capacityB) return;
    const capT = Math.max(T, this.capacityT);
    const capB = Math.max(B, this.capacityB);
    const needed = this.fixedEnd + this.batchBytes(capT, capB);
    const have = this.memory.buffer.byteLength;
    if (needed > have) {
      this.memory.grow(pagesFor(needed) - have / WASM_PAGE_BYTES);
      this.refreshViews();
    }
    const { hiddenSize: L, inputSize: N } = this.arch;
    const rows = this.laneRows(capB);
    const seq = capT * rows;
    let at = this.fixedEnd;
    const take = (floats: number): number => {
      const p = at;
      at += padded(floats * FLOAT);
      return p;
    };
    for (const lane of this.lanes) {
      lane.input = take(seq * N);
      lane.active = take(capT);
      lane.layers = this.layers.map((_, l) => {
        const z = take(seq * this.G);
        const h = this.arch.cell === 'highway' ? take(seq * L) : z;
        return { z, h, o: this.arch.residual && l > 0 ? take(seq * L) : h };
      });
      if (this.training) {
        lane.dOut = [take(seq * L), take(seq * L)];
        lane.delta = take(seq * this.G);
        lane.carry = [take(rows * L), take(rows * L)];
        lane.norms = take(seq * this.layers.length);
      }
      lane.lengths = new Int32Array(rows);
      lane.activeRows = new Int32Array(capT);
      lane.topClean = false;
    }
    const K = this.arch.numClasses;
    this.lastOutputs = new Float32Array(capB * L);
    this.dLastOutputs = new Float32Array(capB * L);
    this.logits = new Float32Array(capB * K);
    this.probs = new Float32Array(capB * K);
    this.dLogits = new Float32Array(capB * K);
    this.capacityT = capT;
    this.capacityB = capB;
  }

  /** Copies weights in (when they are not this network's own). */
  loadParameters(values: ArrayLike<number>): void {
    if (values !== this.params.values) this.params.values.set(values);
  }

  private tensorPtr(base: number, offset: number): number {
    return base + offset * FLOAT;
  }

  /** [U; Ug]^T and [W; Wg]^T in panels, and [b, bg], for the forward products. */
  private prepareWeights(): void {
    const L = this.arch.hiddenSize;
    for (const layer of this.layers) {
      const { tensors, N } = layer;
      const P = this.pParams;
      const at = (spec: TensorSpec | undefined): number => (spec ? this.tensorPtr(P, spec.offset) : 0);
      this.k.packTransposed(layer.UTp, at(tensors.U), at(tensors.Ug), L, this.G, N);
      this.k.packTransposed(layer.WTp, at(tensors.W), at(tensors.Wg), L, this.G, L);
      this.f32.copyWithin(layer.bias / FLOAT, tensors.b.offset + P / FLOAT, tensors.b.offset + P / FLOAT + L);
      if (tensors.bg) {
        const bg = tensors.bg.offset + P / FLOAT;
        this.f32.copyWithin(layer.bias / FLOAT + L, bg, bg + L);
      }
    }
  }

  /** W (and Wg) in panels for the backward products. */
  private packRecurrentWeights(): void {
    const L = this.arch.hiddenSize;
    for (const layer of this.layers) {
      const { tensors } = layer;
      this.k.packPanels(layer.Wp, this.tensorPtr(this.pParams, tensors.W.offset), L, L, L);
      if (tensors.Wg) this.k.packPanels(layer.Wgp, this.tensorPtr(this.pParams, tensors.Wg.offset), L, L, L);
    }
  }

  /** Deals the batch's rows to the lanes (row r to lane r mod lanes) and copies their inputs in. */
  private dealRows(batch: Batch): void {
    const n = this.lanes.length;
    const B = batch.size;
    const N = this.arch.inputSize;
    const f32 = this.f32;
    this.lanes.forEach((lane, l) => {
      const rows = l < B ? Math.floor((B - 1 - l) / n) + 1 : 0;
      lane.rows = rows;
      for (let rl = 0; rl < rows; rl++) lane.lengths[rl] = batch.lengths[rl * n + l];
      lane.T = rows > 0 ? lane.lengths[0] : 0;
      for (let t = 0; t < lane.T; t++) {
        let count = 0;
        while (count < rows && lane.lengths[count] > t) count++;
        lane.activeRows[t] = count;
      }
      this.i32.set(lane.activeRows.subarray(0, lane.T), lane.active / FLOAT);
      if (n === 1) {
        const inputs = batch.maxLength * B * N;
        f32.set(
          batch.inputs.length === inputs ? batch.inputs : batch.inputs.subarray(0, inputs),
          lane.input / FLOAT,
        );
        return;
      }
      const dst = lane.input / FLOAT;
      for (let t = 0; t < lane.T; t++) {
        for (let rl = 0; rl < rows; rl++) {
          const from = (t * B + rl * n + l) * N;
          const to = dst + (t * rows + rl) * N;
          for (let j = 0; j < N; j++) f32[to + j] = batch.inputs[from + j];
        }
      }
    });
  }

  /** Runs every lane's calls: the extra lanes on their threads, lane 0 here; returns when all are done. */
  private runLanes(calls: (lane: Lane) => Call[]): void {
    const busy: number[] = [];
    for (let i = 1; i < this.lanes.length; i++) {
      const lane = this.lanes[i];
      if (lane.rows === 0 || !this.dispatcher) continue;
      this.dispatcher.call(i - 1, 'setScratch', [lane.packA, lane.packB]);
      for (const [fn, args] of calls(lane)) this.dispatcher.call(i - 1, fn, args);
      this.dispatcher.start(i - 1);
      busy.push(i - 1);
    }
    const first = this.lanes[0];
    if (first.rows > 0) {
      for (const [fn, args] of calls(first)) {
        if (fn === 'layerForward') (this.k.layerForward as (...a: (number | boolean)[]) => void)(...args);
        else if (fn === 'layerBackward')
          (this.k.layerBackward as (...a: (number | boolean)[]) => number)(...args);
      }
    }
    for (const w of busy) this.dispatcher?.wait(w);
  }

  private forwardCalls(lane: Lane): Call[] {
    const L = this.arch.hiddenSize;
    const highway = this.arch.cell === 'highway' ? 1 : 0;
    const relu = this.arch.activation === 'relu' ? 1 : 0;
    return this.layers.map((layer, l) => {
      const x = l === 0 ? lane.input : lane.layers[l - 1].o;
      const { z, h, o } = lane.layers[l];
      const residual = this.arch.residual && l > 0 ? 1 : 0;
      const args = [x, layer.N, z, h, o, layer.UTp, layer.WTp, layer.bias, lane.active, lane.T, lane.rows, L];
      return ['layerForward', [...args, highway, relu, residual]];
    });
  }

  private backwardCalls(lane: Lane): Call[] {
    const L = this.arch.hiddenSize;
    const D = this.arch.numLayers;
    const highway = this.arch.cell === 'highway' ? 1 : 0;
    const relu = this.arch.activation === 'relu' ? 1 : 0;
    const ptr = (base: number, spec: TensorSpec | undefined): number =>
      spec ? this.tensorPtr(base, spec.offset) : 0;
    const calls: Call[] = [];
    let [dOut, dBelow] = lane.dOut;
    for (let l = D - 1; l >= 0; l--) {
      const layer = this.layers[l];
      const { tensors } = layer;
      const acts = lane.layers[l];
      const x = l === 0 ? lane.input : lane.layers[l - 1].o;
      const residual = this.arch.residual && l > 0 ? 1 : 0;
      const G = lane.grads;
      calls.push([
        'layerBackward',
        [
          ...[
            x,
            layer.N,
            acts.z,
            acts.h,
            dOut,
            l === 0 ? 0 : dBelow,
            lane.delta,
            lane.carry[0],
            lane.carry[1],
          ],
          ...[ptr(this.pParams, tensors.U), layer.Wp, ptr(this.pParams, tensors.Ug), layer.Wgp],
          ...[
            ptr(G, tensors.U),
            ptr(G, tensors.W),
            ptr(G, tensors.b),
            ptr(G, tensors.Ug),
            ptr(G, tensors.Wg),
          ],
          ...[
            ptr(G, tensors.bg),
            lane.gradT,
            lane.gbias,
            this.normsOf(lane, l),
            lane.active,
            lane.T,
            lane.rows,
            L,
          ],
          ...[highway, relu, residual, this.flushBelow],
        ],
      ]);
      const swap = dOut;
      dOut = dBelow;
      dBelow = swap;
    }
    return calls;
  }

  /** Where layer l's backward pass writes ||dE/dh_t|| of the lane's rows: [t][row]. */
  private normsOf(lane: Lane, l: number): number {
    return lane.norms + l * lane.T * lane.rows * FLOAT;
  }

  /** The lane and the row within it of batch row r. */
  private place(r: number): [Lane, number] {
    const n = this.lanes.length;
    return [this.lanes[r % n], Math.floor(r / n)];
  }

  /**
   * Runs the batch forward with `params` (copied in unless they are this network's own); fills
   * logits and probs (rows in the batch's order).
   */
  forward(params: Parameters, batch: Batch): void {
    if (params.values !== this.params.values) this.loadParameters(params.values);
    this.ensureCapacity(batch.maxLength, batch.size);
    // The optimizer changes the weights in place: transpose them afresh for every pass.
    this.prepareWeights();
    const { hiddenSize: L, numClasses: K, numLayers: D } = this.arch;
    const B = batch.size;
    this.dealRows(batch);
    this.runLanes((lane) => this.forwardCalls(lane));
    // o_{T_r - 1} of every row (gatherLastOutputs, without a view per row).
    const f32 = this.f32;
    const last = this.lastOutputs;
    for (let r = 0; r < B; r++) {
      const [lane, rl] = this.place(r);
      const src = lane.layers[D - 1].o / FLOAT + ((batch.lengths[r] - 1) * lane.rows + rl) * L;
      for (let i = 0; i < L; i++) last[r * L + i] = f32[src + i];
    }
    headForward(last, B, L, this.vView, this.bView, K, this.logits, this.probs);
  }

  /** Forward and the loss only. */
  forwardLoss(params: Parameters, batch: Batch, l2: number): BatchLoss {
    this.forward(params, batch);
    const K = this.arch.numClasses;
    const dataLoss = crossEntropySum(this.logits, batch.targets, batch.size, K) / batch.size;
    let correct = 0;
    for (let r = 0; r < batch.size; r++) if (argmax(this.logits, r * K, K) === batch.targets[r]) correct++;
    return { loss: dataLoss + l2Penalty(this.params, l2, null), dataLoss, correct };
  }

  /**
   * The loss of the batch and its gradient (into `grads`) with this network's own weights; with a
   * profile accumulator, also adds ||dE/dh_t|| of every layer by steps before the end.
   */
  lossAndGradient(batch: Batch, l2: number, profile: TemporalProfileAccumulator | null = null): BatchLoss {
    if (!this.training) throw new Error('this WasmNetwork was made for forward passes only');
    const result = this.forwardLoss(this.params, batch, l2);
    const f32 = this.f32;
    for (const lane of this.lanes) f32.fill(0, lane.grads / FLOAT, lane.grads / FLOAT + this.size4);
    l2Penalty(this.params, l2, this.grads);
    const { hiddenSize: L, numClasses: K, numLayers: D } = this.arch;
    const B = batch.size;
    headBackward(
      this.probs,
      batch.targets,
      B,
      K,
      1 / B,
      this.lastOutputs,
      L,
      this.vView,
      this.dVView,
      this.dBView,
      this.dLogits,
      this.dLastOutputs,
    );
    // dE/do of the top layer is zero but at each row's last step. With D <= 2 its buffer serves
    // no other purpose, so it stays zero between steps and only those rows are cleared after.
    const reuse = D <= 2;
    for (const lane of this.lanes) {
      const top = lane.dOut[0] / FLOAT;
      if (!(reuse && lane.topClean)) f32.fill(0, top, top + lane.T * lane.rows * L);
    }
    const dLast = this.dLastOutputs;
    const lastRow = (r: number): number => {
      const [lane, rl] = this.place(r);
      return lane.dOut[0] / FLOAT + ((batch.lengths[r] - 1) * lane.rows + rl) * L;
    };
    for (let r = 0; r < B; r++) {
      const dst = lastRow(r);
      for (let i = 0; i < L; i++) f32[dst + i] = dLast[r * L + i];
    }
    if (profile) ensureProfileLength(profile, D, batch.maxLength);
    this.packRecurrentWeights();
    this.runLanes((lane) => this.backwardCalls(lane));
    for (let i = 1; i < this.lanes.length; i++)
      this.k.addFloats(this.pGrads, this.lanes[i].grads, 1, this.size4);
    if (profile) {
      for (const lane of this.lanes) {
        for (let l = 0; l < D; l++) {
          const sums = profile.sums[l];
          const counts = profile.counts[l];
          const norms = this.normsOf(lane, l) / FLOAT;
          for (let t = 0; t < lane.T; t++) {
            const rows = lane.activeRows[t];
            for (let rl = 0; rl < rows; rl++) {
              const k = lane.lengths[rl] - 1 - t;
              sums[k] += f32[norms + t * lane.rows + rl];
              counts[k] += 1;
            }
          }
        }
      }
    }
    if (reuse) {
      for (let r = 0; r < B; r++) {
        const dst = lastRow(r);
        f32.fill(0, dst, dst + L);
      }
    }
    for (const lane of this.lanes) lane.topClean = reuse;
    return result;
  }

  /** ||gradient|| of every tensor, in layout order. */
  tensorGradientNorms(): Float64Array {
    const norms = new Float64Array(this.layout.tensors.length);
    this.layout.tensors.forEach((spec, i) => {
      norms[i] = Math.sqrt(this.k.sumSquares(this.tensorPtr(this.pGrads, spec.offset), spec.size));
    });
    return norms;
  }

  private gradientNorm(): number {
    return Math.sqrt(this.k.sumSquares(this.pGrads, this.size));
  }

  /** clipGradients (core/train/clipping.ts) on the gradient in the memory: value, then global norm. */
  clipGradients(clip: ClipConfig): GradientClipOutcome {
    const normBefore = this.gradientNorm();
    let norm = normBefore;
    let clipped = false;
    if (clip.maxValue !== null && this.k.clampFloats(this.pGrads, this.size, clip.maxValue) !== 0) {
      clipped = true;
      norm = this.gradientNorm();
    }
    if (clip.maxNorm !== null && Number.isFinite(norm) && norm > clip.maxNorm) {
      this.k.scaleFloats(this.pGrads, this.size, clip.maxNorm / norm);
      clipped = true;
      norm = this.gradientNorm();
    }
    return { normBefore, normAfter: norm, clipped };
  }

  /** One optimizer step (MATH.md, "Optimizers") from the gradient in the memory. */
  optimizerStep(): void {
    const config = this.optimizer;
    if (!config) throw new Error('this WasmNetwork has no optimizer');
    this.steps += 1;
    const t = this.steps;
    const [w, g, n] = [this.pParams, this.pGrads, this.size4];
    const [s0, s1] = this.pState;
    switch (config.kind) {
      case 'sgd':
        this.k.sgdStep(w, g, n, config.lr);
        break;
      case 'momentum':
        this.k.momentumStep(w, g, s0, n, config.lr, config.momentum);
        break;
      case 'adagrad':
        this.k.adagradStep(w, g, s0, n, config.lr, config.eps);
        break;
      case 'rmsprop':
        this.k.rmspropStep(w, g, s0, n, config.lr, config.rho, config.eps);
        break;
      case 'adam': {
        const c1 = 1 - Math.pow(config.beta1, t);
        const c2 = 1 - Math.pow(config.beta2, t);
        this.k.adamStep(w, g, s0, s1, n, config.lr, config.beta1, config.beta2, config.eps, c1, c2);
        break;
      }
    }
  }
}

function stateBuffers(config: OptimizerConfig | null): number {
  if (!config) return 0;
  switch (config.kind) {
    case 'sgd':
      return 0;
    case 'adam':
      return 2;
    default:
      return 1;
  }
}
