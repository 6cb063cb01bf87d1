// The Runs table's rows: each run with its dataset's and experiment's names and, while it
// trains, its live progress; then filtering and sorting, null figures always last.

import type { RunRecord, RunStatus } from '../../../core/api/entities';
import type { RunProgress } from '../../../core/api/labEvents';
import { secondsBetween } from './format';

export interface RunRow {
  run: RunRecord;
  datasetName: string;
  experimentName: string | null;
  progress: RunProgress | null;
  /** Epochs done: live while training, else the summary's. */
  epoch: number;
  totalEpochs: number;
  /** The best validation accuracy so far (while training: the latest one reported). */
  bestValAccuracy: number | null;
  finalTestAccuracy: number | null;
  /** Training time: the summary's, or so far while it trains. */
  durationSeconds: number | null;
}

export interface RowSources {
  datasetNames: ReadonlyMap<number, string>;
  experimentNames: ReadonlyMap<number, string>;
  progress: ReadonlyMap<number, RunProgress>;
  nowMs: number;
}

export function runRow(run: RunRecord, sources: RowSources): RunRow {
  const progress = run.status === 'running' ? (sources.progress.get(run.id) ?? null) : null;
  const duration =
    run.status === 'running'
      ? secondsBetween(run.startedAt, null, sources.nowMs)
      : (run.summary.seconds ?? secondsBetween(run.startedAt, run.endedAt, sources.nowMs));
  return {
    run,
    datasetName: sources.datasetNames.get(run.datasetId) ?? `dataset ${run.datasetId}`,
    experimentName:
      run.experimentId === null ? null : (sources.experimentNames.get(run.experimentId) ?? null),
    progress,
    epoch: progress?.epoch ?? run.summary.epochs,
    totalEpochs: progress?.totalEpochs ?? run.config.epochs,
    bestValAccuracy: run.summary.bestValAccuracy ?? progress?.valAccuracy ?? null,
    finalTestAccuracy: run.summary.finalTestAccuracy,
    durationSeconds: duration,
  };
}

/** 'all'; or a status. */
export type StatusFilter = RunStatus | 'all';
/** 'all'; 'none' for runs outside any experiment; or an experiment's id. */
export type ExperimentFilter = number | 'all' | 'none';

export interface RunFilter {
  status: StatusFilter;
  datasetId: number | 'all';
  experiment: ExperimentFilter;
  /** Words that must all appear in the run's name (or its id), any case. */
  text: string;
}

export const NO_FILTER: RunFilter = { status: 'all', datasetId: 'all', experiment: 'all', text: '' };

export function matchesFilter(row: RunRow, filter: RunFilter): boolean {
  const { run } = row;
  if (filter.status !== 'all' && run.status !== filter.status) return false;
  if (filter.datasetId !== 'all' && run.datasetId !== filter.datasetId) return false;
  if (filter.experiment === 'none' && run.experimentId !== null) return false;
  if (typeof filter.experiment === 'number' && run.experimentId !== filter.experiment) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${run.name} #${run.id}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export type SortKey =
  'id' | 'name' | 'dataset' | 'status' | 'epoch' | 'bestValAccuracy' | 'finalTestAccuracy' | 'duration';

export type SortDirection = 'ascending' | 'descending';

export interface RunSort {
  key: SortKey;
  direction: SortDirection;
}

function sortValue(row: RunRow, key: SortKey): number | string | null {
  switch (key) {
    case 'id':
      return row.run.id;
    case 'name':
      return row.run.name;
    case 'dataset':
      return row.datasetName;
    case 'status':
      return row.run.status;
    case 'epoch':
      return row.epoch;
    case 'bestValAccuracy':
      return row.bestValAccuracy;
    case 'finalTestAccuracy':
      return row.finalTestAccuracy;
    case 'duration':
      return row.durationSeconds;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A sorted copy; rows without a value come last either way, ties by id (newest first). */
export function sortRows(rows: readonly RunRow[], sort: RunSort): RunRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order =
        typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
      if (order !== 0) return sign * order;
    }
    return b.run.id - a.run.id;
  });
}

/** Clicking a column: the same column flips its direction; a new one starts descending for figures. */
export function nextSort(current: RunSort, key: SortKey): RunSort {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  const textual = key === 'name' || key === 'dataset' || key === 'status';
  return { key, direction: textual ? 'ascending' : 'descending' };
}
