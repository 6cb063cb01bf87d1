// Loads the WebAssembly SIMD kernels (wasm/kernels.ts, built into kernelsWasm.generated.ts by
// `npm run build:wasm`) synchronously, the same way in Node, a utility process, a worker and a
// browser: the bytes are embedded in base64, so there is no fs and no fetch. The compiled module
// is cached; every network gets its own instance over its own memory.
//
// Which kernels train float32 runs: 'wasm' (these), 'plain' (the TypeScript of recurrentLayer.ts,
// which float64 gradient checks always use) or 'auto' (wasm when the runtime can run it). The
// default is 'auto'; the environment variable RNN_LAB_KERNELS (plain|wasm|auto) overrides it where
// there is a process environment, and setKernelPreference() overrides both.

import { kernelsSharedWasmBase64, kernelsWasmBase64 } from './kernelsWasm.generated';

export type KernelChoice = 'auto' | 'wasm' | 'plain';

/** The functions wasm/kernels.ts exports; every pointer is a byte address in the memory. */
export interface KernelExports {
  gemm(
    c: number,
    ldc: number,
    a: number,
    ars: number,
    aks: number,
    b: number,
    ldb: number,
    M: number,
    N: number,
    K: number,
    accumulate: boolean | number,
  ): void;
  gemmPacked(
    c: number,
    ldc: number,
    a: number,
    ars: number,
    aks: number,
    bp: number,
    M: number,
    N: number,
    K: number,
    accumulate: boolean | number,
  ): void;
  setScratch(packA: number, packB: number): void;
  packScratchFloats(n: number): number;
  packPanels(dst: number, src: number, ldb: number, K: number, N: number): void;
  packTransposed(dst: number, a: number, b: number, rowsA: number, rows: number, K: number): void;
  tanhInPlace(p: number, n: number): void;
  layerForward(
    x: number,
    N: number,
    z: number,
    h: number,
    o: number,
    UT: number,
    WT: number,
    bias: number,
    active: number,
    T: number,
    B: number,
    L: number,
    highway: number,
    relu: number,
    residual: number,
  ): void;
  layerBackward(
    x: number,
    N: number,
    z: number,
    h: number,
    dOut: number,
    dIn: number,
    delta: number,
    carry: number,
    carry2: number,
    U: number,
    W: number,
    Ug: number,
    Wg: number,
    dU: number,
    dW: number,
    db: number,
    dUg: number,
    dWg: number,
    dbg: number,
    gradT: number,
    gbias: number,
    norms: number,
    active: number,
    T: number,
    B: number,
    L: number,
    highway: number,
    relu: number,
    residual: number,
    flushBelow: number,
  ): number;
  addFloats(dst: number, src: number, accumulate: number, n: number): void;
  sumSquares(p: number, n: number): number;
  scaleFloats(p: number, n: number, s: number): void;
  clampFloats(p: number, n: number, c: number): number;
  sgdStep(w: number, g: number, n: number, lr: number): void;
  momentumStep(w: number, g: number, vel: number, n: number, lr: number, mu: number): void;
  adagradStep(w: number, g: number, acc: number, n: number, lr: number, eps: number): void;
  rmspropStep(w: number, g: number, acc: number, n: number, lr: number, rho: number, eps: number): void;
  adamStep(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    c1: number,
    c2: number,
  ): void;
}

/** The part of WebAssembly.Memory used here. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export const WASM_PAGE_BYTES = 65536;
/** wasm32 addresses at most 4 GiB: 65536 pages. */
const MAX_PAGES = 65536;

/** The part of the WebAssembly namespace used here (core/ compiles without the DOM types). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

function webAssemblyApi(): WebAssemblyApi | null {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  return api && typeof api.Module === 'function' ? api : null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 to bytes (no atob or Buffer: both are not everywhere core/ runs). */
export function decodeBase64(text: string): Uint8Array {
  const codes = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) codes[BASE64.charCodeAt(i)] = i;
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | codes[clean.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

let compiled: { module: object; api: WebAssemblyApi } | null = null;
let compileError: string | null = null;
let compiledShared: { module: object; api: WebAssemblyApi } | null | undefined;

function compiledKernels(): { module: object; api: WebAssemblyApi } | null {
  if (compiled || compileError !== null) return compiled;
  const api = webAssemblyApi();
  if (!api) {
    compileError = 'this runtime has no WebAssembly';
    return null;
  }
  try {
    // Synchronous compilation: allowed in Node and in workers (a browser's main thread refuses
    // modules over 4 KB, and then the plain kernels run).
    compiled = { module: new api.Module(decodeBase64(kernelsWasmBase64)), api };
  } catch (error) {
    compileError = `the WebAssembly SIMD kernels do not compile here: ${(error as Error).message}`;
  }
  return compiled;
}

/** The variant over a shared memory (WebAssembly threads), or null where it does not compile. */
export function compiledSharedKernels(): { module: object; api: WebAssemblyApi } | null {
  if (compiledShared !== undefined) return compiledShared;
  const base = compiledKernels();
  compiledShared = null;
  if (!base || typeof SharedArrayBuffer === 'undefined') return null;
  try {
    compiledShared = { module: new base.api.Module(decodeBase64(kernelsSharedWasmBase64)), api: base.api };
  } catch {
    compiledShared = null;
  }
  return compiledShared;
}

/** Whether the SIMD kernels run in this runtime (WebAssembly with 128-bit SIMD). */
export function wasmKernelsAvailable(): boolean {
  return compiledKernels() !== null;
}

/** Why the kernels are not available, or null when they are. */
export function wasmKernelsUnavailableReason(): string | null {
  compiledKernels();
  return compileError;
}

/**
 * A memory of at least `bytes` and an instance of the kernels over it; `shared` makes it a
 * shared memory (for threads), whose compiled module `module` other threads instantiate too.
 */
export function instantiateKernels(
  bytes: number,
  shared = false,
): { memory: WasmMemory; kernels: KernelExports; module: object } {
  const kernels = shared ? compiledSharedKernels() : compiledKernels();
  if (!kernels) {
    throw new Error(
      shared ? 'WebAssembly threads are unavailable' : (compileError ?? 'WebAssembly kernels unavailable'),
    );
  }
  const pages = pagesFor(bytes);
  const memory = new kernels.api.Memory({ initial: pages, maximum: MAX_PAGES, shared });
  const instance = new kernels.api.Instance(kernels.module, { env: { memory } });
  return { memory, kernels: instance.exports as unknown as KernelExports, module: kernels.module };
}

export function pagesFor(bytes: number): number {
  const pages = Math.ceil(bytes / WASM_PAGE_BYTES);
  if (pages > MAX_PAGES) throw new Error(`a network needs ${bytes} bytes: more than WebAssembly's 4 GiB`);
  return Math.max(1, pages);
}

let preference: KernelChoice | null = null;

/** Chooses the kernels for float32 training from now on (null: back to the environment or 'auto'). */
export function setKernelPreference(choice: KernelChoice | null): void {
  preference = choice;
}

function environmentChoice(): KernelChoice | null {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.RNN_LAB_KERNELS;
  return value === 'plain' || value === 'wasm' || value === 'auto' ? value : null;
}

/** The kernels a float32 run uses for `requested` (undefined: the preference, env or 'auto'). */
export function resolveKernels(requested?: KernelChoice): 'wasm' | 'plain' {
  const choice = requested ?? preference ?? environmentChoice() ?? 'auto';
  if (choice === 'plain') return 'plain';
  if (choice === 'wasm') {
    if (!wasmKernelsAvailable()) throw new Error(compileError ?? 'WebAssembly kernels unavailable');
    return 'wasm';
  }
  return wasmKernelsAvailable() ? 'wasm' : 'plain';
}
