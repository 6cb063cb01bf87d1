// The colour scales of the sequence heatmaps: diverging around 0 for tanh activations (-1..1),
// sequential from 0 for relu activations (0..their largest value) and for highway gates (0..1).
// A scale maps a value to an RGB triple; its stops also give the legend's CSS gradient.

export type Rgb = readonly [number, number, number];

export interface ColorScale {
  kind: 'diverging' | 'sequential';
  min: number;
  max: number;
  /** Evenly spaced colours from min to max; values between are interpolated, outside clamped. */
  stops: readonly Rgb[];
}

/** Blue for negative, red for positive (ColorBrewer RdBu), around a neutral middle. */
const DIVERGING_NEGATIVE: readonly Rgb[] = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
];
const DIVERGING_POSITIVE: readonly Rgb[] = [
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
];
/** The middle (0) blends into the page: light grey in the light theme, dark grey in the dark. */
const NEUTRAL_LIGHT: Rgb = [247, 247, 247];
const NEUTRAL_DARK: Rgb = [48, 52, 58];

/** viridis, sampled: readable on light and dark backgrounds alike. */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

export function divergingScale(limit: number, dark: boolean): ColorScale {
  const neutral = dark ? NEUTRAL_DARK : NEUTRAL_LIGHT;
  return {
    kind: 'diverging',
    min: -limit,
    max: limit,
    stops: [...DIVERGING_NEGATIVE, neutral, ...DIVERGING_POSITIVE],
  };
}

export function sequentialScale(min: number, max: number): ColorScale {
  return { kind: 'sequential', min, max: max > min ? max : min + 1, stops: VIRIDIS };
}

/** The largest finite value of a [t][i] grid (0 when there is none). */
export function largestValue(grid: readonly (readonly number[])[]): number {
  let largest = 0;
  for (const row of grid) for (const v of row) if (Number.isFinite(v) && v > largest) largest = v;
  return largest;
}

/** The largest finite |value| of a [t][i] grid (0 when there is none). */
export function largestMagnitude(grid: readonly (readonly number[])[]): number {
  let largest = 0;
  for (const row of grid)
    for (const v of row) if (Number.isFinite(v) && Math.abs(v) > largest) largest = Math.abs(v);
  return largest;
}

/**
 * The scale of a layer's hidden activations: tanh lives in -1..1; relu in 0..its largest
 * value over the sequence (so that small activations are not all one colour).
 */
export function activationScale(
  activation: 'tanh' | 'relu',
  hidden: readonly (readonly number[])[],
  dark: boolean,
): ColorScale {
  return activation === 'tanh' ? divergingScale(1, dark) : sequentialScale(0, largestValue(hidden));
}

export function gateScale(): ColorScale {
  return sequentialScale(0, 1);
}

/** The colour of a value; NaN is drawn as the scale's neutral middle. */
export function colorAt(scale: ColorScale, value: number): Rgb {
  const { stops } = scale;
  const last = stops.length - 1;
  const unit = Number.isNaN(value) ? 0.5 : (value - scale.min) / (scale.max - scale.min);
  const position = Math.min(Math.max(unit, 0), 1) * last;
  const i = Math.min(Math.floor(position), last - 1);
  const f = position - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

export function cssColor(rgb: Rgb): string {
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** The scale as a CSS linear-gradient, left (min) to right (max). */
export function legendGradient(scale: ColorScale): string {
  const last = scale.stops.length - 1;
  const stops = scale.stops.map((rgb, i) => `${cssColor(rgb)} ${((i / last) * 100).toFixed(1)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The legend's tick labels: min, middle, max. */
export function legendTicks(scale: ColorScale): number[] {
  return [scale.min, (scale.min + scale.max) / 2, scale.max];
}
