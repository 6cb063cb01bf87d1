// Turns what a user names as data (`builtin:NAME?...` or a file, with an optional test file)
// into a training set and an optional test set. A NAME_TRAIN file brings its NAME_TEST
// sibling along when no test file is named.

import { access } from 'node:fs/promises';
import { alignLabels } from '../../core/data/alignLabels';
import type { Dataset } from '../../core/data/dataset';
import type { DataResult } from '../../core/data/dataError';
import { dataFailure } from '../../core/data/dataError';
import { testPartnerOf } from '../../core/data/formats/pairing';
import { BUILTIN_PREFIX, generateBuiltin, parseBuiltinSpec } from '../../core/data/synthetic/index';
import type { ReadOptions } from './readDatasetFile';
import { readDatasetFile } from './readDatasetFile';

export interface DataSource {
  train: Dataset;
  test: Dataset | null;
  /** 'builtin' or the file format. */
  format: string;
  /** The files (or the builtin spec) the data came from, training first. */
  sources: string[];
  /** Missing values filled in the training and test files. */
  missingValues: { train: number; test: number };
}

export interface SourceOptions extends ReadOptions {
  /** An explicit test file. */
  test?: string;
  /** Look for NAME_TEST beside NAME_TRAIN when no test file is given (default true). */
  pairTest?: boolean;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function loadDataSource(
  data: string,
  options: SourceOptions = {},
): Promise<DataResult<DataSource>> {
  let source: DataSource;
  if (data.startsWith(BUILTIN_PREFIX)) {
    const spec = parseBuiltinSpec(data);
    if (!spec.ok) return spec;
    const generated = generateBuiltin(spec.value);
    source = {
      train: generated.train,
      test: generated.test,
      format: 'builtin',
      sources: [data],
      missingValues: { train: 0, test: 0 },
    };
  } else {
    const loaded = await readDatasetFile(data, options);
    if (!loaded.ok) return loaded;
    const { parsed } = loaded.value;
    source = {
      train: parsed.dataset,
      test: null,
      format: parsed.format,
      sources: [data],
      missingValues: { train: parsed.missingValues, test: 0 },
    };
  }
  let testPath = options.test;
  if (testPath === undefined && options.pairTest !== false && source.format !== 'builtin') {
    const partner = testPartnerOf(data);
    if (partner && (await exists(partner))) testPath = partner;
  }
  if (testPath === undefined) return { ok: true, value: source };

  const test = await readDatasetFile(testPath, options);
  if (!test.ok) return test;
  const testSet = test.value.parsed.dataset;
  if (testSet.numFeatures !== source.train.numFeatures) {
    return dataFailure(
      'ragged',
      test.value.fileName,
      `has ${testSet.numFeatures} features per step; the training data has ${source.train.numFeatures}`,
    );
  }
  const aligned = alignLabels(testSet, source.train.classLabels, test.value.fileName);
  if (!aligned.ok) return aligned;
  return {
    ok: true,
    value: {
      ...source,
      test: aligned.value,
      sources: [...source.sources, testPath],
      missingValues: { ...source.missingValues, test: test.value.parsed.missingValues },
    },
  };
}
