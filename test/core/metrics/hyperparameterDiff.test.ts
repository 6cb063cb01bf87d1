// Flattened configurations and the keys that set runs apart.

import { describe, expect, it } from 'vitest';
import { differingKeys, flattenConfig } from '../../../core/metrics/hyperparameterDiff';
import { defaultTrainConfig } from '../../../core/train/defaults';

describe('flattenConfig', () => {
  it('flattens nested objects to dotted keys in config order, keeping null', () => {
    const flat = flattenConfig(defaultTrainConfig);
    expect(flat.numLayers).toBe(1);
    expect(flat['optimizer.kind']).toBe('adam');
    expect(flat['optimizer.lr']).toBe(3e-3);
    expect(flat['clip.maxNorm']).toBe(1);
    expect(flat['clip.maxValue']).toBeNull();
    expect(flat.normalize).toBe(true);
    expect(Object.keys(flat).slice(0, 2)).toEqual(['numLayers', 'hiddenSize']);
    expect(Object.keys(flat)).not.toContain('optimizer');
  });

  it('indexes arrays and leaves out undefined', () => {
    expect(flattenConfig({ a: [1, { b: 'x' }], c: undefined, d: { e: { f: false } } })).toEqual({
      'a.0': 1,
      'a.1.b': 'x',
      'd.e.f': false,
    });
  });
});

describe('differingKeys', () => {
  it('lists the keys whose values are not all equal, in order of appearance', () => {
    const a = flattenConfig(defaultTrainConfig);
    const b = flattenConfig({ ...defaultTrainConfig, numLayers: 2, clip: { maxNorm: null, maxValue: null } });
    const c = flattenConfig({
      ...defaultTrainConfig,
      optimizer: { kind: 'momentum', lr: 3e-3, momentum: 0.9 },
    });
    expect(differingKeys([a, b])).toEqual(['numLayers', 'clip.maxNorm']);
    expect(differingKeys([a, b, c])).toEqual([
      'numLayers',
      'optimizer.kind',
      'optimizer.beta1',
      'optimizer.beta2',
      'optimizer.eps',
      'clip.maxNorm',
      'optimizer.momentum',
    ]);
  });

  it('finds nothing among equal configs, one config, or none', () => {
    const a = flattenConfig(defaultTrainConfig);
    expect(differingKeys([a, { ...a }])).toEqual([]);
    expect(differingKeys([a])).toEqual([]);
    expect(differingKeys([])).toEqual([]);
    expect(differingKeys([{ x: NaN }, { x: NaN }])).toEqual([]);
  });
});
