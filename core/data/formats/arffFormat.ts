// Weka ARFF (.arff) as the UEA/UCR time series archive publishes it, read line by line.
//
// Univariate: one numeric attribute (numeric, real, integer) per time step and a nominal
// class; one comma-separated row per sequence. Multivariate: one relational attribute and
// the class; each row's relational value is a quoted string with one line of values per
// dimension, the lines split by the escape \n (as the archive writes them) or by real line
// breaks. The relational attribute's inner attributes count the time steps (BasicMotions
// declares att0..att99 and has 6 dimensions), so every dimension of every row must have as
// many values as there are inner attributes, and the number of dimensions comes from the
// first data row.
//
// The class attribute is the last one named `class` or `target` (any case) when there is
// one, otherwise the last attribute; it must be nominal, and its list fixes the class order.
// Shorter sequences are padded with ? at the end, so the ? at the end common to every
// dimension is dropped; any other ? is a missing value, refused or filled per
// ParseOptions.missing. Rows are dense (sparse {index value} rows are refused), values are
// separated by commas only and trimmed, and % outside quotes starts a comment, as in Weka.
//
// This file walks the lines, joining a row's lines while a quote is open, and builds the
// result; arffHeader.ts reads the header, arffLayout.ts decides what the attributes mean,
// arffRows.ts reads the rows and arffQuoting.ts splits values as Weka does.

import { dataFailure } from '../dataError';
import { type ArffHeader, readHeaderLine } from './arffHeader';
import { planLayout } from './arffLayout';
import { isBlankOrComment, scanQuotes } from './arffQuoting';
import { type Collected, type Context, type Row, readRow } from './arffRows';
import { baseNameOf, fileStemOf, withoutSplitSuffix } from './datasetName';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import type { DatasetParser } from './parserTypes';

export const parseArffFile: DatasetParser = async (chunks, options) => {
  const file = options.fileName;
  const reader = readLines(chunks, file, options.maxBytes);
  const header: ArffHeader = { relation: null, attributes: [], open: null };
  const out: Collected = { sequences: [], keys: [], lines: [], missing: 0, numFeatures: 0, firstRowLine: 0 };
  let context: Context | null = null;
  let dataLine = 0;
  let lastLine = 0;
  let sawText = false;
  let pending: Row | null = null;
  let quote = '';
  for await (const { text, number } of reader.lines) {
    lastLine = number;
    if (context === null) {
      sawText ||= text.trim() !== '';
      const step = readHeaderLine(text, number, header, file);
      if (step === null) continue;
      if (step !== 'data') return step;
      const layout = planLayout(header, number, file);
      if (!layout.ok) return layout;
      context = { file, policy: options.missing, layout: layout.value, out };
      dataLine = number;
    } else {
      if (pending === null) {
        if (isBlankOrComment(text)) continue;
        pending = { text, line: number, lineStarts: [0] };
        quote = scanQuotes(text, 0, '', false).quote;
      } else {
        const from = pending.text.length + 1;
        pending.text += `\n${text}`;
        pending.lineStarts.push(from);
        quote = scanQuotes(pending.text, from, quote, false).quote;
      }
      if (quote !== '') continue;
      const problem = readRow(pending, context);
      pending = null;
      if (problem !== null) return problem;
    }
  }
  const failure = reader.failure();
  if (failure !== null) return failure;
  if (context === null) {
    if (!sawText) {
      return dataFailure(
        'empty-file',
        file,
        'the file is empty; expected an ARFF header (@relation, @attribute lines, @data) and rows',
      );
    }
    return dataFailure(
      'missing-field',
      file,
      'the file ends without a @data line; expected @attribute lines, then @data and one row per sequence',
      { line: lastLine },
    );
  }
  if (pending !== null) {
    // Still inside a quote at the end: readRow reports where it opened.
    const problem = readRow(pending, context);
    if (problem !== null) return problem;
  }
  if (out.sequences.length === 0) {
    return dataFailure(
      'no-sequences',
      file,
      'there are no data rows after @data; expected one row per sequence',
      { line: dataLine },
    );
  }
  const classAttribute = context.layout.attributes[context.layout.classIndex];
  const classes = indexLabels(out.keys, classAttribute.values, file, (i) => out.lines[i]);
  if (!classes.ok) return classes;
  const name =
    header.relation !== null && header.relation.trim() !== '' ? header.relation : nameFromFile(file);
  return {
    ok: true,
    value: {
      dataset: { name, numFeatures: out.numFeatures, sequences: out.sequences, ...classes.value },
      format: 'arff',
      missingValues: out.missing,
      declaredClassLabels: [...classAttribute.values],
    },
  };
};

/**
 * `data/ArrowHead_TRAIN.arff` gives `ArrowHead`. Unlike datasetNameOf, a name that would be
 * empty falls back to the whole file name (`_TRAIN.arff`).
 */
function nameFromFile(file: string): string {
  return withoutSplitSuffix(fileStemOf(file)) || baseNameOf(file);
}
