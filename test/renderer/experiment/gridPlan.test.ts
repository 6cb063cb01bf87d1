import { describe, expect, it } from 'vitest';
import { MAX_GRID_RUNS } from '../../../core/api/labMethods';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { GRID_KEYS } from '../../../core/train/gridAxes';
import {
  AXIS_KEYS,
  parseAxisValues,
  planGrid,
  type AxisDraft,
} from '../../../renderer/src/experiment/gridPlan';

const base = defaultTrainConfig;
const axis = (id: number, key: string, valuesText: string): AxisDraft => ({ id, key, valuesText });

describe('parseAxisValues', () => {
  it('splits on commas, trims and drops empty values', () => {
    expect(parseAxisValues(' 1, 2,, none ')).toEqual(['1', '2', 'none']);
    expect(parseAxisValues('  ')).toEqual([]);
  });
});

describe('AXIS_KEYS', () => {
  it('offers exactly the keys the core grid builder accepts', () => {
    expect(AXIS_KEYS.map((info) => info.key)).toEqual(GRID_KEYS);
    // Each with its own label and hint, not the fallbacks for a key the UI does not know.
    expect(AXIS_KEYS.every((info) => info.label !== info.key && info.hint !== 'comma-separated values')).toBe(
      true,
    );
  });
});

describe('planGrid', () => {
  it('is one run without axes', () => {
    expect(planGrid(base, [], 1)).toEqual({ runCount: 1, cellNames: [''], axisErrors: {}, gridError: null });
  });

  it('crosses the axes and repeats them over the seeds', () => {
    const plan = planGrid(base, [axis(1, 'layers', '1, 2'), axis(2, 'clip-norm', '1, none')], 3);
    expect(plan.runCount).toBe(12);
    expect(plan.cellNames).toEqual([
      'layers=1 clip-norm=1',
      'layers=1 clip-norm=none',
      'layers=2 clip-norm=1',
      'layers=2 clip-norm=none',
    ]);
    expect(plan.gridError).toBeNull();
  });

  it('asks for one of its listed keys (the flag names, not the config field aliases)', () => {
    expect(planGrid(base, [axis(1, 'numLayers', '1, 3')], 1).runCount).toBe(0);
    expect(planGrid(base, [axis(1, 'numLayers', '1, 3')], 1).axisErrors[1]).toBe(
      'Choose what this axis varies.',
    );
  });

  it('puts each problem on its own axis', () => {
    const plan = planGrid(
      base,
      [
        axis(1, '', '1'),
        axis(2, 'layers', ' , '),
        axis(3, 'cell', 'elman, lstm'),
        axis(4, 'hidden', 'many'),
        axis(5, 'layers', '3'),
        axis(6, 'layers', '0'),
      ],
      1,
    );
    expect(plan.runCount).toBe(0);
    expect(plan.axisErrors[1]).toBe('Choose what this axis varies.');
    expect(plan.axisErrors[2]).toBe('Give at least one value.');
    expect(plan.axisErrors[3]).toContain('cell=lstm');
    expect(plan.axisErrors[4]).toContain('"many" is not a number');
    expect(plan.axisErrors[5]).toBe('layers is already an axis above.');
    expect(plan.axisErrors[6]).toBe('layers is already an axis above.');
  });

  it('refuses a seed axis while the seeds are repeated', () => {
    expect(planGrid(base, [axis(1, 'seed', '1, 2')], 2).axisErrors[1]).toMatch(/repeated/);
    expect(planGrid(base, [axis(1, 'seed', '1, 2')], 1).runCount).toBe(2);
  });

  it('counts a grid that is too large without building it', () => {
    const values = Array.from({ length: 40 }, (_, i) => i + 1).join(',');
    const plan = planGrid(base, [axis(1, 'hidden', values), axis(2, 'seed', values)], 1);
    expect(plan.runCount).toBe(0);
    expect(plan.gridError).toContain(`at most ${MAX_GRID_RUNS}`);
  });
});
