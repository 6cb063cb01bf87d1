import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { paramRows } from '../../../renderer/src/compare/paramTable';

describe('paramRows', () => {
  const a = { ...defaultTrainConfig, cell: 'elman' as const };
  const b = { ...defaultTrainConfig, cell: 'highway' as const, clip: { maxNorm: null, maxValue: null } };
  const differing = new Set(['cell', 'clip.maxNorm']);

  it('lists every key with one value per run, marking the differing ones', () => {
    const rows = paramRows([a, b], differing, false);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.find((r) => r.key === 'cell')).toEqual({
      key: 'cell',
      name: 'cell',
      values: ['elman', 'highway'],
      differs: true,
    });
    expect(rows.find((r) => r.key === 'hiddenSize')?.differs).toBe(false);
  });

  it('shows only the differences when asked', () => {
    const rows = paramRows([a, b], differing, true);
    expect(rows.map((r) => [r.name, r.values])).toEqual([
      ['cell', ['elman', 'highway']],
      ['clipping', ['1', 'none']],
    ]);
  });
});
