// The configuration table: every setting labelled and readable.

import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { configRows, describeClipping, describeOptimizer } from '../../../renderer/src/run/configRows';

const valueOf = (rows: ReturnType<typeof configRows>, key: string): string | undefined =>
  rows.find((row) => row.key === key)?.value;

describe('configRows', () => {
  it('shows every setting of the default configuration once, and the seed', () => {
    const rows = configRows(defaultTrainConfig, defaultTrainConfig.seed);
    const keys = rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of Object.keys(defaultTrainConfig) as (keyof TrainConfig)[]) {
      if (key === 'gateBias' || key === 'seed') continue;
      expect(keys).toContain(key);
    }
    expect(valueOf(rows, 'runSeed')).toBe('1');
    expect(valueOf(rows, 'seed')).toBeUndefined();
    expect(valueOf(rows, 'valSplit')).toBe('20 %');
    expect(valueOf(rows, 'clip')).toBe('global norm at 1');
    expect(valueOf(rows, 'normalize')).toBe('yes');
    expect(valueOf(rows, 'patience')).toBe('20 epochs');
  });

  it('shows the gate bias only for highway cells, and a seed that differs from the config', () => {
    const highway: TrainConfig = { ...defaultTrainConfig, cell: 'highway', patience: null, valSplit: 0 };
    const rows = configRows(highway, 7);
    expect(valueOf(rows, 'gateBias')).toBe('-2');
    expect(valueOf(rows, 'runSeed')).toBe('7');
    expect(valueOf(rows, 'seed')).toBe('1');
    expect(valueOf(rows, 'patience')).toBe('never stops early');
    expect(valueOf(rows, 'valSplit')).toBe('none');
  });
});

describe('describeOptimizer and describeClipping', () => {
  it('names the optimizer with its settings', () => {
    expect(describeOptimizer({ kind: 'sgd', lr: 0.05 })).toBe('SGD, learning rate 0.05');
    expect(describeOptimizer({ kind: 'momentum', lr: 0.01, momentum: 0.9 })).toBe(
      'SGD with momentum, learning rate 0.01, μ 0.9',
    );
    expect(describeOptimizer({ kind: 'adam', lr: 3e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 })).toBe(
      'Adam, learning rate 0.003, β1 0.9, β2 0.999, ε 1e-8',
    );
  });
  it('says which clipping applies, value first', () => {
    expect(describeClipping({ maxNorm: null, maxValue: null })).toBe('off');
    expect(describeClipping({ maxNorm: 5, maxValue: 0.5 })).toBe(
      'each element to ±0.5, then global norm at 5',
    );
  });
});
