// The float32 training kernels of RNN Lab in AssemblyScript, compiled to WebAssembly with 128-bit
// SIMD by `npm run build:wasm` (wasm/build.mjs) into core/wasm/kernelsWasm.generated.ts.
// core/wasm/wasmEngine.ts drives them; core/model/recurrentLayer.ts is the plain TypeScript
// reference they are tested against (MATH.md gives the formulas).
//
// Conventions: every buffer lives in the one imported memory and is passed as a byte address;
// matrices are row-major float32 with an explicit row stride in elements. Nothing here allocates.
// Time-major activations are [t][row][unit]; at step t only the first active[t] rows are live,
// and the forward pass writes zeros into the rest so whole-sequence products may read them.

// ---------------------------------------------------------------------------------------------
// Matrix products. One routine covers the four forms the network needs through strides:
//   C[i][j] (+)= sum_k A(i, k) * B[k][j]
// with A(i, k) at a + 4 * (i * ars + k * aks). aks = 1 is A B (rows of A contiguous), ars = 1
// is A^T B (A stored k-major, as the weight gradients read the activations). B and C have unit
// column stride. The register block is 2 rows x 16 columns (8 accumulators of 4 lanes): every
// step of k loads four vectors of B and two broadcast scalars of A for 16 multiply-adds.

// The inner dimension is split into chunks of KC and the rows into blocks of MC, so the panels of
// A and B in use stay in the first two levels of cache.
const KC: i32 = 256;
const MC: i32 = 16;

function block2x16(
  c: usize,
  crs: usize,
  a: usize,
  ars: usize,
  aks: usize,
  b: usize,
  bks: usize,
  K: i32,
  acc: bool,
): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c02 = f32x4.splat(0);
  let c03 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c12 = f32x4.splat(0);
  let c13 = f32x4.splat(0);
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const b2 = v128.load(bp, 32);
    const b3 = v128.load(bp, 48);
    const s0 = v128.load32_splat(ap);
    const s1 = v128.load32_splat(ap + ars);
    c00 = f32x4.add(c00, f32x4.mul(s0, b0));
    c01 = f32x4.add(c01, f32x4.mul(s0, b1));
    c02 = f32x4.add(c02, f32x4.mul(s0, b2));
    c03 = f32x4.add(c03, f32x4.mul(s0, b3));
    c10 = f32x4.add(c10, f32x4.mul(s1, b0));
    c11 = f32x4.add(c11, f32x4.mul(s1, b1));
    c12 = f32x4.add(c12, f32x4.mul(s1, b2));
    c13 = f32x4.add(c13, f32x4.mul(s1, b3));
    ap += aks;
    bp += bks;
  }
  const c1 = c + crs;
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c02 = f32x4.add(c02, v128.load(c, 32));
    c03 = f32x4.add(c03, v128.load(c, 48));
    c10 = f32x4.add(c10, v128.load(c1));
    c11 = f32x4.add(c11, v128.load(c1, 16));
    c12 = f32x4.add(c12, v128.load(c1, 32));
    c13 = f32x4.add(c13, v128.load(c1, 48));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c, c02, 32);
  v128.store(c, c03, 48);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c1, c12, 32);
  v128.store(c1, c13, 48);
}

function block1x16(c: usize, a: usize, aks: usize, b: usize, bks: usize, K: i32, acc: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c02 = f32x4.splat(0);
  let c03 = f32x4.splat(0);
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    const s0 = v128.load32_splat(ap);
    c00 = f32x4.add(c00, f32x4.mul(s0, v128.load(bp)));
    c01 = f32x4.add(c01, f32x4.mul(s0, v128.load(bp, 16)));
    c02 = f32x4.add(c02, f32x4.mul(s0, v128.load(bp, 32)));
    c03 = f32x4.add(c03, f32x4.mul(s0, v128.load(bp, 48)));
    ap += aks;
    bp += bks;
  }
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c02 = f32x4.add(c02, v128.load(c, 32));
    c03 = f32x4.add(c03, v128.load(c, 48));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c, c02, 32);
  v128.store(c, c03, 48);
}

function block2x4(
  c: usize,
  crs: usize,
  a: usize,
  ars: usize,
  aks: usize,
  b: usize,
  bks: usize,
  K: i32,
  acc: bool,
): void {
  let c0 = f32x4.splat(0);
  let c1 = f32x4.splat(0);
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(bp);
    c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(ap), b0));
    c1 = f32x4.add(c1, f32x4.mul(v128.load32_splat(ap + ars), b0));
    ap += aks;
    bp += bks;
  }
  if (acc) {
    c0 = f32x4.add(c0, v128.load(c));
    c1 = f32x4.add(c1, v128.load(c + crs));
  }
  v128.store(c, c0);
  v128.store(c + crs, c1);
}

function block1x4(c: usize, a: usize, aks: usize, b: usize, bks: usize, K: i32, acc: bool): void {
  let c0 = f32x4.splat(0);
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(ap), v128.load(bp)));
    ap += aks;
    bp += bks;
  }
  if (acc) c0 = f32x4.add(c0, v128.load(c));
  v128.store(c, c0);
}

function block1x1(c: usize, a: usize, aks: usize, b: usize, bks: usize, K: i32, acc: bool): void {
  let sum: f32 = 0;
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    sum += load<f32>(ap) * load<f32>(bp);
    ap += aks;
    bp += bks;
  }
  store<f32>(c, acc ? load<f32>(c) + sum : sum);
}

/**
 * C[0:M][0:N] (+)= A B over one chunk of the inner dimension (M <= MC). B is addressed by panels
 * of 16 columns: B(k, j) at b + (j >> 4) * bps + k * bks + (j & 15) * 4 (row-major B has bps = 64;
 * packed B has bks = 64 and bps = 64 K).
 */
function gemmBlock(
  c: usize,
  crs: usize,
  a: usize,
  arsB: usize,
  aksB: usize,
  b: usize,
  bks: usize,
  bps: usize,
  M: i32,
  N: i32,
  K: i32,
  acc: bool,
): void {
  const n16 = N & ~15;
  const m2 = M & ~1;
  for (let j = 0; j < n16; j += 16) {
    const bj = b + <usize>(j >> 4) * bps;
    const cj = c + ((<usize>j) << 2);
    for (let i = 0; i < m2; i += 2) {
      block2x16(cj + <usize>i * crs, crs, a + <usize>i * arsB, arsB, aksB, bj, bks, K, acc);
    }
    if (m2 < M) block1x16(cj + <usize>m2 * crs, a + <usize>m2 * arsB, aksB, bj, bks, K, acc);
  }
  if (n16 == N) return;
  // The last partial panel: four columns at a time, then one.
  const bt = b + <usize>(n16 >> 4) * bps;
  const n4 = N & ~3;
  for (let j = n16; j < n4; j += 4) {
    const bj = bt + ((<usize>(j - n16)) << 2);
    const cj = c + ((<usize>j) << 2);
    for (let i = 0; i < m2; i += 2) {
      block2x4(cj + <usize>i * crs, crs, a + <usize>i * arsB, arsB, aksB, bj, bks, K, acc);
    }
    if (m2 < M) block1x4(cj + <usize>m2 * crs, a + <usize>m2 * arsB, aksB, bj, bks, K, acc);
  }
  for (let j = n4; j < N; j++) {
    const bj = bt + ((<usize>(j - n16)) << 2);
    const cj = c + ((<usize>j) << 2);
    for (let i = 0; i < M; i++) block1x1(cj + <usize>i * crs, a + <usize>i * arsB, aksB, bj, bks, K, acc);
  }
}

// Scratch for packing, set once per instance by setScratch: KC x MC floats for a block of A and
// KC x roundup16(N) floats for a chunk of B.
let packA: usize = 0;
let packB: usize = 0;

export function setScratch(a: usize, b: usize): void {
  packA = a;
  packB = b;
}

/**
 * Copies B (K x N, row stride ldb) into panels of 16 columns: dst[p][k][0:16], zero-padded, so
 * the products read every panel as one contiguous run (row-major B with a power-of-two stride
 * would map a panel's rows onto a few cache sets).
 */
export function packPanels(dst: usize, src: usize, ldb: i32, K: i32, N: i32): void {
  const panels = (N + 15) >> 4;
  for (let p = 0; p < panels; p++) {
    const j0 = p << 4;
    const w = min(16, N - j0);
    let d = dst + ((<usize>p * <usize>K) << 6);
    let sp = src + ((<usize>j0) << 2);
    const sks = (<usize>ldb) << 2;
    for (let k = 0; k < K; k++) {
      if (w == 16) {
        v128.store(d, v128.load(sp));
        v128.store(d, v128.load(sp, 16), 16);
        v128.store(d, v128.load(sp, 32), 32);
        v128.store(d, v128.load(sp, 48), 48);
      } else {
        for (let j = 0; j < 16; j++)
          store<f32>(d + ((<usize>j) << 2), j < w ? load<f32>(sp + ((<usize>j) << 2)) : 0);
      }
      d += 64;
      sp += sks;
    }
  }
}

/** A block of A stored k-major (A(i, k) at a + 4 (i + k lda)) copied to [k][0:mc], contiguous. */
function packColumns(dst: usize, a: usize, lda: i32, mc: i32, kc: i32): void {
  const m4 = mc & ~3;
  for (let k = 0; k < kc; k++) {
    const s = a + ((<usize>k * <usize>lda) << 2);
    const d = dst + ((<usize>k * <usize>mc) << 2);
    for (let i = 0; i < m4; i += 4) v128.store(d + ((<usize>i) << 2), v128.load(s + ((<usize>i) << 2)));
    for (let i = m4; i < mc; i++) store<f32>(d + ((<usize>i) << 2), load<f32>(s + ((<usize>i) << 2)));
  }
}

/** The driver: chunks of KC, blocks of MC rows, B given as (b, bks, bps) for the whole K. */
function gemmDriver(
  c: usize,
  ldc: i32,
  a: usize,
  ars: i32,
  aks: i32,
  b: usize,
  ldb: i32,
  packedB: bool,
  M: i32,
  N: i32,
  K: i32,
  accumulate: bool,
): void {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) {
    if (!accumulate) fillRows(c, ldc, M, N, 0);
    return;
  }
  const crs = (<usize>ldc) << 2;
  // A stored k-major with a long stride (A^T B): pack each block so its k-steps are contiguous.
  const packAK = ars == 1 && aks > 1 && M > 2;
  // Row-major B is packed chunk by chunk unless the product is too short to pay for it.
  const packBK = !packedB && M >= 8;
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = min(KC, K - k0);
    const acc = accumulate || k0 > 0;
    let bb: usize;
    let bks: usize;
    let bps: usize;
    if (packedB) {
      bb = b + ((<usize>k0) << 6);
      bks = 64;
      bps = (<usize>K) << 6;
    } else if (packBK) {
      packPanels(packB, b + ((<usize>k0 * <usize>ldb) << 2), ldb, kc, N);
      bb = packB;
      bks = 64;
      bps = (<usize>kc) << 6;
    } else {
      bb = b + ((<usize>k0 * <usize>ldb) << 2);
      bks = (<usize>ldb) << 2;
      bps = 64;
    }
    for (let i0 = 0; i0 < M; i0 += MC) {
      const mc = min(MC, M - i0);
      const ci = c + <usize>i0 * crs;
      const ai = a + ((<usize>i0 * <usize>ars + <usize>k0 * <usize>aks) << 2);
      if (packAK) {
        packColumns(packA, ai, aks, mc, kc);
        gemmBlock(ci, crs, packA, 4, (<usize>mc) << 2, bb, bks, bps, mc, N, kc, acc);
      } else {
        gemmBlock(ci, crs, ai, (<usize>ars) << 2, (<usize>aks) << 2, bb, bks, bps, mc, N, kc, acc);
      }
    }
  }
}

/**
 * C (M x N, row stride ldc) = C * accumulate + A B, with A(i, k) at a + 4 * (i * ars + k * aks)
 * and B row-major (K x N, row stride ldb).
 */
export function gemm(
  c: usize,
  ldc: i32,
  a: usize,
  ars: i32,
  aks: i32,
  b: usize,
  ldb: i32,
  M: i32,
  N: i32,
  K: i32,
  accumulate: bool,
): void {
  gemmDriver(c, ldc, a, ars, aks, b, ldb, false, M, N, K, accumulate);
}

/** gemm with B already in panels (packPanels of a K x N matrix). */
export function gemmPacked(
  c: usize,
  ldc: i32,
  a: usize,
  ars: i32,
  aks: i32,
  bp: usize,
  M: i32,
  N: i32,
  K: i32,
  accumulate: bool,
): void {
  gemmDriver(c, ldc, a, ars, aks, bp, 0, true, M, N, K, accumulate);
}

function fillRows(c: usize, ldc: i32, M: i32, N: i32, value: f32): void {
  for (let i = 0; i < M; i++) {
    const row = c + ((<usize>i * <usize>ldc) << 2);
    for (let j = 0; j < N; j++) store<f32>(row + ((<usize>j) << 2), value);
  }
}

/**
 * The transpose of S = [a; b] (rowsA rows of a, then rows - rowsA rows of b, K floats each) in
 * panels of 16 columns (packPanels of S^T, a K x rows matrix): what the forward products
 * multiply by, U^T or W^T with the gate's Ug^T or Wg^T beside it.
 */
export function packTransposed(dst: usize, a: usize, b: usize, rowsA: i32, rows: i32, K: i32): void {
  const panels = (rows + 15) >> 4;
  for (let p = 0; p < panels; p++) {
    for (let jj = 0; jj < 16; jj++) {
      const j = (p << 4) + jj;
      let d = dst + (((<usize>p * <usize>K) << 6) + ((<usize>jj) << 2));
      if (j >= rows) {
        for (let k = 0; k < K; k++) {
          store<f32>(d, 0);
          d += 64;
        }
        continue;
      }
      let src = j < rowsA ? a + ((<usize>j * <usize>K) << 2) : b + ((<usize>(j - rowsA) * <usize>K) << 2);
      for (let k = 0; k < K; k++) {
        store<f32>(d, load<f32>(src));
        d += 64;
        src += 4;
      }
    }
  }
}

/** dst[i * cols + j] += src[j * lds + i]: a transposed product added into a weight gradient. */
export function addTransposed(dst: usize, src: usize, lds: i32, rows: i32, cols: i32): void {
  for (let i = 0; i < rows; i++) {
    const d = dst + ((<usize>i * <usize>cols) << 2);
    const s = src + ((<usize>i) << 2);
    for (let j = 0; j < cols; j++) {
      const p = d + ((<usize>j) << 2);
      store<f32>(p, load<f32>(p) + load<f32>(s + ((<usize>j * <usize>lds) << 2)));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Elementwise functions, four lanes at a time.

// tanh as a rational function of degree 13/6 on [-7.9, 7.9] (the float approximation of
// Eigen's generic_fast_tanh_float): within a few ulp of the exact value, and exactly +-1 beyond.
// Its coefficients sit in memory, four lanes each, so every use is one load folded into the
// arithmetic (SIMD constants written inline are rebuilt in every iteration of a loop).
const TANH = memory.data<f32>(
  [
    7.905311107635498, 7.905311107635498, 7.905311107635498, 7.905311107635498, -7.905311107635498,
    -7.905311107635498, -7.905311107635498, -7.905311107635498, -2.76076847742355e-16, -2.76076847742355e-16,
    -2.76076847742355e-16, -2.76076847742355e-16, 2.00018790482477e-13, 2.00018790482477e-13,
    2.00018790482477e-13, 2.00018790482477e-13, -8.60467152213735e-11, -8.60467152213735e-11,
    -8.60467152213735e-11, -8.60467152213735e-11, 5.12229709037114e-8, 5.12229709037114e-8,
    5.12229709037114e-8, 5.12229709037114e-8, 1.48572235717979e-5, 1.48572235717979e-5, 1.48572235717979e-5,
    1.48572235717979e-5, 0.000637261928875436, 0.000637261928875436, 0.000637261928875436,
    0.000637261928875436, 0.00489352455891786, 0.00489352455891786, 0.00489352455891786, 0.00489352455891786,
    1.19825839466702e-6, 1.19825839466702e-6, 1.19825839466702e-6, 1.19825839466702e-6, 0.000118534705686654,
    0.000118534705686654, 0.000118534705686654, 0.000118534705686654, 0.002268434632439, 0.002268434632439,
    0.002268434632439, 0.002268434632439, 0.00489352518554385, 0.00489352518554385, 0.00489352518554385,
    0.00489352518554385, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1,
  ],
  16,
);

function tanh4(a: v128): v128 {
  // pmin/pmax are the plain x86 min/max (the NaN-exact f32x4.min/max take several instructions).
  const x = f32x4.pmax(f32x4.pmin(a, v128.load(TANH)), v128.load(TANH, 16));
  const x2 = f32x4.mul(x, x);
  let p = f32x4.add(f32x4.mul(x2, v128.load(TANH, 32)), v128.load(TANH, 48));
  p = f32x4.add(f32x4.mul(x2, p), v128.load(TANH, 64));
  p = f32x4.add(f32x4.mul(x2, p), v128.load(TANH, 80));
  p = f32x4.add(f32x4.mul(x2, p), v128.load(TANH, 96));
  p = f32x4.add(f32x4.mul(x2, p), v128.load(TANH, 112));
  p = f32x4.add(f32x4.mul(x2, p), v128.load(TANH, 128));
  p = f32x4.mul(x, p);
  let q = f32x4.add(f32x4.mul(x2, v128.load(TANH, 144)), v128.load(TANH, 160));
  q = f32x4.add(f32x4.mul(x2, q), v128.load(TANH, 176));
  q = f32x4.add(f32x4.mul(x2, q), v128.load(TANH, 192));
  return f32x4.div(p, q);
}

function sigmoid4(a: v128): v128 {
  const half = v128.load(TANH, 208);
  return f32x4.add(half, f32x4.mul(half, tanh4(f32x4.mul(half, a))));
}

function relu4(a: v128): v128 {
  return f32x4.pmax(a, f32x4.splat(0));
}

/** tanh over n floats in place: exposed for the tests. */
export function tanhInPlace(p: usize, n: i32): void {
  activateInPlace(p, n, false);
}

/** v with every lane smaller than `below` in magnitude set to +0. */
function flush4(v: v128, below: v128): v128 {
  return v128.and(v, f32x4.ge(f32x4.abs(v), below));
}

// ---------------------------------------------------------------------------------------------
// Row loops run four lanes at a time; when a row's length is not a multiple of 4 the last
// vector is partial: its loads may read past the row (buffers are padded by 16 bytes, and the
// lanes are discarded), its stores keep the lanes past the row (blend), and sums mask them.

/** The lanes of the vector at i that lie before n (all of them when i + 4 <= n). */
function laneMask(i: i32, n: i32): v128 {
  return i32x4.lt_s(i32x4.add(i32x4.splat(i), i32x4(0, 1, 2, 3)), i32x4.splat(n));
}

/** Stores v at p, or only its lanes in mask when the vector is partial. */
function put(p: usize, v: v128, partial: bool, mask: v128): void {
  if (partial) v128.store(p, v128.bitselect(v, v128.load(p), mask));
  else v128.store(p, v);
}

/** p[r][i] += bias[i] for rows x n floats of row stride n. */
function addBiasRows(p: usize, bias: usize, rows: i32, n: i32): void {
  const n4 = n & ~3;
  const mask = laneMask(n4, n);
  for (let r = 0; r < rows; r++) {
    const row = p + ((<usize>r * <usize>n) << 2);
    for (let i = 0; i < n; i += 4) {
      const off = (<usize>i) << 2;
      put(row + off, f32x4.add(v128.load(row + off), v128.load(bias + off)), i >= n4, mask);
    }
  }
}

/** f over n contiguous floats in place. */
function activateInPlace(p: usize, n: i32, relu: bool): void {
  const n4 = n & ~3;
  const mask = laneMask(n4, n);
  if (relu) {
    for (let i = 0; i < n; i += 4) {
      const off = (<usize>i) << 2;
      put(p + off, relu4(v128.load(p + off)), i >= n4, mask);
    }
  } else {
    for (let i = 0; i < n; i += 4) {
      const off = (<usize>i) << 2;
      put(p + off, tanh4(v128.load(p + off)), i >= n4, mask);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One recurrent layer, forward. G is the width of a preactivation row: L (elman) or 2L (highway,
// the candidate's L units then the gate's).
//   z[t][r][0:G]  preactivations, overwritten by h~ (and g): for elman z is h itself
//   UT: N x G, WT: L x G: the weights transposed, in panels (packPanels); bias: G (b, then bg)
//   x: [t][r][N], h: [t][r][L], o: [t][r][L] (o = h + x when residual)

export function layerForward(
  x: usize,
  N: i32,
  z: usize,
  h: usize,
  o: usize,
  UT: usize,
  WT: usize,
  bias: usize,
  active: usize,
  T: i32,
  B: i32,
  L: i32,
  highway: bool,
  relu: bool,
  residual: bool,
): void {
  const G = highway ? L << 1 : L;
  const Lb = (<usize>L) << 2;
  const L4 = L & ~3;
  const tail = laneMask(L4, L);
  // The input projection of every step at once: one product of (T B) x N by N x G.
  gemmPacked(z, G, x, N, 1, UT, T * B, G, N, false);
  addBiasRows(z, bias, T * B, G);
  for (let t = 0; t < T; t++) {
    const rows = load<i32>(active + ((<usize>t) << 2));
    const zt = z + ((<usize>(t * B) * <usize>G) << 2);
    const ht = h + ((<usize>(t * B) * <usize>L) << 2);
    const hp = t > 0 ? h + ((<usize>((t - 1) * B) * <usize>L) << 2) : 0;
    if (t > 0) gemmPacked(zt, G, hp, L, 1, WT, rows, G, L, true);
    if (highway) {
      for (let r = 0; r < rows; r++) {
        const zr = zt + ((<usize>r * <usize>G) << 2);
        const hr = ht + ((<usize>r * <usize>L) << 2);
        const hpr = hp + ((<usize>r * <usize>L) << 2);
        for (let i = 0; i < L; i += 4) {
          const off = (<usize>i) << 2;
          const partial = i >= L4;
          const ca = v128.load(zr + off);
          const cand = relu ? relu4(ca) : tanh4(ca);
          const g = sigmoid4(v128.load(zr + Lb + off));
          const prev = t > 0 ? v128.load(hpr + off) : f32x4.splat(0);
          put(zr + off, cand, partial, tail);
          put(zr + Lb + off, g, partial, tail);
          put(hr + off, f32x4.add(prev, f32x4.mul(g, f32x4.sub(cand, prev))), partial, tail);
        }
      }
    } else {
      activateInPlace(zt, rows * L, relu);
    }
    // Rows that have ended: zeros, so the whole-sequence products may read them.
    if (rows < B) {
      zeroFloats(zt + ((<usize>rows * <usize>G) << 2), (B - rows) * G);
      if (highway) zeroFloats(ht + ((<usize>rows * <usize>L) << 2), (B - rows) * L);
    }
    if (residual) {
      const xt = x + ((<usize>(t * B) * <usize>L) << 2);
      const ot = o + ((<usize>(t * B) * <usize>L) << 2);
      addFloats(ot, ht, 0, B * L);
      addFloats(ot, xt, 1, B * L);
    }
  }
}

function zeroFloats(p: usize, n: i32): void {
  if (n > 0) memory.fill(p, 0, (<usize>n) << 2);
}

// ---------------------------------------------------------------------------------------------
// One recurrent layer, backward through time (MATH.md, "Gradients (BPTT)").
//   dOut: dE/do_t from above, [t][r][L]; dIn (0 when not wanted): receives dE/dx_t, [t][r][N]
//   delta: [t][r][G] scratch; carry, carry2: [r][L] scratch
//   U: L x N (and Ug), as stored in the parameters; W: L x L (and Wg) in panels (packPanels)
//   gradT: scratch of N x G for the transposed input-weight gradient (N < 16); gbias: G floats
//   dU, dW, db (and dUg, dWg, dbg): the weight gradients, accumulated (+=)
//   norms: [t][r] float32, receives ||dE/dh_t|| of every live row (for the temporal profile)
// dE/dh_t and delta_t are flushed to zero below `flushBelow` in magnitude (1e-30 by default; 0
// turns it off): the vanishing gradient would otherwise fill the products with subnormal floats,
// which x86 processes many times slower, and WebAssembly cannot switch flush-to-zero on. Steps
// whose delta is then all zero cost no product. Returns the first step whose delta is not all
// zero (T when none).

export function layerBackward(
  x: usize,
  N: i32,
  z: usize,
  h: usize,
  dOut: usize,
  dIn: usize,
  delta: usize,
  carry: usize,
  carry2: usize,
  U: usize,
  W: usize,
  Ug: usize,
  Wg: usize,
  dU: usize,
  dW: usize,
  db: usize,
  dUg: usize,
  dWg: usize,
  dbg: usize,
  gradT: usize,
  gbias: usize,
  norms: usize,
  active: usize,
  T: i32,
  B: i32,
  L: i32,
  highway: bool,
  relu: bool,
  residual: bool,
  flushBelow: f32,
): i32 {
  const G = highway ? L << 1 : L;
  const below = f32x4.splat(flushBelow);
  const L4 = L & ~3;
  const tail = laneMask(L4, L);
  const all = i32x4.splat(-1);
  const Lb = (<usize>L) << 2;
  let cur = carry;
  let next = carry2;
  let first = T;
  // Whether the carry into step t is exactly zero (nothing flowed back yet, or all flushed).
  let carryZero = true;
  const one = f32x4.splat(1);
  for (let t = T - 1; t >= 0; t--) {
    const rows = load<i32>(active + ((<usize>t) << 2));
    const zt = z + ((<usize>(t * B) * <usize>G) << 2);
    const dt = delta + ((<usize>(t * B) * <usize>G) << 2);
    const ot = dOut + ((<usize>(t * B) * <usize>L) << 2);
    const hp = t > 0 ? h + ((<usize>((t - 1) * B) * <usize>L) << 2) : 0;
    const nt = norms + ((<usize>(t * B)) << 2);
    let any = i32x4.splat(0);
    for (let r = 0; r < rows; r++) {
      const zr = zt + ((<usize>r * <usize>G) << 2);
      const dr = dt + ((<usize>r * <usize>G) << 2);
      const orow = ot + ((<usize>r * <usize>L) << 2);
      const cr = cur + ((<usize>r * <usize>L) << 2);
      const xr = next + ((<usize>r * <usize>L) << 2);
      const hpr = hp + ((<usize>r * <usize>L) << 2);
      // ||d||^2 in float64: squares of a vanishing gradient (below 1e-19) underflow in float32.
      let sqLo = f64x2.splat(0);
      let sqHi = f64x2.splat(0);
      for (let i = 0; i < L; i += 4) {
        const off = (<usize>i) << 2;
        const partial = i >= L4;
        const mask = partial ? tail : all;
        // d_t = dE/dh_t: from above plus what flowed back from step t+1, flushed.
        const above = v128.load(orow + off);
        const d = v128.and(flush4(carryZero ? above : f32x4.add(above, v128.load(cr + off)), below), mask);
        const dLo = f64x2.promote_low_f32x4(d);
        const dHi = f64x2.promote_low_f32x4(v128.shuffle<f32>(d, d, 2, 3, 0, 1));
        sqLo = f64x2.add(sqLo, f64x2.mul(dLo, dLo));
        sqHi = f64x2.add(sqHi, f64x2.mul(dHi, dHi));
        const c = v128.load(zr + off);
        const fp = relu ? v128.and(one, f32x4.gt(c, f32x4.splat(0))) : f32x4.sub(one, f32x4.mul(c, c));
        if (highway) {
          const g = v128.load(zr + Lb + off);
          const prev = t > 0 ? v128.load(hpr + off) : f32x4.splat(0);
          const dc = flush4(f32x4.mul(f32x4.mul(d, g), fp), below);
          const dg = flush4(
            f32x4.mul(f32x4.mul(d, f32x4.sub(c, prev)), f32x4.mul(g, f32x4.sub(one, g))),
            below,
          );
          put(dr + off, dc, partial, tail);
          put(dr + Lb + off, dg, partial, tail);
          put(xr + off, f32x4.mul(d, f32x4.sub(one, g)), partial, tail);
          any = v128.or(any, v128.or(dc, dg));
        } else {
          const dc = flush4(f32x4.mul(d, fp), below);
          put(dr + off, dc, partial, tail);
          any = v128.or(any, dc);
        }
      }
      const sq = f64x2.add(sqLo, sqHi);
      const s = f64x2.extract_lane(sq, 0) + f64x2.extract_lane(sq, 1);
      store<f32>(nt + ((<usize>r) << 2), <f32>Math.sqrt(s));
    }
    if (rows < B) {
      zeroFloats(dt + ((<usize>rows * <usize>G) << 2), (B - rows) * G);
      if (highway) zeroFloats(next + ((<usize>rows * <usize>L) << 2), (B - rows) * L);
    }
    const nonzero = v128.any_true(any);
    if (nonzero) first = t;
    if (t > 0) {
      // Only the first active[t-1] rows are read at step t-1; rows that end before t get zeros
      // from the products (their delta rows are zero) or from the fill above.
      const prevRows = load<i32>(active + ((<usize>(t - 1)) << 2));
      if (nonzero) {
        gemmPacked(next, L, dt, G, 1, W, prevRows, L, L, highway);
        if (highway) gemmPacked(next, L, dt + Lb, G, 1, Wg, prevRows, L, L, true);
      }
      carryZero = !nonzero && !highway;
      const swap = cur;
      cur = next;
      next = swap;
    }
  }
  if (first < T) {
    const rowsFrom = first * B;
    const rowsAll = T * B - rowsFrom;
    const d0 = delta + ((<usize>rowsFrom * <usize>G) << 2);
    // Recurrent weights: dW (L x L) += Delta[t]^T H[t-1] summed over t >= max(first, 1).
    const r1 = first > 0 ? first : 1;
    const rowsW = (T - r1) * B;
    if (rowsW > 0) {
      const hpFrom = h + ((<usize>((r1 - 1) * B) * <usize>L) << 2);
      const dFrom = delta + ((<usize>(r1 * B) * <usize>G) << 2);
      gemm(dW, L, dFrom, 1, G, hpFrom, L, L, L, rowsW, true);
      if (highway) gemm(dWg, L, dFrom + Lb, 1, G, hpFrom, L, L, L, rowsW, true);
    }
    // Input weights: dU (L x N) += Delta^T X; for a narrow input as dU^T = X^T Delta, which keeps
    // the long side of the product in the vector lanes.
    const x0 = x + ((<usize>rowsFrom * <usize>N) << 2);
    if (N >= 16) {
      gemm(dU, N, d0, 1, G, x0, N, L, N, rowsAll, true);
      if (highway) gemm(dUg, N, d0 + Lb, 1, G, x0, N, L, N, rowsAll, true);
    } else {
      gemm(gradT, G, x0, 1, N, d0, G, N, G, rowsAll, false);
      addTransposed(dU, gradT, G, L, N);
      if (highway) addTransposed(dUg, gradT + Lb, G, L, N);
    }
    // Biases: column sums of Delta.
    zeroFloats(gbias, G);
    for (let k = 0; k < rowsAll; k++) addFloats(gbias, d0 + ((<usize>k * <usize>G) << 2), 1, G);
    addFloats(db, gbias, 1, L);
    if (highway) addFloats(dbg, gbias + Lb, 1, L);
  }
  if (dIn != 0) {
    // dE/dx_t = Delta_t U (+ Delta_g,t Ug), plus dE/do_t itself through a residual sum.
    const rowsFrom = first * B;
    zeroFloats(dIn, rowsFrom * N);
    if (first < T) {
      const rowsAll = T * B - rowsFrom;
      const d0 = delta + ((<usize>rowsFrom * <usize>G) << 2);
      const in0 = dIn + ((<usize>rowsFrom * <usize>N) << 2);
      gemm(in0, N, d0, G, 1, U, N, rowsAll, N, L, false);
      if (highway) gemm(in0, N, d0 + Lb, G, 1, Ug, N, rowsAll, N, L, true);
    }
    if (residual) addFloats(dIn, dOut, 1, T * B * L);
  }
  return first;
}

/** dst[i] = src[i] (accumulate 0) or dst[i] += src[i] (accumulate 1) for n floats. */
export function addFloats(dst: usize, src: usize, accumulate: i32, n: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const off = (<usize>i) << 2;
    const v = v128.load(src + off);
    v128.store(dst + off, accumulate ? f32x4.add(v128.load(dst + off), v) : v);
  }
  for (let i = n4; i < n; i++) {
    const off = (<usize>i) << 2;
    const v = load<f32>(src + off);
    store<f32>(dst + off, accumulate ? load<f32>(dst + off) + v : v);
  }
}

// ---------------------------------------------------------------------------------------------
// Gradient norms, clipping and the optimizers over the flat parameter buffer (float32 storage,
// sums of squares accumulated in float64).

export function sumSquares(p: usize, n: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(p + ((<usize>i) << 2));
    const lo = f64x2.promote_low_f32x4(v);
    const hi = f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
    acc0 = f64x2.add(acc0, f64x2.mul(lo, lo));
    acc1 = f64x2.add(acc1, f64x2.mul(hi, hi));
  }
  const acc = f64x2.add(acc0, acc1);
  let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (let i = n4; i < n; i++) {
    const v = <f64>load<f32>(p + ((<usize>i) << 2));
    sum += v * v;
  }
  return sum;
}

export function scaleFloats(p: usize, n: i32, s: f32): void {
  const n4 = n & ~3;
  const sv = f32x4.splat(s);
  for (let i = 0; i < n4; i += 4) {
    const off = (<usize>i) << 2;
    v128.store(p + off, f32x4.mul(v128.load(p + off), sv));
  }
  for (let i = n4; i < n; i++) {
    const off = (<usize>i) << 2;
    store<f32>(p + off, load<f32>(p + off) * s);
  }
}

/** Clamps every element to [-c, c]; returns 1 when any changed. */
export function clampFloats(p: usize, n: i32, c: f32): i32 {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const off = (<usize>i) << 2;
    const g = load<f32>(p + off);
    if (g > c) {
      store<f32>(p + off, c);
      changed = 1;
    } else if (g < -c) {
      store<f32>(p + off, -c);
      changed = 1;
    }
  }
  return changed;
}

// The update rules of MATH.md, "Optimizers". n is a multiple of 4 (the buffers are padded).

export function sgdStep(w: usize, g: usize, n: i32, lr: f32): void {
  const lrv = f32x4.splat(lr);
  for (let i = 0; i < n; i += 4) {
    const off = (<usize>i) << 2;
    v128.store(w + off, f32x4.sub(v128.load(w + off), f32x4.mul(lrv, v128.load(g + off))));
  }
}

export function momentumStep(w: usize, g: usize, vel: usize, n: i32, lr: f32, mu: f32): void {
  const lrv = f32x4.splat(lr);
  const muv = f32x4.splat(mu);
  for (let i = 0; i < n; i += 4) {
    const off = (<usize>i) << 2;
    const v = f32x4.add(f32x4.mul(muv, v128.load(vel + off)), v128.load(g + off));
    v128.store(vel + off, v);
    v128.store(w + off, f32x4.sub(v128.load(w + off), f32x4.mul(lrv, v)));
  }
}

export function adagradStep(w: usize, g: usize, acc: usize, n: i32, lr: f32, eps: f32): void {
  const lrv = f32x4.splat(lr);
  const epsv = f32x4.splat(eps);
  for (let i = 0; i < n; i += 4) {
    const off = (<usize>i) << 2;
    const gv = v128.load(g + off);
    const s = f32x4.add(v128.load(acc + off), f32x4.mul(gv, gv));
    v128.store(acc + off, s);
    const step = f32x4.div(f32x4.mul(lrv, gv), f32x4.add(f32x4.sqrt(s), epsv));
    v128.store(w + off, f32x4.sub(v128.load(w + off), step));
  }
}

export function rmspropStep(w: usize, g: usize, acc: usize, n: i32, lr: f32, rho: f32, eps: f32): void {
  const lrv = f32x4.splat(lr);
  const rhov = f32x4.splat(rho);
  const onem = f32x4.splat(1 - rho);
  const epsv = f32x4.splat(eps);
  for (let i = 0; i < n; i += 4) {
    const off = (<usize>i) << 2;
    const gv = v128.load(g + off);
    const s = f32x4.add(f32x4.mul(rhov, v128.load(acc + off)), f32x4.mul(onem, f32x4.mul(gv, gv)));
    v128.store(acc + off, s);
    const step = f32x4.div(f32x4.mul(lrv, gv), f32x4.add(f32x4.sqrt(s), epsv));
    v128.store(w + off, f32x4.sub(v128.load(w + off), step));
  }
}

/** c1 = 1 - beta1^t and c2 = 1 - beta2^t, the bias corrections of step t. */
export function adamStep(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  lr: f32,
  beta1: f32,
  beta2: f32,
  eps: f32,
  c1: f32,
  c2: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const ob1 = f32x4.splat(1 - beta1);
  const ob2 = f32x4.splat(1 - beta2);
  const lrc = f32x4.splat(lr / c1);
  const ic2 = f32x4.splat(1 / c2);
  const epsv = f32x4.splat(eps);
  for (let i = 0; i < n; i += 4) {
    const off = (<usize>i) << 2;
    const gv = v128.load(g + off);
    const mv = f32x4.add(f32x4.mul(b1, v128.load(m + off)), f32x4.mul(ob1, gv));
    const vv = f32x4.add(f32x4.mul(b2, v128.load(v + off)), f32x4.mul(ob2, f32x4.mul(gv, gv)));
    v128.store(m + off, mv);
    v128.store(v + off, vv);
    const step = f32x4.div(f32x4.mul(lrc, mv), f32x4.add(f32x4.sqrt(f32x4.mul(vv, ic2)), epsv));
    v128.store(w + off, f32x4.sub(v128.load(w + off), step));
  }
}

/** Floats of packing scratch the products need for B matrices up to n columns wide. */
export function packScratchFloats(n: i32): i32 {
  return KC * MC + KC * (((n + 15) >> 4) << 4);
}
