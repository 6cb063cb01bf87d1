import { describe, expect, it } from 'vitest';
import { labMethodSchemas } from '../../../core/api/labMethods';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { buildSubmission, defaultExperimentName } from '../../../renderer/src/experiment/submission';

const draft = {
  datasetId: 3,
  config: defaultTrainConfig,
  name: '',
  description: '',
  axes: [],
  seeds: null,
};

describe('buildSubmission', () => {
  it('creates one run without axes and with one seed', () => {
    const single = buildSubmission({ ...draft, name: ' base ' });
    expect(single).toEqual({
      kind: 'single',
      args: { datasetId: 3, config: defaultTrainConfig, name: 'base' },
    });
    const seeded = buildSubmission({ ...draft, seeds: [9] });
    expect(seeded.kind === 'single' && seeded.args.config.seed).toBe(9);
    expect(labMethodSchemas['runs.create'].safeParse(seeded.args).success).toBe(true);
  });

  it('creates a grid over the axes and the seeds, named even when the user did not', () => {
    const grid = buildSubmission({
      ...draft,
      axes: [{ id: 1, key: 'cell', valuesText: 'elman, highway' }],
      seeds: [1, 2],
      description: '  why  ',
    });
    expect(grid).toEqual({
      kind: 'grid',
      args: {
        name: 'cell × 2 seeds',
        description: 'why',
        datasetId: 3,
        base: defaultTrainConfig,
        axes: [{ key: 'cell', values: ['elman', 'highway'] }],
        seeds: [1, 2],
      },
    });
    expect(labMethodSchemas['runs.createGrid'].safeParse(grid.args).success).toBe(true);
  });

  it('names an unnamed grid after its axes', () => {
    expect(defaultExperimentName([{ id: 1, key: 'layers', valuesText: '' }], null)).toBe('layers');
    expect(defaultExperimentName([], [1, 2, 3])).toBe('3 seeds');
    expect(defaultExperimentName([], null)).toBe('Experiment');
  });
});
