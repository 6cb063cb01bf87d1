// Reads a dataset file from disk by streaming it into the core parser for its format.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DataResult } from '../../core/data/dataError';
import { dataFailure } from '../../core/data/dataError';
import { parseDatasetFile } from '../../core/data/formats/parseDataset';
import type { DatasetFormat, MissingPolicy, ParsedDataset } from '../../core/data/formats/parserTypes';
import { DEFAULT_PARSE_OPTIONS } from '../../core/data/formats/parserTypes';

export interface ReadOptions {
  missing?: MissingPolicy;
  maxBytes?: number;
  /** Skip detection and use this format. */
  format?: DatasetFormat;
}

export interface LoadedFile {
  parsed: ParsedDataset;
  fileName: string;
  path: string;
}

export async function readDatasetFile(
  path: string,
  options: ReadOptions = {},
): Promise<DataResult<LoadedFile>> {
  const fileName = basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_PARSE_OPTIONS.maxBytes;
  try {
    const info = await stat(path);
    if (!info.isFile()) return dataFailure('read-error', fileName, `${path} is not a file`);
    if (info.size === 0) return dataFailure('empty-file', fileName, 'the file is empty');
  } catch (error) {
    return dataFailure(
      'read-error',
      fileName,
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const chunks = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    const result = await parseDatasetFile(
      chunks,
      { fileName, missing: options.missing ?? DEFAULT_PARSE_OPTIONS.missing, maxBytes },
      options.format,
    );
    return result.ok ? { ok: true, value: { parsed: result.value, fileName, path } } : result;
  } finally {
    chunks.destroy();
  }
}
