// Shared harness for the dataset parser tests (test/core/data/formats/*.test.ts and the
// dataset JSON properties): feeding text to a parser in chunks, parsing with test defaults,
// unwrapping results, asserting that an error names the file, the line and the reason,
// locating the optional ../shared/datasets archive, and the fast-check chunking arbitrary.

import fc from 'fast-check';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { formatDataError, type DataErrorCode, type DataResult } from '../../core/data/dataError';
import type {
  DatasetParser,
  LongCsvColumns,
  MissingPolicy,
  ParsedDataset,
} from '../../core/data/formats/parserTypes';

/** Chunk sizes the hand-written fixtures are read in: single characters up to the whole file. */
export const CHUNK_SIZES = [1, 2, 3, 7, 64, 1 << 20];

/** The text in chunks of `size` characters. */
export async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Chunks of the given sizes in turn, so a property can split the text anywhere. */
export async function* chunksBySizes(text: string, sizes: number[]): AsyncGenerator<string> {
  for (let i = 0, k = 0; i < text.length; k++) {
    const size = sizes[k % sizes.length];
    yield text.slice(i, i + size);
    i += size;
  }
}

/** Chunk sizes for chunksBySizes, for fast-check properties. */
export const chunkSizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 });

export interface HarnessOptions {
  fileName?: string;
  missing?: MissingPolicy;
  maxBytes?: number;
  chunkSize?: number;
  /** Long CSV only. */
  columns?: LongCsvColumns;
}

/** The value of an ok result; otherwise throws with the formatted error. */
export function unwrap<T>(result: DataResult<T>): T {
  if (!result.ok) throw new Error(formatDataError(result.error));
  return result.value;
}

/**
 * parse, parseOk and expectError for one parser. Defaults: chunks of 5 characters, the file
 * named `defaultFileName`, missing values refused, at most 1 MiB.
 */
export function parserHarness(parser: DatasetParser, defaultFileName: string) {
  function parse(text: string, options: HarnessOptions = {}): Promise<DataResult<ParsedDataset>> {
    return parser(chunksOf(text, options.chunkSize ?? 5), {
      fileName: options.fileName ?? defaultFileName,
      missing: options.missing ?? 'refuse',
      maxBytes: options.maxBytes ?? 1024 * 1024,
      ...(options.columns === undefined ? {} : { columns: options.columns }),
    });
  }

  async function parseOk(text: string, options: HarnessOptions = {}): Promise<ParsedDataset> {
    return unwrap(await parse(text, options));
  }

  /** Parses, expects the error `code` at `line` (null: none) with `reason` in the message. */
  async function expectError(
    text: string,
    code: DataErrorCode,
    line: number | null,
    reason: string,
    options: HarnessOptions = {},
  ): Promise<string> {
    const result = await parse(text, options);
    expect(result.ok).toBe(false);
    if (result.ok) return '';
    const message = formatDataError(result.error);
    expect(result.error.code).toBe(code);
    expect(message.startsWith(options.fileName ?? defaultFileName)).toBe(true);
    expect(result.error.line).toBe(line ?? undefined);
    if (line !== null) expect(message).toContain(`line ${line}`);
    expect(message).toContain(reason);
    return message;
  }

  return { parse, parseOk, expectError };
}

/** The real archive files: $RNN_LAB_SHARED_DATASETS, or ../shared/datasets beside the repository. */
export const sharedDatasets =
  process.env.RNN_LAB_SHARED_DATASETS ?? resolve(__dirname, '../../../shared/datasets');

/** The suite name when the archive is absent, saying why its tests are skipped. */
export const ARCHIVE_ABSENT_REASON =
  '../shared/datasets is absent: the real archive files are third-party data and are not in the repository';
