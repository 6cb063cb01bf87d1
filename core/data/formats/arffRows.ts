// The data rows of an ARFF file, laid out by planLayout: each row's class label, then its
// sequence, from one value per time-step attribute (univariate) or from the quoted relational
// value, one line per dimension (multivariate). The ? padding at the end of a shorter
// sequence is dropped; any other ? is a missing value, refused or filled per the policy.

import type { DataErrorCode, DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { skipSpace } from '../charCodes';
import type { Layout } from './arffLayout';
import { isInfinityWord } from './decimal';
import { splitDimensions, splitValues, type Token } from './arffQuoting';
import { fillMissing, refusedMissingValue } from './missingValues';
import type { MissingPolicy } from './parserTypes';
import { listShown, plural, showToken } from './tokens';

/** A data row; several lines long when a quoted value holds line breaks. */
export interface Row {
  text: string;
  line: number;
  /** Where each of its lines starts in `text`. */
  lineStarts: number[];
}

/** The sequences read so far, with their labels and lines. */
export interface Collected {
  sequences: Float64Array[];
  keys: string[];
  lines: number[];
  missing: number;
  /** Dimensions per sequence, set by the first row. */
  numFeatures: number;
  firstRowLine: number;
}

/** What reading a row needs: the file, the policy, the layout and where the sequences go. */
export interface Context {
  file: string;
  policy: MissingPolicy;
  layout: Layout;
  out: Collected;
}

/** Reads one data row into ctx.out; the failure, or null. */
export function readRow(row: Row, ctx: Context): DataFailure | null {
  const { layout, file } = ctx;
  const fail = (code: DataErrorCode, message: string, offset?: number, field?: string): DataFailure =>
    dataFailure(code, file, message, {
      ...(offset === undefined ? { line: row.line } : locate(row, offset)),
      ...(field === undefined ? {} : { field }),
    });
  const first = skipSpace(row.text, 0, row.text.length);
  if (row.text[first] === '{') {
    return fail(
      'bad-field',
      'sparse ARFF rows ({index value, ...}) are not supported; expected a dense row of comma-separated values',
      first,
    );
  }
  const split = splitValues(row.text, 0, row.text.length);
  if (!split.ok) return fail('bad-field', split.reason, split.at);
  const tokens = split.tokens;
  const { attributes, classIndex } = layout;
  const classAttribute = attributes[classIndex];
  if (tokens.length !== attributes.length) {
    const expected =
      layout.relational < 0
        ? `${attributes.length}, one per @attribute (${layout.steps.length} time steps and the class ${classAttribute.name})`
        : `${attributes.length}: the quoted relational value of ${attributes[layout.relational].name} and the class ${classAttribute.name}`;
    return fail('length-mismatch', `the row has ${plural(tokens.length, 'value')}; expected ${expected}`);
  }
  const label = tokens[classIndex];
  const classList = listShown(classAttribute.values, 10, 'classes');
  if (!label.quoted && (label.text === '?' || label.text === '')) {
    const found = label.text === '' ? 'empty' : '? (missing)';
    return fail(
      'missing-label',
      `is ${found}; expected a class, one of ${classList}`,
      label.start,
      classAttribute.name,
    );
  }
  if (!layout.classes.has(label.text)) {
    return fail(
      'unknown-label',
      `is ${showToken(label.text)}, which is not among the classes of @attribute ${classAttribute.name} (line ${classAttribute.line}): ${classList}`,
      label.start,
      classAttribute.name,
    );
  }
  const sequence =
    layout.relational < 0
      ? readSteps(tokens, row, ctx, fail)
      : readDimensions(tokens[layout.relational], row, ctx, fail);
  if (!sequence.ok) return sequence;
  ctx.out.sequences.push(sequence.value);
  ctx.out.keys.push(label.text);
  ctx.out.lines.push(row.line);
  return null;
}

type RowFail = (code: DataErrorCode, message: string, offset?: number, field?: string) => DataFailure;

function readSteps(tokens: Token[], row: Row, ctx: Context, fail: RowFail): DataResult<Float64Array> {
  const { steps, attributes } = ctx.layout;
  const values = new Float64Array(steps.length);
  for (let t = 0; t < steps.length; t++) {
    const token = tokens[steps[t]];
    const x = readNumber(token.text, token.quoted);
    if (typeof x !== 'number') return fail(x.code, x.message, token.start, attributes[steps[t]].name);
    values[t] = x;
  }
  ctx.out.numFeatures = 1;
  return finishSequence(values, 1, ctx, fail, (t) => ({
    text: tokens[steps[t]].text,
    offset: tokens[steps[t]].start,
    field: attributes[steps[t]].name,
  }));
}

function readDimensions(token: Token, row: Row, ctx: Context, fail: RowFail): DataResult<Float64Array> {
  const relational = ctx.layout.attributes[ctx.layout.relational];
  const inner = relational.inner;
  const dims = splitDimensions(row.text, token.start, token.end);
  const N = dims.length;
  if (N === 0) {
    return fail(
      'empty-sequence',
      `the value of ${relational.name} is empty; expected one line of comma-separated values per dimension`,
      token.start,
    );
  }
  const out = ctx.out;
  if (out.numFeatures !== 0 && N !== out.numFeatures) {
    return fail(
      'ragged',
      `the row has ${plural(N, 'dimension')}; expected ${out.numFeatures}, as in the first data row (line ${out.firstRowLine})`,
      token.start,
    );
  }
  const T = dims[0].values.length;
  for (let j = 1; j < N; j++) {
    if (dims[j].values.length !== T) {
      return fail(
        'ragged',
        `dimension ${j + 1} has ${plural(dims[j].values.length, 'value')}; expected ${T}, as dimension 1`,
        dims[j].offsets[0],
      );
    }
  }
  if (T !== inner.length) {
    return fail(
      'length-mismatch',
      `each dimension has ${plural(T, 'value')}; expected ${inner.length}, one per inner attribute of ${relational.name} (line ${relational.line})`,
      token.start,
    );
  }
  const values = new Float64Array(T * N);
  for (let j = 0; j < N; j++) {
    const dim = dims[j];
    for (let t = 0; t < T; t++) {
      const x = readNumber(dim.values[t], false);
      if (typeof x !== 'number')
        return fail(x.code, x.message, dim.offsets[t], `dimension ${j + 1}, ${inner[t].name}`);
      values[t * N + j] = x;
    }
  }
  if (out.numFeatures === 0) {
    out.numFeatures = N;
    out.firstRowLine = row.line;
  }
  return finishSequence(values, N, ctx, fail, (t, j) => ({
    text: dims[j].values[t],
    offset: dims[j].offsets[t],
    field: `dimension ${j + 1}, ${inner[t].name}`,
  }));
}

/** Drops the ? padding at the end, then refuses or fills the missing values left. */
function finishSequence(
  values: Float64Array,
  N: number,
  ctx: Context,
  fail: RowFail,
  where: (t: number, j: number) => { text: string; offset: number; field: string },
): DataResult<Float64Array> {
  let T = values.length / N;
  while (T > 0 && isMissingStep(values, T - 1, N)) T--;
  if (T === 0) {
    return fail(
      'empty-sequence',
      'the row has no values, only ? (missing); expected at least one number per sequence',
    );
  }
  const sequence = T * N === values.length ? values : values.slice(0, T * N);
  if (ctx.policy !== 'refuse') {
    ctx.out.missing += fillMissing(sequence, N, ctx.policy);
    return { ok: true, value: sequence };
  }
  for (let i = 0; i < sequence.length; i++) {
    if (!Number.isNaN(sequence[i])) continue;
    const at = where(Math.floor(i / N), i % N);
    return fail('non-numeric', refusedMissingValue(showToken(at.text)), at.offset, at.field);
  }
  return { ok: true, value: sequence };
}

function isMissingStep(values: Float64Array, t: number, N: number): boolean {
  for (let j = 0; j < N; j++) if (!Number.isNaN(values[t * N + j])) return false;
  return true;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number, NaN for a missing value (an unquoted ? or NaN), or what is wrong. */
function readNumber(text: string, quoted: boolean): number | { code: DataErrorCode; message: string } {
  // Weka reads NaN as a missing value too.
  if (!quoted && (text === '?' || text.toLowerCase() === 'nan')) return NaN;
  const expected = 'expected a number, or ? for a missing value';
  if (NUMBER.test(text)) {
    const x = Number(text);
    if (Number.isFinite(x)) return x;
    return {
      code: 'non-finite',
      message: `is ${showToken(text)}, which overflows a 64-bit float; expected a finite number`,
    };
  }
  if (isInfinityWord(text)) {
    return {
      code: 'non-finite',
      message: `is ${showToken(text)}, which is not finite; expected a finite number`,
    };
  }
  if (text === '') return { code: 'non-numeric', message: `is empty; ${expected}` };
  if (quoted && text === '?') {
    return {
      code: 'non-numeric',
      message: `is a quoted "?", which ARFF reads as text; write ? without quotes for a missing value`,
    };
  }
  return { code: 'non-numeric', message: `is ${showToken(text)}; ${expected}` };
}

/** The line and column of an offset into a row that may span lines. */
function locate(row: Row, offset: number): { line: number; column: number } {
  let k = row.lineStarts.length - 1;
  while (k > 0 && row.lineStarts[k] > offset) k--;
  return { line: row.line + k, column: offset - row.lineStarts[k] + 1 };
}
