// The UCR archive's wide form (.tsv, .txt, .csv): one univariate sequence per line, the class
// label first, then the values, separated by tabs, commas or runs of whitespace, no header.
// Shorter sequences are padded with trailing NaN (or empty) cells so every line has as many
// cells as the first; that padding is trimmed, while a NaN before the last real value is a
// missing value.
//
// This file gathers the lines' sequences and builds the result; ucrLines.ts reads each line.

import { dataFailure } from '../dataError';
import { canonicalLabel } from './canonicalLabel';
import { datasetNameOf } from './datasetName';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import { fillMissing } from './missingValues';
import type { DatasetParser } from './parserTypes';
import { EXPECTED_LINE, UcrLineReader } from './ucrLines';

export const parseUcrFile: DatasetParser = async (chunks, options) => {
  const file = options.fileName;
  const reader = readLines(chunks, file, options.maxBytes);
  const lines = new UcrLineReader(file);
  const sequences: Float64Array[] = [];
  const labelKeys: string[] = [];
  const lineNumbers: number[] = [];
  let missingValues = 0;
  for await (const { text, number } of reader.lines) {
    if (text.trim() === '') continue;
    const read = lines.read(text, number);
    if (!read.ok) return read;
    const { label, sequence, firstMissing } = read.value;
    if (firstMissing >= 0) {
      if (options.missing === 'refuse') return lines.cellFailure('missing', text, number, firstMissing + 1);
      missingValues += fillMissing(sequence, 1, options.missing);
    }
    sequences.push(sequence);
    labelKeys.push(canonicalLabel(label));
    lineNumbers.push(number);
  }
  const failure = reader.failure();
  if (failure !== null) return failure;
  if (sequences.length === 0) {
    return dataFailure('empty-file', file, `the file is empty; expected ${EXPECTED_LINE}`);
  }
  const classes = indexLabels(labelKeys, null, file, (i) => lineNumbers[i]);
  if (!classes.ok) return classes;
  return {
    ok: true,
    value: {
      dataset: { name: datasetNameOf(file), numFeatures: 1, sequences, ...classes.value },
      format: 'ucr',
      missingValues,
      declaredClassLabels: null,
    },
  };
};
