import { describe, expect, it } from 'vitest';
import type { ParamDifference } from '../../../core/api/labResults';
import { formatParamValue, paramName, runLabels } from '../../../renderer/src/compare/paramLabels';

const differences: ParamDifference[] = [
  { key: 'cell', values: { 1: 'elman', 2: 'highway', 3: 'highway' } },
  { key: 'clip.maxNorm', values: { 1: null, 2: 1, 3: null } },
  { key: 'seed', values: { 1: 1, 2: 1, 3: 2 } },
];

describe('runLabels', () => {
  it('names each run by the hyperparameters the runs differ in, with short names', () => {
    const labels = runLabels([1, 2, 3], differences);
    expect(labels.get(1)).toBe('cell=elman clipping=none seed=1');
    expect(labels.get(2)).toBe('cell=highway clipping=1 seed=1');
    expect(labels.get(3)).toBe('cell=highway clipping=none seed=2');
  });

  it('falls back to the run id when nothing differs', () => {
    expect(runLabels([4], []).get(4)).toBe('run 4');
  });

  it('leaves out a key a run does not have', () => {
    const labels = runLabels(
      [1, 2],
      [
        { key: 'optimizer.kind', values: { 1: 'adam', 2: 'momentum' } },
        { key: 'optimizer.momentum', values: { 2: 0.9 } },
      ],
    );
    expect(labels.get(1)).toBe('optimizer=adam');
    expect(labels.get(2)).toBe('optimizer=momentum momentum=0.9');
  });

  it('tells identical labels apart by run id', () => {
    const labels = runLabels([1, 2, 3], [{ key: 'cell', values: { 1: 'elman', 2: 'elman', 3: 'highway' } }]);
    expect(labels.get(1)).toBe('cell=elman (run 1)');
    expect(labels.get(2)).toBe('cell=elman (run 2)');
    expect(labels.get(3)).toBe('cell=highway');
  });
});

describe('paramName and formatParamValue', () => {
  it('uses the grid axes names', () => {
    expect(paramName('numLayers')).toBe('layers');
    expect(paramName('optimizer.lr')).toBe('lr');
    expect(paramName('cell')).toBe('cell');
  });
  it('writes null as none and a missing value as a dash', () => {
    expect(formatParamValue(null)).toBe('none');
    expect(formatParamValue(undefined)).toBe('-');
    expect(formatParamValue(false)).toBe('false');
    expect(formatParamValue(0.003)).toBe('0.003');
  });
});
