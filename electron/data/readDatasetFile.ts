// Reads a dataset file from disk by streaming it into the matching core parser.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Dataset } from '../../core/data/dataset';
import type { DataResult } from '../../core/data/dataError';
import { dataFailure } from '../../core/data/dataError';
import { parseDatasetJson } from '../../core/data/datasetJson';

export type DatasetFormat = 'json';

export interface LoadedDataset {
  dataset: Dataset;
  format: DatasetFormat;
  fileName: string;
}

export async function readDatasetFile(path: string): Promise<DataResult<LoadedDataset>> {
  const fileName = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return dataFailure('read-error', fileName, `${path} is not a file`);
  } catch (error) {
    return dataFailure(
      'read-error',
      fileName,
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension !== '.json') {
    return dataFailure(
      'unknown-format',
      fileName,
      `unknown format "${extension || '(no extension)'}"; expected .json`,
    );
  }
  try {
    const chunks = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    const result = await parseDatasetJson(chunks, fileName);
    return result.ok ? { ok: true, value: { dataset: result.value, format: 'json', fileName } } : result;
  } catch (error) {
    return dataFailure('read-error', fileName, `cannot read ${path}: ${(error as Error).message}`);
  }
}
