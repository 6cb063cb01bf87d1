import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { planGrid } from '../../../renderer/src/experiment/gridPlan';
import { isPresetOrEmptyName, PRESETS, presetAxes } from '../../../renderer/src/experiment/presets';

function counter(): () => number {
  let next = 1;
  return () => next++;
}

const preset = (id: string) => {
  const found = PRESETS.find((p) => p.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('presets', () => {
  it('each makes a grid the core accepts, of the expected size', () => {
    const sizes: Record<string, number> = { depth: 2, clipping: 2, cell: 2, 'depth-x-clipping': 4 };
    for (const p of PRESETS) {
      const plan = planGrid(defaultTrainConfig, presetAxes(p, defaultTrainConfig, counter()), 1);
      expect(plan.axisErrors).toEqual({});
      expect(plan.runCount).toBe(sizes[p.id]);
    }
  });

  it('writes "no clipping" as none and keeps the base threshold', () => {
    const base = { ...defaultTrainConfig, clip: { maxNorm: 5, maxValue: null } };
    expect(presetAxes(preset('clipping'), base, counter())).toEqual([
      { id: 1, key: 'clip-norm', valuesText: '5, none' },
    ]);
    const unclippedBase = { ...defaultTrainConfig, clip: { maxNorm: null, maxValue: null } };
    expect(presetAxes(preset('clipping'), unclippedBase, counter())[0].valuesText).toBe('1, none');
  });

  it('also turns value clipping off in the unclipped runs', () => {
    const base = { ...defaultTrainConfig, clip: { maxNorm: 1, maxValue: 0.5 } };
    const axes = presetAxes(preset('depth-x-clipping'), base, counter());
    expect(axes.map((a) => a.key)).toEqual(['layers', 'clip-norm', 'clip-value']);
    expect(planGrid(base, axes, 1).cellNames).toContain('layers=2 clip-norm=none clip-value=none');
  });

  it('may rename only an unnamed experiment or one a preset named', () => {
    expect(isPresetOrEmptyName('  ')).toBe(true);
    expect(isPresetOrEmptyName('Elman vs highway')).toBe(true);
    expect(isPresetOrEmptyName('My study')).toBe(false);
  });
});
