// The rows of a long CSV gathered into sequences: each row's cells checked and its feature
// values written straight into its sequence's growing buffers, then, at the end, each
// sequence put in time order, its missing values filled, and the dataset built.

import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { canonicalLabel, isMissingLabel } from './canonicalLabel';
import { datasetNameOf } from './datasetName';
import { cellProblem, isNumberCell, readNumberCell, type CellProblem } from './decimal';
import { indexLabels } from './labelIndex';
import type { Columns } from './longCsvColumns';
import { fillMissing, refusedMissingValue } from './missingValues';
import type { MissingPolicy, ParsedDataset, ParseOptions } from './parserTypes';
import { showCell } from './tokens';

/** The rows of one sequence so far, in file order; buffers grow by doubling. */
interface SequenceRows {
  id: string;
  /** The label cell as first written, to compare the next rows' cells cheaply. */
  rawLabel: string;
  label: string;
  labelLine: number;
  rows: number;
  values: Float64Array;
  times: Float64Array | null;
  /** The line of each row, kept only to name both lines of a repeated time. */
  lines: Int32Array | null;
  missing: number;
}

const INITIAL_ROWS = 8;

/** The sequences of a long CSV by id, in the order first seen, filled row by row. */
export class RowTable {
  private readonly byId = new Map<string, SequenceRows>();
  private readonly order: SequenceRows[] = [];
  private last: SequenceRows | null = null;
  /**
   * Rows of the sequence read just before the current one. When rows come sequence by
   * sequence, the next sequence is likely as long, so its buffers start at that size and
   * often need neither growing nor trimming.
   */
  private previousRows = 0;
  private readonly features: Int32Array;
  private readonly numFeatures: number;
  private readonly policy: MissingPolicy;

  constructor(
    private readonly columns: Columns,
    private readonly width: number,
    private readonly headerLine: number,
    private readonly options: ParseOptions,
  ) {
    this.features = Int32Array.from(columns.features);
    this.numFeatures = columns.features.length;
    this.policy = options.missing;
  }

  addRow(cells: string[], line: number): DataFailure | null {
    const file = this.options.fileName;
    const { names } = this.columns;
    if (cells.length !== this.width) {
      return dataFailure(
        'ragged',
        file,
        `the row has ${cells.length} cells; expected ${this.width}, as in the header on line ${this.headerLine}`,
        { line },
      );
    }
    // trim() gives back the same string when there is nothing to trim, so this costs little.
    const id = cells[this.columns.id].trim();
    let sequence = this.last;
    if (sequence === null || sequence.id !== id) {
      if (id === '') {
        return dataFailure(
          'missing-field',
          file,
          `the sequence id (column ${JSON.stringify(names[this.columns.id])}) is empty; expected an id on every row`,
          { line },
        );
      }
      sequence = this.byId.get(id) ?? null;
      if (sequence === null) {
        const label = cells[this.columns.label].trim();
        if (isMissingLabel(label)) return this.missingLabel(line);
        sequence = this.newSequence(id, cells[this.columns.label], label, line);
      }
      if (this.last !== null) this.previousRows = this.last.rows;
      this.last = sequence;
    }
    const labelCell = cells[this.columns.label];
    if (labelCell !== sequence.rawLabel) {
      const label = labelCell.trim();
      if (isMissingLabel(label)) return this.missingLabel(line);
      if (canonicalLabel(label) !== canonicalLabel(sequence.label)) {
        return dataFailure(
          'bad-label',
          file,
          `sequence ${JSON.stringify(sequence.id)} has the label ${JSON.stringify(label)} here but ` +
            `${JSON.stringify(sequence.label)} on line ${sequence.labelLine}; expected one label per sequence`,
          { line },
        );
      }
    }
    if (sequence.rows * this.numFeatures === sequence.values.length) grow(sequence, this.numFeatures);
    const row = sequence.rows;
    if (sequence.times !== null && sequence.lines !== null) {
      const time = readTime(cells[this.columns.time]);
      if (typeof time !== 'number')
        return this.cellFailure(time, cells[this.columns.time], this.columns.time, line);
      sequence.times[row] = time;
      sequence.lines[row] = line;
    }
    const values = sequence.values;
    const base = row * this.numFeatures;
    for (let j = 0; j < this.numFeatures; j++) {
      const cell = cells[this.features[j]];
      let x = Number(cell);
      // NaN, ±Infinity, a blank cell and hex, octal or binary literals leave the fast path.
      if (!isNumberCell(cell, x)) {
        const problem = cellProblem(cell);
        if (problem !== 'missing' || this.policy === 'refuse')
          return this.cellFailure(problem, cell, this.features[j], line);
        x = NaN;
        sequence.missing++;
      }
      values[base + j] = x;
    }
    sequence.rows++;
    return null;
  }

  finish(file: string): DataResult<ParsedDataset> {
    if (this.order.length === 0) {
      return dataFailure(
        'no-sequences',
        file,
        `the file has a header (line ${this.headerLine}) but no rows; expected one row per time step`,
      );
    }
    const N = this.numFeatures;
    const sequences: Float64Array[] = [];
    let missingValues = 0;
    for (const sequence of this.order) {
      const ordered = this.inTimeOrder(sequence);
      if (!ordered.ok) return ordered;
      const values = ordered.value;
      if (sequence.missing > 0 && this.policy !== 'refuse')
        missingValues += fillMissing(values, N, this.policy);
      // Let the growable buffers go as we go, so the peak stays near one copy of the data.
      sequence.values = new Float64Array(0);
      sequence.times = null;
      sequence.lines = null;
      sequences.push(values);
    }
    const keys = this.order.map((s) => canonicalLabel(s.label));
    const classes = indexLabels(keys, null, file, (i) => this.order[i].labelLine);
    if (!classes.ok) return classes;
    return {
      ok: true,
      value: {
        dataset: { name: datasetNameOf(file), numFeatures: N, sequences, ...classes.value },
        format: 'long-csv',
        missingValues,
        declaredClassLabels: null,
      },
    };
  }

  private newSequence(id: string, rawLabel: string, label: string, line: number): SequenceRows {
    const timed = this.columns.time >= 0;
    const capacity = Math.max(INITIAL_ROWS, this.previousRows);
    const sequence: SequenceRows = {
      id,
      rawLabel,
      label,
      labelLine: line,
      rows: 0,
      values: new Float64Array(capacity * this.numFeatures),
      times: timed ? new Float64Array(capacity) : null,
      lines: timed ? new Int32Array(capacity) : null,
      missing: 0,
    };
    this.byId.set(id, sequence);
    this.order.push(sequence);
    return sequence;
  }

  /** The sequence's values, exactly sized, its rows sorted by time when there is a time column. */
  private inTimeOrder(sequence: SequenceRows): DataResult<Float64Array> {
    const N = this.numFeatures;
    const n = sequence.rows;
    const { times, lines, values } = sequence;
    const exact = () => (values.length === n * N ? values : values.slice(0, n * N));
    if (times === null || lines === null) return { ok: true, value: exact() };
    let sorted = true;
    for (let r = 1; r < n && sorted; r++) sorted = times[r] > times[r - 1];
    if (sorted) return { ok: true, value: exact() };
    const order = Array.from({ length: n }, (_, r) => r).sort((a, b) => times[a] - times[b] || a - b);
    for (let k = 1; k < n; k++) {
      const [a, b] = [order[k - 1], order[k]];
      if (times[a] === times[b]) {
        const timeName = JSON.stringify(this.columns.names[this.columns.time]);
        return dataFailure(
          'bad-field',
          this.options.fileName,
          `sequence ${JSON.stringify(sequence.id)} has the ${timeName} value ${times[a]} on both line ` +
            `${Math.min(lines[a], lines[b])} and line ${Math.max(lines[a], lines[b])}; expected each time once per sequence`,
          { line: Math.max(lines[a], lines[b]) },
        );
      }
    }
    const out = new Float64Array(n * N);
    for (let k = 0; k < n; k++) out.set(values.subarray(order[k] * N, order[k] * N + N), k * N);
    return { ok: true, value: out };
  }

  private missingLabel(line: number): DataFailure {
    const name = JSON.stringify(this.columns.names[this.columns.label]);
    return dataFailure(
      'missing-label',
      this.options.fileName,
      `the class label (column ${name}) is missing; expected a label on every row`,
      { line },
    );
  }

  private cellFailure(problem: CellProblem, cell: string, column: number, line: number): DataFailure {
    const file = this.options.fileName;
    const location = { line, field: `column ${JSON.stringify(this.columns.names[column])}` };
    const shown = showCell(cell);
    const isTime = column === this.columns.time;
    const expected = isTime ? 'a number or a date' : 'a number';
    if (problem === 'missing') {
      if (isTime)
        return dataFailure(
          'missing-field',
          file,
          `is empty; expected ${expected} to order the rows by`,
          location,
        );
      return dataFailure('non-numeric', file, refusedMissingValue(shown), location);
    }
    if (problem === 'non-finite')
      return dataFailure('non-finite', file, `is ${shown}; expected a finite number`, location);
    const hint = /^\s*[+-]?\d*,\d+\s*$/.test(cell) ? ' (write decimals with a point: 1.5, not 1,5)' : '';
    return dataFailure('non-numeric', file, `is ${shown}; expected ${expected}${hint}`, location);
  }
}

function grow(sequence: SequenceRows, numFeatures: number): void {
  const capacity = Math.max(INITIAL_ROWS, sequence.rows * 2);
  const values = new Float64Array(capacity * numFeatures);
  values.set(sequence.values);
  sequence.values = values;
  if (sequence.times !== null && sequence.lines !== null) {
    const times = new Float64Array(capacity);
    times.set(sequence.times);
    sequence.times = times;
    const lines = new Int32Array(capacity);
    lines.set(sequence.lines);
    sequence.lines = lines;
  }
}

/** A number, or else a date (as milliseconds), so ISO timestamps order correctly. */
function readTime(cell: string): number | CellProblem {
  const read = readNumberCell(cell);
  if (typeof read === 'number') return read;
  if (read !== 'non-numeric') return read === 'missing' && cell.trim() !== '' ? 'non-numeric' : read;
  const date = Date.parse(cell.trim());
  return Number.isFinite(date) ? date : 'non-numeric';
}
