import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { configChanges, flattenConfig, formatLeaf } from '../../../renderer/src/experiment/configDiff';

describe('configDiff', () => {
  it('flattens nested settings into dotted paths', () => {
    const flat = flattenConfig(defaultTrainConfig);
    expect(flat['optimizer.lr']).toBe(defaultTrainConfig.optimizer.lr);
    expect(flat['clip.maxValue']).toBeNull();
    expect(flat.numLayers).toBe(1);
  });

  it('lists what changed, including fields only one side has', () => {
    const after = {
      ...defaultTrainConfig,
      hiddenSize: 32,
      clip: { maxNorm: null, maxValue: null },
      optimizer: { kind: 'sgd' as const, lr: 0.1 },
    };
    const changes = configChanges(defaultTrainConfig, after);
    expect(changes).toContainEqual({ field: 'hiddenSize', from: 64, to: 32 });
    expect(changes).toContainEqual({ field: 'clip.maxNorm', from: 1, to: null });
    expect(changes).toContainEqual({ field: 'optimizer.kind', from: 'adam', to: 'sgd' });
    expect(changes).toContainEqual({ field: 'optimizer.beta1', from: 0.9, to: undefined });
    expect(configChanges(defaultTrainConfig, structuredClone(defaultTrainConfig))).toEqual([]);
  });

  it('writes values for people', () => {
    expect(formatLeaf(null)).toBe('off');
    expect(formatLeaf(undefined)).toBe('(none)');
    expect(formatLeaf(NaN)).toBe('(empty)');
    expect(formatLeaf(true)).toBe('true');
  });
});
