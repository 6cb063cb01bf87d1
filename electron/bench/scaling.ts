// How the cost of a training step grows with T, the batch size and L (issue 7): each axis is
// varied alone around one shape, and the exponent of a least-squares fit of log(ms per step)
// against log(value) says whether the growth is as the model predicts: linear in T and in the
// batch (every step and every sequence does the same work), quadratic in L (the L x L products
// dominate once L is well above N).

import type { KernelChoice } from '../../core/wasm/wasmKernels';
import type { BenchConfig } from './referenceConfigs';
import { config } from './referenceConfigs';
import { measureThroughput } from './trainingThroughput';

export type ScalingAxisName = 'T' | 'batch' | 'L';

export interface ScalingPoint {
  value: number;
  shape: string;
  msPerStep: number;
  sequencesPerSecond: number;
  gflops: number;
}

export interface ScalingAxis {
  axis: ScalingAxisName;
  /** The exponent the model predicts: 1 for T and batch, 2 for L. */
  expected: number;
  /** The fitted exponent of ms/step against the value. */
  exponent: number;
  points: ScalingPoint[];
  /** "linear", "quadratic", or how it departs from the prediction. */
  verdict: string;
}

/** N, L, K, T, batch, D around which each axis varies. */
const base = { N: 4, L: 128, K: 4, T: 50, batch: 32 };

export const scalingAxes: { axis: ScalingAxisName; values: number[]; expected: number }[] = [
  { axis: 'T', values: [25, 50, 100, 200], expected: 1 },
  { axis: 'batch', values: [8, 16, 32, 64, 128], expected: 1 },
  { axis: 'L', values: [32, 64, 128, 256], expected: 2 },
];

function shapeFor(axis: ScalingAxisName, value: number): BenchConfig {
  const s = { ...base, [axis]: value };
  return config(`${axis}=${value}`, s.N, s.L, s.K, s.T, s.batch, 1);
}

/** The slope of the least-squares line through (log x, log y). */
export function fittedExponent(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return den > 0 ? num / den : NaN;
}

export function scalingVerdict(expected: number, exponent: number): string {
  const name = expected === 1 ? 'linear' : expected === 2 ? 'quadratic' : `power ${expected}`;
  if (Math.abs(exponent - expected) <= 0.15 * expected) return name;
  return exponent < expected ? `below ${name} (fixed costs still count)` : `above ${name}`;
}

export function measureScaling(options: {
  seconds: number;
  repeat: number;
  kernels: KernelChoice;
  threads?: number;
}): ScalingAxis[] {
  return scalingAxes.map(({ axis, values, expected }) => {
    const points = values.map((value) => {
      const c = shapeFor(axis, value);
      const r = measureThroughput(c, options);
      return {
        value,
        shape: Object.values(r.shape).join(','),
        msPerStep: r.msPerStep,
        sequencesPerSecond: r.sequencesPerSecond,
        gflops: r.gflops,
      };
    });
    const exponent = fittedExponent(
      points.map((p) => p.value),
      points.map((p) => p.msPerStep),
    );
    return { axis, expected, exponent, points, verdict: scalingVerdict(expected, exponent) };
  });
}
