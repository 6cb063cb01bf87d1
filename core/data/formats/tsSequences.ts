// The sequences of a .ts file as its rows are read: the reader's state, and the checks of
// each row's shape (against itself, the header and the first row) before it is kept.

import { dataFailure, type DataFailure } from '../dataError';
import { fillMissing } from './missingValues';
import type { MissingPolicy } from './parserTypes';
import type { TsHeader } from './tsHeader';
import { plural } from './tokens';

/** The rows read so far, and scratch space for the row being read. */
export interface RowReader {
  file: string;
  header: TsHeader;
  policy: MissingPolicy;
  sequences: Float64Array[];
  keys: string[];
  lines: number[];
  missingValues: number;
  /** Dimensions and length of the first row; -1 before it. */
  numFeatures: number;
  firstLength: number;
  /** The current row's values, dimension after dimension. */
  values: Float64Array;
  dimLengths: number[];
  /** 1-based column where each dimension of the current row starts. */
  dimColumns: number[];
  rowHasMissing: boolean;
}

export function newRowReader(file: string, header: TsHeader, policy: MissingPolicy): RowReader {
  return {
    file,
    header,
    policy,
    sequences: [],
    keys: [],
    lines: [],
    missingValues: 0,
    numFeatures: -1,
    firstLength: -1,
    values: new Float64Array(1024),
    dimLengths: [],
    dimColumns: [],
    rowHasMissing: false,
  };
}

/** Checks the row's shape against itself, the header and the first row, then keeps it. */
export function addSequence(r: RowReader, label: string, line: number): DataFailure | null {
  const { dimLengths } = r;
  const dims = dimLengths.length;
  const expected = expectedDimensions(r);
  if (expected !== null && dims !== expected.count) {
    const message = `the row has ${plural(dims, 'dimension')}; expected ${expected.count}, as ${expected.source}`;
    return dataFailure('ragged', r.file, message, { line });
  }
  const T = dimLengths[0];
  for (let d = 1; d < dims; d++) {
    if (dimLengths[d] !== T) {
      const message = `has ${plural(dimLengths[d], 'value')}; expected ${T}, as dimension 1 of this row (every dimension of a sequence has the same length)`;
      return dataFailure('ragged', r.file, message, {
        line,
        column: r.dimColumns[d],
        field: `dimension ${d + 1}`,
      });
    }
  }
  if (T === 0) {
    return dataFailure(
      'empty-sequence',
      r.file,
      'the row has no values; expected at least one value per dimension',
      {
        line,
      },
    );
  }
  const lengthFailure = checkLength(r, T, line);
  if (lengthFailure !== null) return lengthFailure;
  const sequence = new Float64Array(T * dims);
  for (let j = 0; j < dims; j++) {
    const base = j * T;
    for (let t = 0; t < T; t++) sequence[t * dims + j] = r.values[base + t];
  }
  if (r.rowHasMissing && r.policy !== 'refuse') r.missingValues += fillMissing(sequence, dims, r.policy);
  if (r.sequences.length === 0) {
    r.numFeatures = dims;
    r.firstLength = T;
  }
  r.sequences.push(sequence);
  r.keys.push(label);
  r.lines.push(line);
  return null;
}

function expectedDimensions(r: RowReader): { count: number; source: string } | null {
  const { header } = r;
  if (header.dimensions !== null) {
    return {
      count: header.dimensions,
      source: `@dimensions declares on line ${header.lineOf.get('dimensions')}`,
    };
  }
  if (header.univariate === true) {
    return { count: 1, source: `@univariate true declares on line ${header.lineOf.get('univariate')}` };
  }
  if (r.sequences.length === 0) return null;
  return { count: r.numFeatures, source: `in the first data row (line ${r.lines[0]})` };
}

function checkLength(r: RowReader, T: number, line: number): DataFailure | null {
  const { header } = r;
  if (header.seriesLength !== null && T !== header.seriesLength) {
    const source = `@seriesLength declares on line ${header.lineOf.get('seriesLength')}`;
    const message = `the sequence has length ${T}; expected ${header.seriesLength}, as ${source}`;
    return dataFailure('length-mismatch', r.file, message, { line });
  }
  if (header.equalLength === true && r.sequences.length > 0 && T !== r.firstLength) {
    const message =
      `the sequence has length ${T}, but the first data row (line ${r.lines[0]}) has length ${r.firstLength} ` +
      `and @equalLength true (line ${header.lineOf.get('equalLength')}) declares equal lengths`;
    return dataFailure('length-mismatch', r.file, message, { line });
  }
  return null;
}
