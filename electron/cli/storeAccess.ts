// The lab database for the commands that take --db: opened (created when new), with runs
// left over from a host that died marked interrupted, and data imported into it.

import { datasetFingerprint } from '../../core/data/fingerprint';
import type { DataSource } from '../data/dataSource';
import type { DatasetRecord } from '../../core/api/entities';
import { LabStore } from '../store/labStore';
import { inputError, usageError } from './cliError';

export function openStore(path: string): LabStore {
  const opened = LabStore.open(path);
  if (!opened.ok) throw inputError(opened.error.message);
  opened.value.runs.markInterruptedRuns();
  return opened.value;
}

export function importSource(store: LabStore, source: DataSource): DatasetRecord {
  return store.datasets.insert({
    name: source.train.name,
    format: source.format,
    sources: source.sources,
    fingerprint: datasetFingerprint(source.train),
    train: source.train,
    test: source.test,
    missingValues: source.missingValues.train + source.missingValues.test,
  });
}

export function parseRunId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw usageError(`--run: "${text}" is not a run id`);
  return id;
}
