// The long CSV form: a header, then one row per time step with a sequence id, a class label,
// feature values and optionally a time to order by. Rows of one sequence may be contiguous or
// interleaved. Lines stream in, are gathered into complete records (a quoted field may span
// lines) and handed to papaparse in batches; values go straight into per-sequence
// Float64Arrays, so memory follows the parsed numbers rather than the text.

import Papa from 'papaparse';
import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import { fillMissing } from './missingValues';
import type {
  DatasetParser,
  LongCsvColumns,
  MissingPolicy,
  ParsedDataset,
  ParseOptions,
} from './parserTypes';

/** Header names that give a column its role, case-insensitive, the first present winning. */
export const LONG_CSV_ROLE_NAMES = {
  id: ['id', 'sequence_id', 'sequence', 'series_id', 'series'],
  label: ['label', 'class', 'target', 'y'],
  time: ['t', 'time', 'timestamp', 'step'],
} as const;

const DELIMITERS = [',', ';', '\t'];
/** Records handed to papaparse at once, in characters; large enough to amortise the call. */
const BATCH_CHARS = 1 << 16;
/** A record this long is taken for a quote that is never closed, not for real data. */
const MAX_RECORD_CHARS = 1 << 20;
const SAMPLE_RECORDS = 11;

interface CsvRecord {
  text: string;
  /** The line the record starts on. */
  line: number;
}

export const parseLongCsvFile: DatasetParser = async (chunks, options) => {
  const reader = readLines(chunks, options.fileName, options.maxBytes);
  const records = new RecordAssembler(options.fileName);
  const rows = new BatchReader(options);
  let batch: CsvRecord[] = [];
  let batchChars = 0;
  for await (const line of reader.lines) {
    const record = records.push(line.text, line.number, rows.delimiter);
    if (record === null) {
      const failure = records.failure();
      if (failure !== null) return failure;
      continue;
    }
    batch.push(record);
    batchChars += record.text.length;
    // The first batch also serves to guess the delimiter, so it holds a few records at least.
    if (batchChars >= BATCH_CHARS && batch.length >= SAMPLE_RECORDS) {
      const failure = rows.add(batch);
      if (failure !== null) return failure;
      batch = [];
      batchChars = 0;
    }
  }
  const failure = reader.failure() ?? records.finish() ?? (batch.length > 0 ? rows.add(batch) : null);
  return failure ?? rows.finish();
};

/** Turns batches of records into rows: the first is the header, the rest go to a RowTable. */
class BatchReader {
  /** Empty until guessed from the first batch. */
  delimiter = '';
  private table: RowTable | null = null;

  constructor(private readonly options: ParseOptions) {}

  add(batch: CsvRecord[]): DataFailure | null {
    if (this.delimiter === '') this.delimiter = guessDelimiter(batch);
    const rows = parseBatch(batch, this.delimiter, this.options.fileName);
    if (!rows.ok) return rows;
    for (let r = 0; r < rows.value.length; r++) {
      const cells = rows.value[r];
      const line = batch[r].line;
      if (this.table === null) {
        const columns = resolveColumns(cells, this.options, line);
        if (!columns.ok) return columns;
        this.table = new RowTable(columns.value, cells.length, line, this.options);
      } else {
        const failure = this.table.addRow(cells, line);
        if (failure !== null) return failure;
      }
    }
    return null;
  }

  finish(): DataResult<ParsedDataset> {
    if (this.table !== null) return this.table.finish(this.options.fileName);
    return dataFailure(
      'empty-file',
      this.options.fileName,
      'the file is empty; expected a header naming the id, label and feature columns, then one row per time step',
    );
  }
}

/**
 * Joins the lines of a quoted field that spans lines. A quote opens a quoted field only at
 * the start of a field, and inside one a doubled quote is an escaped quote (RFC 4180), which
 * is how papaparse reads it too.
 */
class RecordAssembler {
  private pending = '';
  private pendingLine = 0;
  private error: DataFailure | null = null;

  constructor(private readonly file: string) {}

  /** `delimiter` is '' while it is not yet known. */
  push(text: string, line: number, delimiter: string): CsvRecord | null {
    if (this.pending === '') {
      if (text.indexOf('"') < 0) return text.trim() === '' ? null : { text, line };
      if (!endsInQuotes(text, false, delimiter)) return { text, line };
      this.pending = text;
      this.pendingLine = line;
      return null;
    }
    this.pending += `\n${text}`;
    if (this.pending.length > MAX_RECORD_CHARS) {
      this.error = this.unclosed(`runs on past ${MAX_RECORD_CHARS / (1 << 20)} MiB`);
      return null;
    }
    // A pending record ends inside quotes, so the next line starts inside them.
    if (endsInQuotes(text, true, delimiter)) return null;
    const record = { text: this.pending, line: this.pendingLine };
    this.pending = '';
    return record;
  }

  failure(): DataFailure | null {
    return this.error;
  }

  finish(): DataFailure | null {
    return this.error ?? (this.pending === '' ? null : this.unclosed('is never closed'));
  }

  private unclosed(what: string): DataFailure {
    return dataFailure(
      'bad-field',
      this.file,
      `a quoted field that starts on this line ${what}; expected a closing quote (")`,
      { line: this.pendingLine },
    );
  }
}

/** Scans one line; before the delimiter is known, any of the candidates starts a new field. */
function endsInQuotes(text: string, startInQuotes: boolean, delimiter: string): boolean {
  const d = delimiter === '' ? -1 : delimiter.charCodeAt(0);
  let inQuotes = startInQuotes;
  let fieldStart = !startInQuotes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
    } else if (c === 34 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else {
      fieldStart = d < 0 ? c === 44 || c === 59 || c === 9 : c === d;
    }
  }
  return inQuotes;
}

function guessDelimiter(sample: CsvRecord[]): string {
  const text = sample
    .slice(0, SAMPLE_RECORDS)
    .map((r) => r.text)
    .join('\n');
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    newline: '\n',
    preview: SAMPLE_RECORDS,
  });
  return guess.errors.some((e) => e.code === 'UndetectableDelimiter') ? ',' : guess.meta.delimiter;
}

/**
 * One papaparse call per batch. Papa.Parser is the parser papaparse's own streamers feed
 * chunk by chunk; over a string, Papa.parse wraps it in a streamer and handle per call and
 * parsed a 150 MB file about 1.5 times slower here. When the rows do not line up with the
 * records (a malformed quote), the batch is parsed again record by record to name the line.
 */
function parseBatch(batch: CsvRecord[], delimiter: string, file: string): DataResult<string[][]> {
  const parser = new Papa.Parser({ delimiter, newline: '\n' });
  const whole = runParser(parser, batch.length === 1 ? batch[0].text : batch.map((r) => r.text).join('\n'));
  if (whole.errors.length === 0 && whole.data.length === batch.length) return { ok: true, value: whole.data };
  const rows: string[][] = [];
  for (const record of batch) {
    const one = runParser(parser, record.text);
    if (one.errors.length > 0 || one.data.length !== 1) {
      const reason = one.errors[0]?.message.toLowerCase() ?? 'it holds more than one row';
      const message =
        `the line is not valid CSV (${reason}); expected cells separated by ` +
        `"${showDelimiter(delimiter)}", quoted with " where needed`;
      return dataFailure('bad-field', file, message, { line: record.line });
    }
    rows.push(one.data[0]);
  }
  return { ok: true, value: rows };
}

/** Papa.Parser's parse is typed `any`; without a header its result is rows of strings. */
function runParser(parser: Papa.Parser, text: string): Papa.ParseResult<string[]> {
  return parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
}

function showDelimiter(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}

interface Columns {
  names: string[];
  id: number;
  label: number;
  /** -1 when there is no time column. */
  time: number;
  features: number[];
}

type Role = 'id' | 'label' | 'time';

const ROLE_WORDS: Record<Role, string> = { id: 'sequence id', label: 'class label', time: 'time' };

/** Which column holds what: named in options.columns, else found by LONG_CSV_ROLE_NAMES. */
function resolveColumns(cells: string[], options: ParseOptions, line: number): DataResult<Columns> {
  const file = options.fileName;
  const names = cells.map((c) => c.trim());
  const fail = (code: 'missing-field' | 'bad-spec' | 'no-features' | 'bad-field', message: string) =>
    dataFailure(code, file, `${message}; the header has ${listNames(names)}`, { line });
  if (names.every((n) => n !== '' && Number.isFinite(Number(n)))) {
    return dataFailure(
      'unknown-format',
      file,
      'the first line holds numbers, not column names: a long CSV starts with a header naming the ' +
        'id, label and feature columns. For one sequence per line with the label first, use the wide UCR form',
      { line },
    );
  }
  const seen = new Map<string, number>();
  for (let c = 0; c < names.length; c++) {
    const before = seen.get(names[c]);
    if (before !== undefined && names[c] !== '') {
      return fail(
        'bad-field',
        `the column name ${JSON.stringify(names[c])} appears twice (columns ${before + 1} and ${c + 1}); expected distinct names`,
      );
    }
    seen.set(names[c], c);
  }

  const given: LongCsvColumns = options.columns ?? {};
  const roles: Record<Role, number> = { id: -1, label: -1, time: -1 };
  for (const role of ['id', 'label', 'time'] as const) {
    const name = given[role];
    if (name === undefined) continue;
    const c = findColumn(names, name);
    if (c < 0)
      return fail(
        'missing-field',
        `the ${ROLE_WORDS[role]} column ${JSON.stringify(name)} (options.columns.${role}) is not in the header`,
      );
    if (Object.values(roles).includes(c))
      return fail('bad-spec', `options.columns gives the column ${JSON.stringify(name)} two roles`);
    roles[role] = c;
  }
  // Columns named as features are never taken for a role, so a feature may be called "t" or "y".
  const named = new Set((given.features ?? []).map((name) => findColumn(names, name)));
  for (const role of ['id', 'label', 'time'] as const) {
    if (roles[role] >= 0 || given[role] !== undefined) continue;
    for (const candidate of LONG_CSV_ROLE_NAMES[role]) {
      const free = (k: number) => !named.has(k) && !Object.values(roles).includes(k);
      const c = names.findIndex((n, k) => n.toLowerCase() === candidate && free(k));
      if (c >= 0) {
        roles[role] = c;
        break;
      }
    }
  }
  for (const role of ['id', 'label'] as const) {
    if (roles[role] >= 0) continue;
    const expected = LONG_CSV_ROLE_NAMES[role].map((n) => JSON.stringify(n)).join(', ');
    return fail(
      'missing-field',
      `no ${ROLE_WORDS[role]} column: expected one named ${expected} (any case), or one named in options.columns.${role}`,
    );
  }

  const taken = Object.values(roles);
  let features: number[];
  if (given.features !== undefined) {
    features = [];
    for (const name of given.features) {
      const c = findColumn(names, name);
      if (c < 0)
        return fail(
          'missing-field',
          `the feature column ${JSON.stringify(name)} (options.columns.features) is not in the header`,
        );
      if (taken.includes(c) || features.includes(c))
        return fail(
          'bad-spec',
          `options.columns.features names ${JSON.stringify(name)}, which already has a role`,
        );
      features.push(c);
    }
  } else {
    features = names.map((_, c) => c).filter((c) => !taken.includes(c));
    const unnamed = features.find((c) => names[c] === '');
    if (unnamed !== undefined) {
      // pandas writes its index as a first column with an empty name; as a feature it would mislead.
      return fail(
        'bad-field',
        `column ${unnamed + 1} has no name; expected a name for every feature column (from pandas, save with index=False), or the features listed in options.columns.features`,
      );
    }
  }
  if (features.length === 0) {
    return fail(
      'no-features',
      'no feature columns: expected at least one column besides the id, label and time columns',
    );
  }
  return { ok: true, value: { names, id: roles.id, label: roles.label, time: roles.time, features } };
}

function findColumn(names: string[], name: string): number {
  const exact = names.indexOf(name.trim());
  if (exact >= 0) return exact;
  const lower = name.trim().toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === lower);
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 20).map((n) => JSON.stringify(n));
  return names.length > 20 ? `${shown.join(', ')}, ... (${names.length} columns)` : shown.join(', ');
}

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

class RowTable {
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
      // NaN, ±Infinity, a blank cell (Number('') is 0) and hex, octal or binary literals
      // ("0x1f", which Number() reads) leave the fast path.
      if (x - x !== 0 || (x === 0 && cell.trim() === '') || isRadixLiteral(cell)) {
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
        dataset: { name: datasetName(file), numFeatures: N, sequences, ...classes.value },
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
    const shown = JSON.stringify(cell.trim());
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
      const what = shown === '""' ? 'an empty cell' : shown;
      const message =
        `is a missing value (${what}), and missing values are refused; to allow them, choose the ` +
        'missing-value option "forward" (carry the last value forward) or "zero"';
      return dataFailure('non-numeric', file, message, location);
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

type CellProblem = 'missing' | 'non-numeric' | 'non-finite';

/** Why a cell that is not a finite number is not one. */
function cellProblem(cell: string): CellProblem {
  const t = cell.trim().toLowerCase();
  if (t === '' || t === 'nan' || t === 'na') return 'missing';
  if (/^[+-]?inf(inity)?$/.test(t) || Number(t) === Infinity || Number(t) === -Infinity) return 'non-finite';
  return 'non-numeric';
}

/** A number, or else a date (as milliseconds), so ISO timestamps order correctly. */
function readTime(cell: string): number | CellProblem {
  const x = Number(cell);
  if (x - x === 0 && (x !== 0 || cell.trim() !== '') && !isRadixLiteral(cell)) return x;
  const problem = cellProblem(cell);
  if (problem !== 'non-numeric') return problem === 'missing' && cell.trim() !== '' ? 'non-numeric' : problem;
  const date = Date.parse(cell.trim());
  return Number.isFinite(date) ? date : 'non-numeric';
}

function isRadixLiteral(cell: string): boolean {
  const c = cell.charCodeAt(1) | 0x20;
  return cell.charCodeAt(0) === 0x30 && (c === 0x78 || c === 0x6f || c === 0x62);
}

function isMissingLabel(label: string): boolean {
  return label === '' || label.toLowerCase() === 'nan';
}

/** Numeric labels take their shortest form, so "1", "1.0" and "1e0" are one class. */
function canonicalLabel(label: string): string {
  const x = Number(label);
  return Number.isFinite(x) ? String(x) : label;
}

/** "data/gestures_TRAIN.csv" gives "gestures". */
function datasetName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '') || base;
  return stem.replace(/_(TRAIN|TEST)$/i, '') || stem;
}
