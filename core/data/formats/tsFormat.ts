// The UEA/UCR archive's .ts format, as sktime and aeon write it: `#` comments, a header of
// `@key value` lines, `@data`, then one row per sequence with its dimensions separated by
// ':', the values of a dimension by ',' and the class label after the last ':'. `?` (or NaN)
// is a missing value. `@timeStamps true` rows hold `(timestamp,value)` pairs: they are read
// too, taking the values in the order written and dropping the timestamps, because a
// sequence here is a plain run of steps (an irregular sampling is not modelled).

import type { Dataset } from '../dataset';
import { dataFailure, type DataErrorCode, type DataFailure, type DataResult } from '../dataError';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import { fillMissing } from './missingValues';
import type { DatasetParser, MissingPolicy, ParsedDataset } from './parserTypes';

const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x28;
const CLOSE = 0x29;
const HASH = 0x23;
const AT = 0x40;

const HEADER_KEYS = [
  'problemName',
  'timeStamps',
  'missing',
  'univariate',
  'dimensions',
  'equalLength',
  'seriesLength',
  'classLabel',
  'targetLabel',
  'data',
] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];
const KEY_BY_LOWER_CASE: ReadonlyMap<string, HeaderKey> = new Map(
  HEADER_KEYS.map((k) => [k.toLowerCase(), k]),
);
const EXPECTED_KEYS = `expected one of ${HEADER_KEYS.map((k) => `@${k}`).join(', ')}`;

interface TsHeader {
  problemName: string | null;
  timeStamps: boolean;
  /** null: not declared. */
  missing: boolean | null;
  univariate: boolean | null;
  dimensions: number | null;
  equalLength: boolean | null;
  seriesLength: number | null;
  classLabels: string[] | null;
  /** The line of each key given, to refuse repeats and to cite the header in messages. */
  lineOf: Map<HeaderKey, number>;
}

/** The rows read so far, and scratch space for the row being read. */
interface RowReader {
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
    const start = skipBlanks(text, 0, text.length);
    if (start === text.length) continue;
    const first = text.charCodeAt(start);
    if (first === HASH) continue;
    sawContent = true;
    if (rows === null) {
      if (first !== AT) {
        const row = show(text.slice(start));
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
      return dataFailure('bad-field', file, message, { line, column: start + 1, field: show(key, false) });
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

function emptyHeader(): TsHeader {
  return {
    problemName: null,
    timeStamps: false,
    missing: null,
    univariate: null,
    dimensions: null,
    equalLength: null,
    seriesLength: null,
    classLabels: null,
    lineOf: new Map(),
  };
}

function readHeaderLine(header: TsHeader, text: string, line: number, file: string): DataFailure | null {
  const trimmed = text.trim();
  const written = firstToken(trimmed, 0);
  const rest = trimmed.slice(written.length).trim();
  const args = rest === '' ? [] : rest.split(/\s+/);
  const key = KEY_BY_LOWER_CASE.get(written.slice(1).toLowerCase());
  if (key === undefined) {
    return dataFailure('bad-field', file, `is not a .ts header key; ${EXPECTED_KEYS}`, {
      line,
      field: show(written, false),
    });
  }
  const fail = (code: DataErrorCode, message: string) =>
    dataFailure(code, file, message, { line, field: `@${key}` });
  const given = `is ${show(rest)}`;
  const earlier = header.lineOf.get(key);
  if (earlier !== undefined)
    return fail('bad-field', `appears again (first on line ${earlier}); expected it once`);
  header.lineOf.set(key, line);
  switch (key) {
    case 'problemName':
      if (rest === '') return fail('bad-field', "has no value; expected the problem's name");
      header.problemName = rest;
      return null;
    case 'dimensions':
    case 'seriesLength': {
      const n = /^\d+$/.test(rest) ? Number(rest) : 0;
      if (n < 1 || !Number.isSafeInteger(n))
        return fail('bad-field', `${given}; expected a positive whole number`);
      header[key] = n;
      return null;
    }
    case 'classLabel':
      return readClassLabel(header, args, fail);
    case 'data':
      return rest === ''
        ? null
        : fail('bad-field', `has ${show(rest)} after it; expected @data alone on its line`);
    default: {
      const value = args.length === 1 ? args[0].toLowerCase() : '';
      if (value !== 'true' && value !== 'false') return fail('bad-field', `${given}; expected true or false`);
      if (key === 'targetLabel') {
        if (value === 'false') return null;
        const message =
          'is true: this is a regression file, and regression files are not supported; RNN Lab classifies ' +
          'sequences, so it expects @classLabel true followed by the class names';
        return fail('bad-field', message);
      }
      header[key] = value === 'true';
      return null;
    }
  }
}

function readClassLabel(
  header: TsHeader,
  args: string[],
  fail: (code: DataErrorCode, message: string) => DataFailure,
): DataFailure | null {
  const flag = args.length > 0 ? args[0].toLowerCase() : '';
  if (flag === 'false') {
    const message =
      'is false: the file has no class labels; RNN Lab classifies labelled sequences, so it expects ' +
      '@classLabel true followed by the class names';
    return fail('missing-label', message);
  }
  const expected = 'expected true followed by the class names, or false';
  if (flag !== 'true') return fail('bad-field', `is ${show(args.join(' '))}; ${expected}`);
  const labels = args.slice(1);
  if (labels.length === 0) {
    return fail('bad-field', 'is true but names no classes; expected true followed by the class names');
  }
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label))
      return fail('duplicate-label', `names ${show(label)} twice; expected each class once`);
    seen.add(label);
  }
  header.classLabels = labels;
  return null;
}

/** Contradictions within the header itself, checked once @data is reached. */
function checkHeader(header: TsHeader, file: string): DataFailure | null {
  if (header.univariate === true && header.dimensions !== null && header.dimensions !== 1) {
    const message = `is ${header.dimensions}, but @univariate true (line ${header.lineOf.get('univariate')}) declares one dimension`;
    return dataFailure('bad-field', file, message, {
      line: header.lineOf.get('dimensions'),
      field: '@dimensions',
    });
  }
  return null;
}

function newRowReader(file: string, header: TsHeader, policy: MissingPolicy): RowReader {
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

function readRow(r: RowReader, text: string, from: number, line: number): DataFailure | null {
  let to = text.length;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  // An unclosed pair hides every colon after it; the last colon then gives the better message.
  const topLevel = r.header.timeStamps ? lastTopLevelColon(text, from, to) : -1;
  const colon = topLevel >= 0 ? topLevel : text.lastIndexOf(':', to - 1);
  const label = readLabel(r, text, colon, from, to, line);
  if (typeof label !== 'string') return label;
  r.dimLengths.length = 0;
  r.dimColumns.length = 0;
  r.rowHasMissing = false;
  const failure = r.header.timeStamps
    ? readPairs(r, text, from, colon, line)
    : readValues(r, text, from, colon, line);
  return failure ?? addSequence(r, label, line);
}

/** The class label after the row's last ':', or why there is none. */
function readLabel(
  r: RowReader,
  text: string,
  colon: number,
  from: number,
  to: number,
  line: number,
): string | DataFailure {
  const fail = (message: string, column: number) =>
    dataFailure('missing-label', r.file, message, { line, column });
  if (colon < from) return fail('the row has no class label; expected the label after the last ":"', to + 1);
  const label = text.slice(colon + 1, to).trim();
  if (label === '')
    return fail('the row has nothing after its last ":"; expected the class label', colon + 2);
  const declared = r.header.classLabels?.includes(label) === true;
  if (label === '?' && !declared)
    return fail('the class label is missing ("?"); expected a class', colon + 2);
  if (label.includes(',') && !declared) {
    const message = `the row ends in ${show(label)} after its last ":", which looks like values; expected the class label last`;
    return fail(message, colon + 2);
  }
  return label;
}

/** Plain rows: `1,2,3:4,5,6`. A dimension with nothing in it is an empty series, not an empty value. */
function readValues(r: RowReader, text: string, from: number, to: number, line: number): DataFailure | null {
  let count = 0;
  let dimStart = 0;
  let tokenStart = from;
  r.dimColumns.push(from + 1);
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : COLON;
    if (c !== COMMA && c !== COLON) continue;
    let a = tokenStart;
    let b = i;
    while (a < b && isBlank(text.charCodeAt(a))) a++;
    while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
    if (a < b || c === COMMA || count > dimStart) {
      const x = readValue(r, text, a, b, line, r.dimLengths.length, count - dimStart);
      if (typeof x !== 'number') return x;
      if (count === r.values.length) r.values = grow(r.values);
      r.values[count++] = x;
    }
    if (c === COLON) {
      r.dimLengths.push(count - dimStart);
      dimStart = count;
      if (i < to) r.dimColumns.push(i + 2);
    }
    tokenStart = i + 1;
  }
  return null;
}

/** @timeStamps true rows: `(t0,1),(t1,2):(t0,3),(t1,4)`; timestamps may hold ':' and ','. */
function readPairs(r: RowReader, text: string, from: number, to: number, line: number): DataFailure | null {
  let count = 0;
  let dimStart = 0;
  let i = skipBlanks(text, from, to);
  r.dimColumns.push(i + 1);
  const fail = (message: string, at: number) =>
    dataFailure('non-numeric', r.file, message, {
      line,
      column: at + 1,
      field: `pair ${count - dimStart + 1} of dimension ${r.dimLengths.length + 1}`,
    });
  const asDeclared = `as @timeStamps true (line ${r.header.lineOf.get('timeStamps')}) declares`;
  for (;;) {
    while (i < to && text.charCodeAt(i) !== COLON) {
      if (text.charCodeAt(i) !== OPEN) {
        return fail(`is ${show(text.slice(i, to))}; expected a (timestamp,value) pair, ${asDeclared}`, i);
      }
      const close = text.indexOf(')', i + 1);
      if (close < 0 || close >= to) return fail('is never closed with ")"; expected (timestamp,value)', i);
      const comma = text.lastIndexOf(',', close - 1);
      if (comma <= i || skipBlanks(text, i + 1, comma) === comma) {
        return fail(`is ${show(text.slice(i, close + 1))}; expected (timestamp,value)`, i);
      }
      let a = skipBlanks(text, comma + 1, close);
      let b = close;
      while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
      const x = readValue(r, text, a, b, line, r.dimLengths.length, count - dimStart);
      if (typeof x !== 'number') return x;
      if (count === r.values.length) r.values = grow(r.values);
      r.values[count++] = x;
      i = skipBlanks(text, close + 1, to);
      if (i < to && text.charCodeAt(i) === COMMA) {
        a = i;
        i = skipBlanks(text, i + 1, to);
        if (i === to || text.charCodeAt(i) === COLON)
          return fail('is missing after ","; expected (timestamp,value)', a + 1);
      } else if (i < to && text.charCodeAt(i) !== COLON) {
        const message = `has ${show(text.slice(i, to))} after pair ${count - dimStart}; expected "," or ":"`;
        return dataFailure('non-numeric', r.file, message, {
          line,
          column: i + 1,
          field: `dimension ${r.dimLengths.length + 1}`,
        });
      }
    }
    r.dimLengths.push(count - dimStart);
    dimStart = count;
    if (i >= to) return null;
    i = skipBlanks(text, i + 1, to);
    r.dimColumns.push(i + 1);
  }
}

/** One value, NaN for a missing one the policy allows, or why it is refused. */
function readValue(
  r: RowReader,
  text: string,
  a: number,
  b: number,
  line: number,
  dim: number,
  index: number,
): number | DataFailure {
  const fast = fastDecimal(text, a, b);
  if (fast === fast) return fast; // not NaN
  const token = text.slice(a, b);
  const x = a < b ? Number(token) : NaN;
  // Number() also reads hex, octal and binary literals ("0x1f"), which are not .ts values.
  if (
    Number.isFinite(x) &&
    !(token.length > 1 && token.charCodeAt(0) === 0x30 && isRadixLetter(token.charCodeAt(1)))
  ) {
    return x;
  }
  const fail = (code: DataErrorCode, message: string) =>
    dataFailure(code, r.file, message, {
      line,
      column: a + 1,
      field: `value ${index + 1} of dimension ${dim + 1}`,
    });
  const expected = 'expected a number (or ? for a missing value)';
  if (a === b) return fail('non-numeric', `is empty; ${expected}`);
  const lower = token.toLowerCase();
  if (token === '?' || lower === 'nan') {
    const declaredNone = r.header.missing === false;
    if (declaredNone) {
      const message = `is a missing value (${show(token)}), but @missing false (line ${r.header.lineOf.get('missing')}) declares that the file has none`;
      return fail('non-numeric', message);
    }
    if (r.policy === 'refuse') {
      const message =
        `is a missing value (${show(token)}), and missing values are refused; to allow them, choose the ` +
        'missing-value option "forward" (carry the last value forward) or "zero"';
      return fail('non-numeric', message);
    }
    r.rowHasMissing = true;
    return NaN;
  }
  const infinite = x === Infinity || x === -Infinity || /^[+-]?inf(inity)?$/.test(lower);
  if (!infinite) {
    const pair = token.includes('(') && !r.header.timeStamps;
    const hint = pair
      ? '; it looks like a (timestamp,value) pair, which needs @timeStamps true in the header'
      : '';
    return fail('non-numeric', `is ${show(token)}; ${expected}${hint}`);
  }
  return fail(
    'non-finite',
    `is ${show(token)}, which is infinite or beyond the 64-bit float range; expected a finite number`,
  );
}

const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Clinger's fast path for the common token: at most 15 digits (so the integer is exact) and a
 * net power of ten up to 22 (exact too), joined by one correctly rounded multiply or divide,
 * which is exactly what Number() gives, without slicing a string per value. NaN: use Number().
 */
function fastDecimal(text: string, a: number, b: number): number {
  let i = a;
  const sign = text.charCodeAt(i);
  if (sign === 0x2d || sign === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && fraction < 0) {
      fraction = digits;
    } else {
      break;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  let exponent = fraction < 0 ? 0 : fraction - digits;
  if (i < b) {
    if ((text.charCodeAt(i) | 0x20) !== 0x65) return NaN;
    i++;
    const expSign = text.charCodeAt(i);
    if (expSign === 0x2d || expSign === 0x2b) i++;
    if (i === b || b - i > 3) return NaN;
    let e = 0;
    for (; i < b; i++) {
      const c = text.charCodeAt(i) - 0x30;
      if (c < 0 || c > 9) return NaN;
      e = e * 10 + c;
    }
    exponent += expSign === 0x2d ? -e : e;
  }
  if (exponent < -22 || exponent > 22) return NaN;
  const x =
    exponent < 0 ? mantissa / EXACT_POWERS_OF_TEN[-exponent] : mantissa * EXACT_POWERS_OF_TEN[exponent];
  return sign === 0x2d ? -x : x;
}

/** Checks the row's shape against itself, the header and the first row, then keeps it. */
function addSequence(r: RowReader, label: string, line: number): DataFailure | null {
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

function finish(r: RowReader): DataResult<ParsedDataset> {
  if (r.sequences.length === 0) {
    const message = `the file has no data rows after @data; expected one row per sequence`;
    return dataFailure('no-sequences', r.file, message, { line: r.header.lineOf.get('data') });
  }
  const classes = indexLabels(r.keys, r.header.classLabels, r.file, (i) => r.lines[i]);
  if (!classes.ok) return classes;
  const dataset: Dataset = {
    name: datasetName(r.header, r.file),
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

/** @problemName, else the file name without folders, extension and a _TRAIN/_TEST suffix. */
function datasetName(header: TsHeader, file: string): string {
  if (header.problemName !== null) return header.problemName;
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '') || base;
  return stem.replace(/_(train|test)$/i, '') || stem;
}

/** The last ':' outside parentheses: timestamps such as (2007-01-01 00:01:00,3) hold colons. */
function lastTopLevelColon(text: string, from: number, to: number): number {
  let depth = 0;
  let last = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN) depth++;
    else if (c === CLOSE) depth = Math.max(0, depth - 1);
    else if (c === COLON && depth === 0) last = i;
  }
  return last;
}

function grow(values: Float64Array): Float64Array {
  const larger = new Float64Array(values.length * 2);
  larger.set(values);
  return larger;
}

function firstToken(text: string, from: number): string {
  let end = from;
  while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
  return text.slice(from, end);
}

function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** x, o, b in either case: the prefixes of Number()'s non-decimal literals. */
function isRadixLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower === 0x78 || lower === 0x6f || lower === 0x62;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A token for a message: JSON-quoted (or bare) and cut short when long. */
function show(text: string, quoted = true): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return quoted ? JSON.stringify(short) : short;
}
