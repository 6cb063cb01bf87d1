import { describe, expect, it } from 'vitest';
import type { DatasetRecord, RunRecord } from '../../../core/api/entities';
import { defaultTrainConfig } from '../../../core/train/defaults';
import {
  defaultDataset,
  defaultSource,
  describeArchitecture,
  fileChoices,
  incompatibility,
  parseSourceKey,
  runChoices,
  sequenceCount,
  sourceKey,
} from '../../../renderer/src/sequence/modelChoices';

function run(id: number, status: RunRecord['status'], name = ''): RunRecord {
  return {
    id,
    datasetId: 1,
    experimentId: null,
    name,
    config: { ...defaultTrainConfig, cell: 'highway', numLayers: 2, hiddenSize: 24 },
    seed: 1,
    status,
    error: null,
    createdAt: '',
    startedAt: null,
    endedAt: null,
    summary: {
      epochs: 0,
      steps: 0,
      bestValAccuracy: null,
      bestEpoch: null,
      finalTestAccuracy: null,
      finalTrainLoss: null,
      divergedAtStep: null,
      seconds: null,
    },
  };
}

function dataset(
  id: number,
  numFeatures: number,
  testSequences: number | null,
  fingerprint = `f${id}`,
): DatasetRecord {
  return {
    id,
    name: `d${id}`,
    format: 'builtin',
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
    createdAt: '',
  };
}

describe('the models the sequence screen offers', () => {
  it('keys a source and reads the key back', () => {
    expect(sourceKey({ kind: 'run', runId: 7 })).toBe('run:7');
    expect(parseSourceKey('run:7')).toEqual({ kind: 'run', runId: 7 });
    expect(parseSourceKey('file:a:b.json')).toEqual({ kind: 'file', name: 'a:b.json' });
    expect(parseSourceKey('run:x')).toBeNull();
    expect(parseSourceKey('file:')).toBeNull();
    expect(parseSourceKey('')).toBeNull();
  });

  it('lists the finished runs, newest first, with their architecture and dataset', () => {
    const runs = [run(1, 'completed', 'first'), run(2, 'running'), run(3, 'stopped'), run(4, 'queued')];
    const choices = runChoices(runs, new Map([[1, 'temporal-order']]));
    expect(choices.map((c) => c.label)).toEqual([
      '#3: highway tanh, 2 x 24, temporal-order (stopped)',
      '#1 first: highway tanh, 2 x 24, temporal-order',
    ]);
    expect(fileChoices([{ name: 'm.json' }])).toEqual([
      { key: 'file:m.json', label: 'm.json', source: { kind: 'file', name: 'm.json' } },
    ]);
    expect(
      describeArchitecture({
        cell: 'elman',
        activation: 'relu',
        numLayers: 3,
        hiddenSize: 8,
        residual: true,
      }),
    ).toBe('elman relu, 3 x 8, residual');
  });

  it('starts with the run in the address, else the newest completed run, else an opened file', () => {
    const runs = [run(1, 'completed'), run(2, 'completed'), run(3, 'diverged'), run(4, 'running')];
    expect(defaultSource(runs, [], 1)).toEqual({ kind: 'run', runId: 1 });
    expect(defaultSource(runs, [], 4)).toEqual({ kind: 'run', runId: 2 });
    expect(defaultSource(runs, [])).toEqual({ kind: 'run', runId: 2 });
    expect(defaultSource([run(3, 'diverged')], [])).toEqual({ kind: 'run', runId: 3 });
    expect(defaultSource([run(4, 'running')], [{ name: 'm.json' }])).toEqual({
      kind: 'file',
      name: 'm.json',
    });
    expect(defaultSource([], [])).toBeNull();
  });

  it('starts with a dataset the model can read: the run’s own, the one it was trained on, or the first', () => {
    const all = [dataset(1, 6, 40), dataset(2, 1, null, 'trained'), dataset(3, 1, 10)];
    expect(defaultDataset(all, 6, 1)?.id).toBe(1);
    expect(defaultDataset(all, 1, undefined, 'trained')?.id).toBe(2);
    expect(defaultDataset(all, 1, 1)?.id).toBe(2);
    expect(defaultDataset(all, 3)).toBeNull();
    expect(incompatibility(all[0], 1)).toBe('6 features per step; the model reads 1');
    expect(incompatibility(all[0], 6)).toBeNull();
    expect(sequenceCount(all[0], 'test')).toBe(40);
    expect(sequenceCount(all[1], 'test')).toBe(0);
    expect(sequenceCount(all[1], 'train')).toBe(100);
  });
});
