// The comparisons RNN Lab is for, one click each: a preset fills the grid's axes (and names
// the experiment when it has no name yet); the user can change or remove any axis afterwards.

import type { TrainConfig } from '../../../core/train/config';
import type { AxisDraft } from './gridPlan';

export interface Preset {
  id: string;
  label: string;
  /** One sentence: what the comparison shows. */
  description: string;
  /** The experiment's name when the user has not named it. */
  experimentName: string;
  axes(base: TrainConfig): Array<Omit<AxisDraft, 'id'>>;
}

/** The base's own threshold when it clips, 1 otherwise. */
function clipThreshold(base: TrainConfig): string {
  return String(base.clip.maxNorm ?? 1);
}

/** Clipped against unclipped; an unclipped run must not keep clamping values either. */
function clipAxes(base: TrainConfig): Array<Omit<AxisDraft, 'id'>> {
  const axes = [{ key: 'clip-norm', valuesText: `${clipThreshold(base)}, none` }];
  if (base.clip.maxValue !== null) axes.push({ key: 'clip-value', valuesText: 'none' });
  return axes;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'depth',
    label: 'Single vs stacked',
    description: 'One recurrent layer against two stacked layers.',
    experimentName: 'Single vs stacked',
    axes: () => [{ key: 'layers', valuesText: '1, 2' }],
  },
  {
    id: 'clipping',
    label: 'Clipped vs unclipped',
    description: 'Gradient clipping by global norm against none: watch the gradient-norm spikes.',
    experimentName: 'Clipped vs unclipped',
    axes: clipAxes,
  },
  {
    id: 'cell',
    label: 'Elman vs highway',
    description: 'The plain Elman cell against the highway cell that carries its state through time.',
    experimentName: 'Elman vs highway',
    axes: () => [{ key: 'cell', valuesText: 'elman, highway' }],
  },
  {
    id: 'depth-x-clipping',
    label: 'Single/stacked × clipped/unclipped',
    description: 'The 2 × 2 grid: one or two layers, each with and without gradient clipping.',
    experimentName: 'Single/stacked × clipped/unclipped',
    axes: (base) => [{ key: 'layers', valuesText: '1, 2' }, ...clipAxes(base)],
  },
];

/** The preset's axes with fresh ids from `nextId` on. */
export function presetAxes(preset: Preset, base: TrainConfig, nextId: () => number): AxisDraft[] {
  return preset.axes(base).map((axis) => ({ id: nextId(), ...axis }));
}

/** Whether a name is empty or one a preset gave, so another preset may replace it. */
export function isPresetOrEmptyName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed === '' || PRESETS.some((preset) => preset.experimentName === trimmed);
}
