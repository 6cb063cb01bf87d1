// The UEA/UCR archive's .ts format, as sktime and aeon write it: `#` comments, a header of
// `@key value` lines, `@data`, then one row per sequence with its dimensions separated by
// ':', the values of a dimension by ',' and the class label after the last ':'. `?` (or NaN)
// is a missing value. `@timeStamps true` rows hold `(timestamp,value)` pairs: they are read
// too, taking the values in the order written and dropping the timestamps, because a
// sequence here is a plain run of steps (an irregular sampling is not modelled).
//
// This file walks the lines and builds the result; tsHeader.ts reads the header, tsRows.ts
// the data rows and tsSequences.ts checks and keeps each row's sequence.

import type { Dataset } from '../dataset';
import { dataFailure, type DataResult } from '../dataError';
import { skipSpace } from '../charCodes';
import { datasetNameOf } from './datasetName';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import type { DatasetParser, ParsedDataset } from './parserTypes';
import { showToken } from './tokens';
import { checkHeader, emptyHeader, firstToken, readHeaderLine } from './tsHeader';
import { readRow } from './tsRows';
import { newRowReader, type RowReader } from './tsSequences';

const HASH = 0x23;
const AT = 0x40;

/**
 * The classes keep @classLabel's declared order; without @classLabel every row still ends in
 * its label and the classes take indexLabels' natural order. @classLabel false (unlabelled)
 * and @targetLabel true (regression) are refused: a lab of classifiers cannot train on them.
 */
export const parseTsFile: DatasetParser = async (chunks, options) => {
  const file = options.fileName;
  const reader = readLines(chunks, file, options.maxBytes);
  const header = emptyHeader();
  let rows: RowReader | null = null;
  let sawContent = false;
  for await (const { text, number: line } of reader.lines) {
    const start = skipSpace(text, 0, text.length);
    if (start === text.length) continue;
    const first = text.charCodeAt(start);
    if (first === HASH) continue;
    sawContent = true;
    if (rows === null) {
      if (first !== AT) {
        const row = showToken(text.slice(start));
        const expected = 'expected header lines (@key value) and comments (#), then @data, then the rows';
        return dataFailure('missing-field', file, `is missing before the data row ${row}; ${expected}`, {
          line,
          field: '@data',
        });
      }
      const failure = readHeaderLine(header, text, line, file);
      if (failure !== null) return failure;
      if (header.lineOf.has('data')) {
        const contradiction = checkHeader(header, file);
        if (contradiction !== null) return contradiction;
        rows = newRowReader(file, header, options.missing);
      }
      continue;
    }
    if (first === AT) {
      const key = firstToken(text, start);
      const message = `comes after @data (line ${header.lineOf.get('data')}); expected header lines before @data`;
      return dataFailure('bad-field', file, message, {
        line,
        column: start + 1,
        field: showToken(key, false),
      });
    }
    const failure = readRow(rows, text, start, line);
    if (failure !== null) return failure;
  }
  const failure = reader.failure();
  if (failure !== null) return failure;
  const expectedFile =
    'expected a .ts header (@problemName, @classLabel, ...), @data and one row per sequence';
  if (!sawContent)
    return dataFailure('empty-file', file, `the file has no header and no data; ${expectedFile}`);
  if (rows === null) {
    const expected = 'expected the header to end with @data and one row per sequence to follow';
    return dataFailure('missing-field', file, `is missing; ${expected}`, { field: '@data' });
  }
  return finish(rows);
};

function finish(r: RowReader): DataResult<ParsedDataset> {
  if (r.sequences.length === 0) {
    const message = `the file has no data rows after @data; expected one row per sequence`;
    return dataFailure('no-sequences', r.file, message, { line: r.header.lineOf.get('data') });
  }
  const classes = indexLabels(r.keys, r.header.classLabels, r.file, (i) => r.lines[i]);
  if (!classes.ok) return classes;
  const dataset: Dataset = {
    // @problemName, else the file's name.
    name: r.header.problemName ?? datasetNameOf(r.file),
    numFeatures: r.numFeatures,
    classLabels: classes.value.classLabels,
    sequences: r.sequences,
    labels: classes.value.labels,
  };
  return {
    ok: true,
    value: {
      dataset,
      format: 'ts',
      missingValues: r.missingValues,
      declaredClassLabels: r.header.classLabels,
    },
  };
}
