// One entry for every dataset file: detect the format from the name and the first
// kilobytes, then stream the whole text into that format's parser.

import { parseDatasetJson } from '../datasetJson';
import type { DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { parseArffFile } from './arffFormat';
import { detectFormat } from './detectFormat';
import { parseLongCsvFile } from './longCsvFormat';
import type { DatasetFormat, DatasetParser, ParsedDataset, ParseOptions } from './parserTypes';
import { parseTsFile } from './tsFormat';
import { parseUcrFile } from './ucrFormat';

const HEAD_CHARS = 16 * 1024;

const parseJson: DatasetParser = async (chunks, options) => {
  const result = await parseDatasetJson(chunks, options.fileName, { maxBytes: options.maxBytes });
  if (!result.ok) return result;
  return {
    ok: true,
    value: { dataset: result.value, format: 'json', missingValues: 0, declaredClassLabels: null },
  };
};

const parsers: Record<DatasetFormat, DatasetParser> = {
  ts: parseTsFile,
  arff: parseArffFile,
  ucr: parseUcrFile,
  'long-csv': parseLongCsvFile,
  json: parseJson,
};

/** Reads enough chunks to see the head, then gives back an iterable of the whole text. */
async function peek(chunks: AsyncIterable<string>): Promise<{ head: string; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let length = 0;
  let done = false;
  while (length < HEAD_CHARS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncGenerator<string> {
    yield* buffered;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: buffered.join('').slice(0, HEAD_CHARS), all: all() };
}

export async function parseDatasetFile(
  chunks: AsyncIterable<string>,
  options: ParseOptions,
  format?: DatasetFormat,
): Promise<DataResult<ParsedDataset>> {
  let peeked: { head: string; all: AsyncIterable<string> };
  try {
    peeked = await peek(chunks);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return dataFailure('read-error', options.fileName, `the file could not be read: ${reason}`);
  }
  if (format === undefined) {
    const detected = detectFormat(options.fileName, peeked.head);
    if (!detected.ok) return detected;
    format = detected.value;
  }
  return parsers[format](peeked.all, options);
}
