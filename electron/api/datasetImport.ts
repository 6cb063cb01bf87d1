// Importing dataset files, whether the host reads them from disk (paths) or a browser uploads
// their text: NAME_TRAIN and NAME_TEST files are paired into one dataset, each dataset is
// parsed whole (training and test part) before anything is written, and every refusal names
// the file, the line and the reason.

import type { DatasetRecord } from '../../core/api/entities';
import type { ImportError, ImportOutcome } from '../../core/api/labResults';
import { alignLabels } from '../../core/data/alignLabels';
import type { DataError, DataResult } from '../../core/data/dataError';
import { dataFailure, formatDataError } from '../../core/data/dataError';
import { pairTrainTestFiles } from '../../core/data/formats/pairing';
import { parseDatasetFile } from '../../core/data/formats/parseDataset';
import type { MissingPolicy, ParsedDataset } from '../../core/data/formats/parserTypes';
import { DEFAULT_PARSE_OPTIONS } from '../../core/data/formats/parserTypes';
import { importSource } from '../cli/storeAccess';
import type { DataSource } from '../data/dataSource';
import { readDatasetFile } from '../data/readDatasetFile';
import type { LabStore } from '../store/labStore';

/** One file read and parsed; `source` is what the dataset records as where it came from. */
interface ParsedFile {
  fileName: string;
  source: string;
  parsed: ParsedDataset;
}

type ReadFile = (key: string) => Promise<DataResult<ParsedFile>>;

const CHUNK_CHARS = 1 << 20;

async function* chunksOf(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += CHUNK_CHARS) yield text.slice(i, i + CHUNK_CHARS);
}

export function importError(error: DataError): ImportError {
  const located: ImportError = { file: error.file, code: error.code, message: formatDataError(error) };
  if (error.line !== undefined) located.line = error.line;
  if (error.column !== undefined) located.column = error.column;
  if (error.field !== undefined) located.field = error.field;
  return located;
}

/** The training part with its test part checked against it and put in its class order. */
function combine(train: ParsedFile, test: ParsedFile | null): DataResult<DataSource> {
  const source: DataSource = {
    train: train.parsed.dataset,
    test: null,
    format: train.parsed.format,
    sources: [train.source],
    missingValues: { train: train.parsed.missingValues, test: 0 },
  };
  if (test === null) return { ok: true, value: source };
  const testSet = test.parsed.dataset;
  if (testSet.numFeatures !== source.train.numFeatures) {
    return dataFailure(
      'ragged',
      test.fileName,
      `has ${testSet.numFeatures} features per step; the training data (${train.fileName}) has ${source.train.numFeatures}`,
    );
  }
  const aligned = alignLabels(testSet, source.train.classLabels, test.fileName);
  if (!aligned.ok) return aligned;
  return {
    ok: true,
    value: {
      ...source,
      test: aligned.value,
      sources: [train.source, test.source],
      missingValues: { train: train.parsed.missingValues, test: test.parsed.missingValues },
    },
  };
}

async function importPairs(store: LabStore, keys: string[], read: ReadFile): Promise<ImportOutcome> {
  const imported: DatasetRecord[] = [];
  const errors: ImportError[] = [];
  for (const pair of pairTrainTestFiles(keys)) {
    const train = await read(pair.train);
    if (!train.ok) {
      errors.push(importError(train.error));
      continue;
    }
    const test = pair.test === null ? null : await read(pair.test);
    if (test !== null && !test.ok) {
      errors.push(importError(test.error));
      continue;
    }
    const source = combine(train.value, test === null ? null : test.value);
    if (!source.ok) {
      errors.push(importError(source.error));
      continue;
    }
    imported.push(importSource(store, source.value));
  }
  return { imported, errors };
}

/** Files on the host's disk, streamed into the parsers. */
export function importFiles(
  store: LabStore,
  paths: string[],
  missing: MissingPolicy,
): Promise<ImportOutcome> {
  return importPairs(store, [...new Set(paths)], async (path) => {
    const loaded = await readDatasetFile(path, { missing });
    if (!loaded.ok) return loaded;
    return {
      ok: true,
      value: { fileName: loaded.value.fileName, source: path, parsed: loaded.value.parsed },
    };
  });
}

/** Files a browser uploaded, by name; names are unique (the argument schema sees to it). */
export function importContent(
  store: LabStore,
  files: { name: string; text: string }[],
  missing: MissingPolicy,
): Promise<ImportOutcome> {
  const texts = new Map(files.map((file) => [file.name, file.text]));
  return importPairs(store, [...texts.keys()], async (name) => {
    const text = texts.get(name) ?? '';
    if (text.length === 0) return dataFailure('empty-file', name, 'the file is empty');
    const parsed = await parseDatasetFile(chunksOf(text), {
      fileName: name,
      missing,
      maxBytes: DEFAULT_PARSE_OPTIONS.maxBytes,
    });
    if (!parsed.ok) return parsed;
    return { ok: true, value: { fileName: name, source: name, parsed: parsed.value } };
  });
}
