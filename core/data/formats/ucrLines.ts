// One line of the UCR wide form: the separator (fixed by the first line), the cells, the
// class label first and the values after it, with the trailing NaN padding trimmed and a
// first line that is a header refused.

import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { isMissingLabel } from './canonicalLabel';
import { readNumberCell, type CellProblem } from './decimal';
import { refusedMissingValue } from './missingValues';
import { showCell } from './tokens';

type Separator = 'tab' | 'comma' | 'whitespace';

const SEPARATOR_NAMES: Record<Separator, string> = {
  tab: 'tabs',
  comma: 'commas',
  whitespace: 'spaces',
};

export const EXPECTED_LINE = 'one sequence per line: the class label, then the values';

interface UcrLine {
  label: string;
  /** Trailing padding trimmed; missing values inside are NaN. */
  sequence: Float64Array;
  /** Index of the first missing value, -1 when there is none. */
  firstMissing: number;
}

/** Reads one non-blank line, holding what the first line fixed: the separator and the width. */
export class UcrLineReader {
  private separator: Separator | null = null;
  private firstLine = 0;
  private width = 0;

  constructor(private readonly file: string) {}

  read(text: string, line: number): DataResult<UcrLine> {
    const file = this.file;
    const separator: Separator = separatorOf(text) ?? this.separator ?? 'whitespace';
    if (this.separator === null) {
      this.separator = separator;
      this.firstLine = line;
    } else if (separator !== this.separator) {
      const message =
        `the values are separated by ${SEPARATOR_NAMES[separator]}, but on line ${this.firstLine} by ` +
        `${SEPARATOR_NAMES[this.separator]}; expected one separator throughout the file`;
      return dataFailure('ragged', file, message, { line });
    }
    const cells = splitCells(text, separator);
    if (line === this.firstLine) {
      this.width = cells.length;
      const header = headerFailure(cells, file, line);
      if (header !== null) return header;
    } else if (cells.length !== this.width) {
      const message =
        `the line has ${cells.length} cells, but line ${this.firstLine} has ${this.width}; expected the ` +
        'same number on every line (shorter sequences are padded with trailing NaN)';
      return dataFailure('ragged', file, message, { line });
    }
    const label = cells[0].trim();
    if (isMissingLabel(label)) {
      const message = `the class label (the first cell) is missing; expected ${EXPECTED_LINE}`;
      return dataFailure('missing-label', file, message, { line });
    }
    const values = new Float64Array(cells.length - 1);
    let length = 0;
    for (let k = 1; k < cells.length; k++) {
      const x = readValue(cells[k]);
      if (typeof x !== 'number') return this.cellFailure(x, text, line, k);
      values[k - 1] = x;
      if (!Number.isNaN(x)) length = k;
    }
    if (length === 0) {
      const message = `the line has a class label but no values; expected ${EXPECTED_LINE}`;
      return dataFailure('empty-sequence', file, message, { line });
    }
    // Trailing NaNs pad a shorter sequence; they are not missing values.
    const sequence = length === values.length ? values : values.slice(0, length);
    return { ok: true, value: { label, sequence, firstMissing: sequence.findIndex(Number.isNaN) } };
  }

  /** The failure for cell k (1-based after the label) of a line. */
  cellFailure(problem: CellProblem, text: string, line: number, k: number): DataFailure {
    const separator = this.separator ?? 'whitespace';
    const cell = splitCells(text, separator)[k] ?? '';
    const location = { line, column: cellColumn(text, separator, k), field: `value ${k}` };
    const shown = showCell(cell);
    if (problem === 'missing') {
      const message = refusedMissingValue(shown, ' before the last value of the sequence');
      return dataFailure('non-numeric', this.file, message, location);
    }
    if (problem === 'non-finite') {
      return dataFailure('non-finite', this.file, `is ${shown}; expected a finite number`, location);
    }
    return dataFailure('non-numeric', this.file, `is ${shown}; expected a number`, location);
  }
}

/**
 * Commas win when present; tabs only when nothing else separates the values, so a line that
 * mixes tabs and spaces between values reads as whitespace-separated. A lone token has none.
 */
function separatorOf(line: string): Separator | null {
  if (line.includes(',')) return 'comma';
  if (!/\S\s+\S/.test(line)) return null;
  if (line.includes('\t') && !/\S +\S/.test(line)) return 'tab';
  return 'whitespace';
}

function splitCells(line: string, separator: Separator): string[] {
  if (separator === 'tab') return line.split('\t');
  if (separator === 'comma') return line.split(',');
  return line.trim().split(/\s+/);
}

/**
 * A number, NaN for a missing cell (empty, NaN or NA: trailing ones are padding), or what is
 * wrong with the cell.
 */
function readValue(cell: string): number | Exclude<CellProblem, 'missing'> {
  const x = readNumberCell(cell);
  return x === 'missing' ? NaN : x;
}

/** First cells that name a label column rather than hold a label. */
const LABEL_COLUMN_NAMES = new Set(['label', 'labels', 'class', 'classes', 'target', 'y']);

/**
 * The first line is taken for a header, which this form does not have, when none of its
 * values is a number, or when its first cell names a label column (pandas writes a wide
 * frame with a header such as "target,0,1,2,..."). A single bad cell is reported as such.
 */
function headerFailure(cells: string[], file: string, line: number): DataFailure | null {
  const values = cells.slice(1);
  const named = LABEL_COLUMN_NAMES.has(cells[0].trim().toLowerCase());
  if (!named && (values.length === 0 || values.some((c) => typeof readValue(c) === 'number'))) return null;
  const shown = cells
    .slice(0, 4)
    .map((c) => JSON.stringify(c.trim()))
    .join(', ');
  return dataFailure(
    'unknown-format',
    file,
    `the line looks like a header (${shown}, ...), but the wide UCR form has no header; expected ` +
      `${EXPECTED_LINE}. For a file with named columns use the long CSV form (a header, then one ` +
      'row per time step with id, label and feature columns)',
    { line },
  );
}

/** The 1-based column where the text of cell k starts; only computed for messages. */
function cellColumn(line: string, separator: Separator, k: number): number {
  if (separator === 'whitespace') {
    const starts = [...line.matchAll(/\S+/g)];
    return (starts[k]?.index ?? 0) + 1;
  }
  const cells = line.split(separator === 'tab' ? '\t' : ',');
  let offset = 0;
  for (let i = 0; i < k; i++) offset += cells[i].length + 1;
  return offset + cells[k].length - cells[k].trimStart().length + 1;
}
