// Waveforms: four balanced shape classes, one feature, random lengths, the stated noise.

import { describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../../../core/data/fingerprint';
import {
  generateWaveforms,
  waveformValue,
  type WaveformOptions,
} from '../../../../core/data/synthetic/waveforms';

function options(overrides: Partial<WaveformOptions> = {}): WaveformOptions {
  return { noise: 0.1, seed: 1, minT: 30, maxT: 80, n: 402, nTest: 100, ...overrides };
}

describe('waveformValue', () => {
  it('draws each shape with amplitude 1', () => {
    const at = (label: number) => [0, 0.25, 0.5, 0.75].map((u) => waveformValue(label, u));
    expect(at(0).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0, 1, 0, -1]);
    expect(at(1)).toEqual([1, 1, -1, -1]);
    expect(at(2)).toEqual([-1, -0.5, 0, 0.5]);
    expect(at(3)).toEqual([-1, 0, 1, 0]);
  });
});

describe('waveforms', () => {
  it('has one feature, four balanced classes, and lengths in range', () => {
    const { train, test } = generateWaveforms(options());
    expect(train.numFeatures).toBe(1);
    expect(train.classLabels).toEqual(['sine', 'square', 'sawtooth', 'triangle']);
    expect(train.name).toBe('waveforms (T=30..80)');
    expect(train.sequences.length).toBe(402);
    expect(test.sequences.length).toBe(100);
    const counts = [0, 0, 0, 0];
    for (const k of train.labels) counts[k]++;
    expect(counts).toEqual([101, 101, 100, 100]);
    const lengths = train.sequences.map((s) => s.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(80);
    expect(new Set(lengths).size).toBeGreaterThan(30);
  });

  it('without noise, stays within amplitude 1 and squares take only +-1', () => {
    const { train } = generateWaveforms(options({ noise: 0 }));
    train.sequences.forEach((s, i) => {
      for (const x of s) expect(Math.abs(x)).toBeLessThanOrEqual(1);
      if (train.labels[i] === 1) for (const x of s) expect(Math.abs(x)).toBe(1);
    });
  });

  it('adds Gaussian noise of the given standard deviation', () => {
    const { train } = generateWaveforms(options({ noise: 0.1, n: 800 }));
    const residuals: number[] = [];
    train.sequences.forEach((s, i) => {
      if (train.labels[i] === 1) for (const x of s) residuals.push(x - Math.sign(x));
    });
    const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((a, r) => a + (r - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });

  it('is deterministic, differs between seeds, and its test set is fresh', () => {
    const a = generateWaveforms(options());
    expect(generateWaveforms(options())).toEqual(a);
    const c = generateWaveforms(options({ seed: 2 }));
    expect(datasetFingerprint(c.train)).not.toBe(datasetFingerprint(a.train));
    const sameSize = generateWaveforms(options({ n: 100 }));
    expect(datasetFingerprint(sameSize.test)).not.toBe(datasetFingerprint(sameSize.train));
  });

  it('refuses negative noise or a bad length range', () => {
    expect(() => generateWaveforms(options({ noise: -1 }))).toThrow(RangeError);
    expect(() => generateWaveforms(options({ minT: 3, maxT: 10 }))).toThrow(RangeError);
  });
});
