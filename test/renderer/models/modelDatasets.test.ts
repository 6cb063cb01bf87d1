// Which datasets an opened model can be tried on, and which part by default.

import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../core/api/entities';
import type { Architecture } from '../../../core/model/architecture';
import { datasetsForModel, preferredSplit, splitSize } from '../../../renderer/src/models/modelDatasets';

function dataset(
  id: number,
  numFeatures: number,
  fingerprint: string,
  testSequences: number | null,
): DatasetRecord {
  return {
    id,
    name: `d${id}`,
    format: 'json',
    sources: [],
    fingerprint,
    numSequences: 100,
    numFeatures,
    classLabels: ['a', 'b'],
    classCounts: [50, 50],
    minLength: 5,
    maxLength: 5,
    testSequences,
    missingValues: 0,
    createdAt: '2026-01-01T00:00:00Z',
  };
}

const architecture: Architecture = {
  inputSize: 3,
  hiddenSize: 8,
  numClasses: 2,
  numLayers: 1,
  cell: 'elman',
  activation: 'tanh',
  residual: false,
};

describe('datasetsForModel', () => {
  it('keeps the datasets with the model’s input size, the one it was trained on first', () => {
    const all = [dataset(1, 3, 'aaa', null), dataset(2, 4, 'bbb', 10), dataset(3, 3, 'ccc', 10)];
    const fitting = datasetsForModel(all, { architecture, provenance: { datasetFingerprint: 'ccc' } });
    expect(fitting.map((d) => d.id)).toEqual([3, 1]);
  });

  it('keeps the lab’s order when the model names no dataset', () => {
    const all = [dataset(1, 3, 'aaa', null), dataset(3, 3, 'ccc', 10)];
    expect(datasetsForModel(all, { architecture, provenance: {} }).map((d) => d.id)).toEqual([1, 3]);
  });
});

describe('parts', () => {
  it('counts the sequences of a part, zero for a missing test part', () => {
    expect(splitSize(dataset(1, 3, 'a', 40), 'test')).toBe(40);
    expect(splitSize(dataset(1, 3, 'a', null), 'test')).toBe(0);
    expect(splitSize(dataset(1, 3, 'a', null), 'train')).toBe(100);
  });

  it('prefers the test part when there is one', () => {
    expect(preferredSplit(dataset(1, 3, 'a', 40))).toBe('test');
    expect(preferredSplit(dataset(1, 3, 'a', null))).toBe('train');
  });
});
