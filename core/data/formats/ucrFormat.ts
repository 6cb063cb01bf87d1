// The UCR archive's wide form (.tsv, .txt, .csv): one univariate sequence per line, the class
// label first, then the values, separated by tabs, commas or runs of whitespace, no header.
// Shorter sequences are padded with trailing NaN (or empty) cells so every line has as many
// cells as the first; that padding is trimmed, while a NaN before the last real value is a
// missing value.

import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import { fillMissing } from './missingValues';
import type { DatasetParser } from './parserTypes';

type Separator = 'tab' | 'comma' | 'whitespace';

const SEPARATOR_NAMES: Record<Separator, string> = {
  tab: 'tabs',
  comma: 'commas',
  whitespace: 'spaces',
};

const EXPECTED_LINE = 'one sequence per line: the class label, then the values';

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
      dataset: { name: datasetName(file), numFeatures: 1, sequences, ...classes.value },
      format: 'ucr',
      missingValues,
      declaredClassLabels: null,
    },
  };
};

interface UcrLine {
  label: string;
  /** Trailing padding trimmed; missing values inside are NaN. */
  sequence: Float64Array;
  /** Index of the first missing value, -1 when there is none. */
  firstMissing: number;
}

/** Reads one non-blank line, holding what the first line fixed: the separator and the width. */
class UcrLineReader {
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
    if (label === '' || label.toLowerCase() === 'nan') {
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
    const shown = JSON.stringify(cell.trim());
    if (problem === 'missing') {
      const what = shown === '""' ? 'an empty cell' : shown;
      const message =
        `is a missing value (${what}) before the last value of the sequence, and missing values are ` +
        'refused; to allow them, choose the missing-value option "forward" (carry the last value ' +
        'forward) or "zero"';
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

type CellProblem = 'missing' | 'non-numeric' | 'non-finite';

/** A number, NaN for a missing cell, or what is wrong with the cell. */
function readValue(cell: string): number | Exclude<CellProblem, 'missing'> {
  const x = Number(cell);
  // Number('') and Number('  ') are 0, and Number('NaN') is NaN: both are missing cells here.
  // Number() also reads hex, octal and binary literals ("0x1f"), which are not data values.
  if (x - x === 0 && (x !== 0 || cell.trim() !== '') && !isRadixLiteral(cell)) return x;
  if (isMissingToken(cell)) return NaN;
  if (x === Infinity || x === -Infinity || /^\s*[+-]?inf(inity)?\s*$/i.test(cell)) return 'non-finite';
  return 'non-numeric';
}

function isRadixLiteral(cell: string): boolean {
  const c = cell.charCodeAt(1) | 0x20;
  return cell.charCodeAt(0) === 0x30 && (c === 0x78 || c === 0x6f || c === 0x62);
}

function isMissingToken(cell: string): boolean {
  const t = cell.trim().toLowerCase();
  return t === '' || t === 'nan' || t === 'na';
}

/** Old UCR .txt files write labels as floats ("1.0000000e+00"): numeric labels take their shortest form. */
function canonicalLabel(label: string): string {
  const x = Number(label);
  return Number.isFinite(x) ? String(x) : label;
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

/** "data/ArrowHead_TRAIN.tsv" gives "ArrowHead". */
function datasetName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '') || base;
  return stem.replace(/_(TRAIN|TEST)$/i, '') || stem;
}
