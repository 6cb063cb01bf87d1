// Noisy waveforms to tell apart by shape: sine, square, sawtooth and triangle, each with a
// random frequency, phase and length. A gentle, short-range task: a sanity check that a
// configuration can learn at all before trying the long-range ones.

import type { Dataset } from '../dataset';
import { createRng, type Rng } from '../../random';

export const WAVEFORM_CLASS_LABELS = ['sine', 'square', 'sawtooth', 'triangle'] as const;

/**
 * Steps per period, drawn uniformly from this range: enough samples that each shape shows
 * (at fewer, a noisy square, sine and triangle alias into one another).
 */
export const WAVEFORM_STEPS_PER_PERIOD = [8, 20] as const;

/** The shortest sequence that still shows a shape. */
export const WAVEFORM_MIN_LENGTH = 4;

export interface WaveformOptions {
  /** Standard deviation of the additive Gaussian noise (amplitude is 1). */
  noise: number;
  seed: number;
  /** Each sequence draws its length uniformly from minT..maxT (equal for a fixed T). */
  minT: number;
  maxT: number;
  n: number;
  /** Held-out test sequences, drawn from a different random stream. */
  nTest: number;
}

export function generateWaveforms(options: WaveformOptions): { train: Dataset; test: Dataset } {
  const { noise, seed, minT, maxT } = options;
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`generateWaveforms: bad noise ${noise}`);
  if (!(Number.isInteger(minT) && Number.isInteger(maxT) && minT >= WAVEFORM_MIN_LENGTH && maxT >= minT)) {
    throw new RangeError(`generateWaveforms: bad length range ${minT}..${maxT}`);
  }
  const name = `waveforms (T=${minT === maxT ? minT : `${minT}..${maxT}`})`;
  return {
    train: sample(options, options.n, createRng(seed, 'waveforms/train'), name),
    test: sample(options, options.nTest, createRng(seed, 'waveforms/test'), `${name}, test`),
  };
}

/** One period of each shape at phase u in [0, 1), amplitude 1. */
export function waveformValue(label: number, u: number): number {
  switch (label) {
    case 0:
      return Math.sin(2 * Math.PI * u);
    case 1:
      return u < 0.5 ? 1 : -1;
    case 2:
      return 2 * u - 1;
    default:
      return 1 - 4 * Math.abs(u - 0.5);
  }
}

function sample(options: WaveformOptions, count: number, rng: Rng, name: string): Dataset {
  const { noise, minT, maxT } = options;
  const k = WAVEFORM_CLASS_LABELS.length;
  // Balanced: each class count / 4 times (the remainder spread over the first classes), shuffled.
  const classes = rng.shuffle(Array.from({ length: count }, (_, i) => i % k));
  const sequences: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const T = minT + rng.int(maxT - minT + 1);
    const period = rng.uniform(WAVEFORM_STEPS_PER_PERIOD[0], WAVEFORM_STEPS_PER_PERIOD[1]);
    const phase = rng.next();
    const values = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      const cycle = t / period + phase;
      values[t] = waveformValue(classes[i], cycle - Math.floor(cycle)) + noise * rng.normal();
    }
    sequences.push(values);
  }
  return {
    name,
    numFeatures: 1,
    classLabels: [...WAVEFORM_CLASS_LABELS],
    sequences,
    labels: Int32Array.from(classes),
  };
}
