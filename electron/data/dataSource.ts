// Turns what a user names as data (`builtin:NAME?...` or a file, with an optional test file)
// into a training set and an optional test set.

import type { Dataset } from '../../core/data/dataset';
import { alignLabels } from '../../core/data/alignLabels';
import type { DataResult } from '../../core/data/dataError';
import { dataFailure } from '../../core/data/dataError';
import { BUILTIN_PREFIX, generateBuiltin, parseBuiltinSpec } from '../../core/data/synthetic/index';
import { readDatasetFile } from './readDatasetFile';

export interface DataSource {
  train: Dataset;
  test: Dataset | null;
  /** 'builtin' or the file format. */
  format: string;
  /** The files (or the builtin spec) the data came from. */
  sources: string[];
}

export async function loadDataSource(data: string, testPath?: string): Promise<DataResult<DataSource>> {
  let source: DataSource;
  if (data.startsWith(BUILTIN_PREFIX)) {
    const spec = parseBuiltinSpec(data);
    if (!spec.ok) return spec;
    const generated = generateBuiltin(spec.value);
    source = { train: generated.train, test: generated.test, format: 'builtin', sources: [data] };
  } else {
    const loaded = await readDatasetFile(data);
    if (!loaded.ok) return loaded;
    source = { train: loaded.value.dataset, test: null, format: loaded.value.format, sources: [data] };
  }
  if (testPath === undefined) return { ok: true, value: source };
  const test = await readDatasetFile(testPath);
  if (!test.ok) return test;
  const aligned = alignLabels(test.value.dataset, source.train.classLabels, test.value.fileName);
  if (!aligned.ok) return aligned;
  if (aligned.value.numFeatures !== source.train.numFeatures) {
    return dataFailure(
      'ragged',
      test.value.fileName,
      `has ${aligned.value.numFeatures} features per step; the training data has ${source.train.numFeatures}`,
    );
  }
  return { ok: true, value: { ...source, test: aligned.value, sources: [...source.sources, testPath] } };
}
