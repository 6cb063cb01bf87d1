// Datasets keep their data bit for bit, are not stored twice, and cannot be deleted under runs.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../core/data/dataset';
import { datasetFingerprint } from '../../../core/data/fingerprint';
import { config, insertDataset, makeDataset, openTempStore } from './storeFixtures';
import type { TempStore } from './storeFixtures';

function bytes(array: Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function expectSameBits(actual: Dataset, expected: Dataset): void {
  expect(actual.name).toBe(expected.name);
  expect(actual.numFeatures).toBe(expected.numFeatures);
  expect(actual.classLabels).toEqual(expected.classLabels);
  expect(bytes(actual.labels).equals(bytes(expected.labels))).toBe(true);
  expect(actual.sequences).toHaveLength(expected.sequences.length);
  actual.sequences.forEach((s, i) => expect(bytes(s).equals(bytes(expected.sequences[i]))).toBe(true));
}

let t: TempStore;
beforeEach(() => (t = openTempStore()));
afterEach(() => t.dispose());

describe('DatasetRepository', () => {
  it('gives back the training and test parts bit for bit, lengths unequal', () => {
    const train = makeDataset('train', [1, 7, 3, 12, 2], 3, ['up', 'down', 'flat']);
    // Values a text round trip could lose: -0, subnormals, extremes, a NaN payload.
    train.sequences[1][0] = -0;
    train.sequences[1][1] = 5e-324;
    train.sequences[1][2] = Number.MAX_VALUE;
    train.sequences[3][4] = 0.1 + 0.2;
    const payload = new DataView(train.sequences[3].buffer);
    payload.setUint32(8, 0xdeadbeef, true);
    payload.setUint32(12, 0x7ff81234, true);
    expect(train.sequences[3][1]).toBeNaN();
    const test = makeDataset('test', [4, 9], 3, ['up', 'down', 'flat']);
    const record = t.store.datasets.insert({
      name: 'motion',
      format: 'ts',
      sources: ['motion_TRAIN.ts', 'motion_TEST.ts'],
      fingerprint: datasetFingerprint(train),
      train,
      test,
      missingValues: 3,
    });

    const loaded = t.store.datasets.loadData(record.id);
    if (loaded === null) throw new Error('no data');
    expectSameBits(loaded.train, train);
    if (loaded.test === null) throw new Error('no test part');
    expectSameBits(loaded.test, test);
    expect(datasetFingerprint(loaded.train)).toBe(record.fingerprint);
    expect(loaded.train.sequences[0].buffer).not.toBe(loaded.train.sequences[1].buffer);
  });

  it('records the shape at a glance', () => {
    const test = makeDataset('t', [2, 2]);
    const record = insertDataset(t.store, 'waves', test);
    expect(record).toMatchObject({
      name: 'waves',
      format: 'json',
      sources: ['waves.json'],
      numSequences: 4,
      numFeatures: 2,
      classLabels: ['a', 'b'],
      classCounts: [2, 2],
      minLength: 3,
      maxLength: 8,
      testSequences: 2,
      missingValues: 0,
    });
    expect(t.store.datasets.get(record.id)).toEqual(record);
    expect(t.store.datasets.list()).toEqual([record]);
    expect(t.store.datasets.get(999)).toBeNull();
    expect(t.store.datasets.loadData(999)).toBeNull();
  });

  it('returns the existing record for the same data instead of inserting twice', () => {
    const first = insertDataset(t.store, 'waves');
    const again = insertDataset(t.store, 'waves');
    expect(again.id).toBe(first.id);
    const withTest = insertDataset(t.store, 'waves', makeDataset('t', [3]));
    expect(withTest.id).not.toBe(first.id);
    expect(insertDataset(t.store, 'waves', makeDataset('t', [3])).id).toBe(withTest.id);
    expect(t.store.datasets.list()).toHaveLength(2);
  });

  it('refuses to delete a dataset that runs use, and deletes it once they are gone', () => {
    const dataset = insertDataset(t.store);
    const run = t.store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: 'r',
      config: config(),
    });
    const refused = t.store.datasets.delete(dataset.id);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('in-use');
    expect(!refused.ok && refused.error.message).toContain('1 run');

    expect(t.store.runs.delete(run.id).ok).toBe(true);
    expect(t.store.datasets.delete(dataset.id).ok).toBe(true);
    expect(t.store.datasets.get(dataset.id)).toBeNull();
    expect(t.store.datasets.loadData(dataset.id)).toBeNull();
    const missing = t.store.datasets.delete(dataset.id);
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });
});
