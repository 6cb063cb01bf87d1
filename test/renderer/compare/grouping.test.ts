import { describe, expect, it } from 'vitest';
import type { ParamDifference } from '../../../core/api/labResults';
import { compareParamValues, groupRuns } from '../../../renderer/src/compare/grouping';

const differences: ParamDifference[] = [
  { key: 'clip.maxNorm', values: { 1: 5, 2: null, 3: 1, 4: null, 5: 5 } },
  { key: 'cell', values: { 1: 'highway', 2: 'elman', 3: 'elman', 4: 'highway', 5: 'elman' } },
];

describe('groupRuns', () => {
  it('puts runs with the same value together, groups in value order (none first)', () => {
    const groups = groupRuns([1, 2, 3, 4, 5], differences, 'clip.maxNorm');
    expect(groups.map((g) => g.label)).toEqual(['clipping=none', 'clipping=1', 'clipping=5']);
    expect(groups.map((g) => g.runIds)).toEqual([[2, 4], [3], [1, 5]]);
  });

  it('orders text values alphabetically and keeps the runs in the given order', () => {
    const groups = groupRuns([5, 4, 3, 2, 1], differences, 'cell');
    expect(groups.map((g) => [g.label, g.runIds])).toEqual([
      ['cell=elman', [5, 3, 2]],
      ['cell=highway', [4, 1]],
    ]);
  });

  it('makes one group of all the runs for a key that does not differ', () => {
    const groups = groupRuns([1, 2], differences, 'seed');
    expect(groups).toHaveLength(1);
    expect(groups[0].runIds).toEqual([1, 2]);
  });
});

describe('compareParamValues', () => {
  it('sorts none, numbers, booleans, text, missing', () => {
    const values = ['b', undefined, 10, true, null, 2, 'a'];
    expect([...values].sort(compareParamValues)).toEqual([null, 2, 10, true, 'a', 'b', undefined]);
  });
});
