// What "Start" sends: one run (runs.create) when there is nothing to vary, otherwise a grid
// (runs.createGrid) over the axes, repeated over the seeds.

import type { LabArgs } from '../../../core/api/labApi';
import type { TrainConfig } from '../../../core/train/config';
import { toGridAxes, type AxisDraft } from './gridPlan';

export interface ExperimentDraftValues {
  datasetId: number;
  config: TrainConfig;
  name: string;
  description: string;
  axes: readonly AxisDraft[];
  /** null: the configuration's own seed only. */
  seeds: number[] | null;
}

export type Submission =
  { kind: 'single'; args: LabArgs<'runs.create'> } | { kind: 'grid'; args: LabArgs<'runs.createGrid'> };

/** "layers × clip-norm", or "3 seeds": the name of a grid the user left unnamed. */
export function defaultExperimentName(axes: readonly AxisDraft[], seeds: number[] | null): string {
  const parts = axes.map((axis) => axis.key).filter((key) => key !== '');
  if (seeds !== null && seeds.length > 1) parts.push(`${seeds.length} seeds`);
  return parts.length > 0 ? parts.join(' × ') : 'Experiment';
}

export function isSingleRun(axes: readonly AxisDraft[], seeds: number[] | null): boolean {
  return axes.length === 0 && (seeds === null || seeds.length === 1);
}

export function buildSubmission(draft: ExperimentDraftValues): Submission {
  const { datasetId, config, axes, seeds } = draft;
  const name = draft.name.trim();
  if (isSingleRun(axes, seeds)) {
    const seed = seeds?.[0] ?? config.seed;
    return {
      kind: 'single',
      args: { datasetId, config: { ...config, seed }, ...(name === '' ? {} : { name }) },
    };
  }
  const description = draft.description.trim();
  return {
    kind: 'grid',
    args: {
      name: name === '' ? defaultExperimentName(axes, seeds) : name,
      ...(description === '' ? {} : { description }),
      datasetId,
      base: config,
      axes: toGridAxes(axes),
      ...(seeds === null ? {} : { seeds }),
    },
  };
}
