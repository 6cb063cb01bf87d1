// Shared pieces of the store tests: a real database file in a fresh temporary folder, small
// datasets and configs, and a close that first checks the file's integrity.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Dataset } from '../../../core/data/dataset';
import { datasetFingerprint } from '../../../core/data/fingerprint';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import type { DatasetRecord, EpochRow, StepRow } from '../../../core/api/entities';
import { LabStore } from '../../../electron/store/labStore';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rnn-lab-store-'));
}

export interface TempStore {
  store: LabStore;
  dir: string;
  path: string;
  /** Checks integrity and foreign keys, closes, and removes the folder. */
  dispose(): void;
}

export function openTempStore(): TempStore {
  const dir = tempDir();
  const path = join(dir, 'lab.db');
  const opened = LabStore.open(path);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  return {
    store,
    dir,
    path,
    dispose() {
      expect(store.database.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.database.db.pragma('foreign_key_check')).toEqual([]);
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sequences of the given lengths, values from a simple deterministic sequence. */
export function makeDataset(name: string, lengths: number[], numFeatures = 2, classes = ['a', 'b']): Dataset {
  let v = 0.1;
  const sequences = lengths.map((T) =>
    Float64Array.from({ length: T * numFeatures }, () => {
      v = (v * 7.31 + 0.17) % 3;
      return v - 1.5;
    }),
  );
  return {
    name,
    numFeatures,
    classLabels: classes,
    sequences,
    labels: Int32Array.from(lengths, (_, i) => i % classes.length),
  };
}

export function insertDataset(
  store: LabStore,
  name = 'waves',
  test: Dataset | null = null,
  lengths = [5, 3, 8, 4],
): DatasetRecord {
  const train = makeDataset(name, lengths);
  return store.datasets.insert({
    name,
    format: 'json',
    sources: [`${name}.json`],
    fingerprint: datasetFingerprint(train),
    train,
    test,
    missingValues: 0,
  });
}

export function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return { ...defaultTrainConfig, ...overrides };
}

export function stepRow(step: number, loss: number, epoch = 1): StepRow {
  return {
    step,
    epoch,
    wall: step * 0.01,
    loss,
    gradNormBefore: loss * 2,
    gradNormAfter: Math.min(loss * 2, 1),
    clipped: loss * 2 > 1,
    tensorGradNorms: { 'layers.0.U': loss / 3, 'layers.0.W': loss / 5, 'head.V': loss / 7 },
  };
}

export function epochRow(epoch: number, step: number, valAccuracy: number | null): EpochRow {
  return {
    epoch,
    step,
    wall: step * 0.01,
    trainLoss: 1 / epoch,
    trainAccuracy: 1 - 1 / (epoch + 1),
    valLoss: valAccuracy === null ? null : 1 - valAccuracy,
    valAccuracy,
    testLoss: null,
    testAccuracy: null,
    spectralNorms: [0.9 + epoch / 100, 1.1],
    temporalProfile: [
      [1, 0.5, 0.25],
      [2, 1, 0.5, 0.125],
    ],
  };
}
