// What the lab API contract suite works on: the tiny training configuration, a built-in
// task, dataset files to import (a TRAIN/TEST pair, a broken file, a pair with a broken half)
// and the malformed calls every transport must refuse the same way.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TrainConfig } from '../../../core/train/config';
import { defaultTrainConfig } from '../../../core/train/defaults';
import { repoRoot, tempDir } from '../../helpers/runLab';

export const TINY_SPEC = 'builtin:temporal-order?T=10&n=80&nTest=40';
export const TREND_FIXTURE = resolve(repoRoot, 'test/fixtures/datasets/trend.json');
export const BAD_JSON = '{\n  "sequences": [\n    [[1, 2]], oops\n  ],\n  "labels": ["a"]\n}\n';

export function tinyConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return { ...defaultTrainConfig, hiddenSize: 8, epochs: 2, ...overrides };
}

/** trend_TRAIN/trend_TEST (a pair), bad.json, and a pair whose test half is broken. */
export function writeImportFiles(): string {
  const dir = tempDir('rnn-lab-import-');
  copyFileSync(TREND_FIXTURE, join(dir, 'trend_TRAIN.json'));
  copyFileSync(TREND_FIXTURE, join(dir, 'trend_TEST.json'));
  writeFileSync(join(dir, 'bad.json'), BAD_JSON);
  copyFileSync(TREND_FIXTURE, join(dir, 'broken_TRAIN.json'));
  writeFileSync(join(dir, 'broken_TEST.json'), BAD_JSON);
  return dir;
}

/** [method, args, the field the refusal must name]. */
export function malformedCalls(datasetId: number): [string, unknown, string][] {
  return [
    ['datasets.get', { id: 'x' }, 'id'],
    ['datasets.get', {}, 'id'],
    ['datasets.get', { id: 1, extra: true }, 'extra'],
    ['datasets.list', 'all', '(arguments)'],
    ['runs.create', { datasetId }, 'config'],
    ['runs.create', { datasetId, config: tinyConfig({ hiddenSize: 0 }) }, 'config.hiddenSize'],
    ['metrics.series', { runIds: [1.5], metrics: ['loss'] }, 'runIds[0]'],
    [
      'datasets.importContent',
      {
        files: [
          { name: 'a.json', text: '' },
          { name: 'a.json', text: '' },
        ],
      },
      'files[1].name',
    ],
    ['no.such.method', {}, 'method'],
  ];
}
