// Which trained models the sequence screen offers (the finished runs' saved models and the
// model files opened in this session), which one it starts with, and which dataset and how
// many sequences go with it.

import type { DatasetRecord, RunRecord } from '../../../core/api/entities';
import { FINISHED_STATUSES } from '../../../core/api/entities';

export type ModelSource = { kind: 'run'; runId: number } | { kind: 'file'; name: string };

export interface ModelChoice {
  key: string;
  label: string;
  source: ModelSource;
}

export function sourceKey(source: ModelSource): string {
  return source.kind === 'run' ? `run:${source.runId}` : `file:${source.name}`;
}

export function parseSourceKey(key: string): ModelSource | null {
  if (key.startsWith('run:')) {
    const runId = Number(key.slice(4));
    return Number.isInteger(runId) && runId > 0 ? { kind: 'run', runId } : null;
  }
  if (key.startsWith('file:') && key.length > 5) return { kind: 'file', name: key.slice(5) };
  return null;
}

export function isFinished(run: RunRecord): boolean {
  return FINISHED_STATUSES.includes(run.status);
}

/** "highway tanh, 2 x 24": cell, activation, layers x units. */
export function describeArchitecture(arch: {
  cell: string;
  activation: string;
  numLayers: number;
  hiddenSize: number;
  residual: boolean;
}): string {
  const residual = arch.residual && arch.numLayers > 1 ? ', residual' : '';
  return `${arch.cell} ${arch.activation}, ${arch.numLayers} x ${arch.hiddenSize}${residual}`;
}

/** The finished runs, newest first, named with their architecture and dataset. */
export function runChoices(
  runs: readonly RunRecord[],
  datasetNames: ReadonlyMap<number, string>,
): ModelChoice[] {
  return runs
    .filter(isFinished)
    .slice()
    .sort((a, b) => b.id - a.id)
    .map((run) => {
      const dataset = datasetNames.get(run.datasetId) ?? `dataset ${run.datasetId}`;
      const status = run.status === 'completed' ? '' : ` (${run.status})`;
      return {
        key: sourceKey({ kind: 'run', runId: run.id }),
        label: `#${run.id}${run.name === '' ? '' : ` ${run.name}`}: ${describeArchitecture(run.config)}, ${dataset}${status}`,
        source: { kind: 'run', runId: run.id },
      };
    });
}

export function fileChoices(opened: readonly { name: string }[]): ModelChoice[] {
  return opened.map(({ name }) => ({
    key: sourceKey({ kind: 'file', name }),
    label: name,
    source: { kind: 'file', name },
  }));
}

/**
 * The model shown first: the run named in the address when it has finished, else the newest
 * completed run, else the newest finished one, else the newest opened file.
 */
export function defaultSource(
  runs: readonly RunRecord[],
  opened: readonly { name: string }[],
  routeRunId?: number,
): ModelSource | null {
  const finished = runs.filter(isFinished).sort((a, b) => b.id - a.id);
  const named = finished.find((run) => run.id === routeRunId);
  const pick = named ?? finished.find((run) => run.status === 'completed') ?? finished[0];
  if (pick !== undefined) return { kind: 'run', runId: pick.id };
  return opened.length > 0 ? { kind: 'file', name: opened[0].name } : null;
}

/** Sequences in a dataset's part. */
export function sequenceCount(dataset: DatasetRecord, split: 'train' | 'test'): number {
  return split === 'train' ? dataset.numSequences : (dataset.testSequences ?? 0);
}

/** Why a model cannot read a dataset, or null when it can. */
export function incompatibility(dataset: DatasetRecord, inputSize: number): string | null {
  if (dataset.numFeatures === inputSize) return null;
  return `${dataset.numFeatures} features per step; the model reads ${inputSize}`;
}

/**
 * The dataset to start with: the preferred one (a run's own), else the one the model was
 * trained on (by fingerprint), else the first the model can read; null when none fits.
 */
export function defaultDataset(
  datasets: readonly DatasetRecord[],
  inputSize: number,
  preferredId?: number,
  fingerprint?: string,
): DatasetRecord | null {
  const fits = datasets.filter((d) => incompatibility(d, inputSize) === null);
  return (
    fits.find((d) => d.id === preferredId) ??
    fits.find((d) => fingerprint !== undefined && d.fingerprint === fingerprint) ??
    fits[0] ??
    null
  );
}
