// A real lab store in a temporary folder, with a small built-in dataset imported.

import { join } from 'node:path';
import { datasetFingerprint } from '../../core/data/fingerprint';
import { generateBuiltin, parseBuiltinSpec } from '../../core/data/synthetic/index';
import type { TrainConfig } from '../../core/train/config';
import { defaultTrainConfig } from '../../core/train/defaults';
import type { DatasetRecord } from '../../core/api/entities';
import { LabStore } from '../../electron/store/labStore';
import { tempDir } from './runLab';

export function openTempStore(): { store: LabStore; path: string } {
  const path = join(tempDir('rnn-lab-store-'), 'lab.db');
  const opened = LabStore.open(path);
  if (!opened.ok) throw new Error(opened.error.message);
  return { store: opened.value, path };
}

export function importBuiltin(
  store: LabStore,
  spec = 'builtin:temporal-order?T=10&n=160&nTest=80',
): DatasetRecord {
  const parsed = parseBuiltinSpec(spec);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { train, test } = generateBuiltin(parsed.value);
  return store.datasets.insert({
    name: train.name,
    format: 'builtin',
    sources: [spec],
    fingerprint: datasetFingerprint(train),
    train,
    test,
    missingValues: 0,
  });
}

export function smallConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return { ...defaultTrainConfig, hiddenSize: 8, epochs: 3, batchSize: 16, ...overrides };
}
