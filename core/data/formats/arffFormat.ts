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

import type { DataErrorCode, DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { indexLabels } from './labelIndex';
import { readLines } from './lines';
import { fillMissing } from './missingValues';
import type { DatasetParser, MissingPolicy } from './parserTypes';

type AttributeType = 'numeric' | 'nominal' | 'string' | 'date' | 'relational';

interface Attribute {
  name: string;
  type: AttributeType;
  line: number;
  /** A nominal attribute's declared values. */
  values: string[];
  /** A relational attribute's inner attributes. */
  inner: Attribute[];
}

interface Header {
  relation: string | null;
  attributes: Attribute[];
  /** The relational attribute whose inner attributes are being declared, until its @end. */
  open: Attribute | null;
}

interface Layout {
  attributes: Attribute[];
  classIndex: number;
  classes: Set<string>;
  /** The relational attribute's index when multivariate, else -1. */
  relational: number;
  /** Univariate: the indices of the time-step attributes, in order. */
  steps: number[];
}

/** A data row; several lines long when a quoted value holds line breaks. */
interface Row {
  text: string;
  line: number;
  /** Where each of its lines starts in `text`. */
  lineStarts: number[];
}

/** A value of a row, unquoted and unescaped, and where its raw content starts and ends. */
interface Token {
  text: string;
  quoted: boolean;
  start: number;
  end: number;
}

interface Dimension {
  values: string[];
  offsets: number[];
}

interface Collected {
  sequences: Float64Array[];
  keys: string[];
  lines: number[];
  missing: number;
  /** Dimensions per sequence, set by the first row. */
  numFeatures: number;
  firstRowLine: number;
}

interface Context {
  file: string;
  policy: MissingPolicy;
  layout: Layout;
  out: Collected;
}

export const parseArffFile: DatasetParser = async (chunks, options) => {
  const file = options.fileName;
  const reader = readLines(chunks, file, options.maxBytes);
  const header: Header = { relation: null, attributes: [], open: null };
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
  const name = header.relation !== null && header.relation.trim() !== '' ? header.relation : baseName(file);
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

// ---- header ----

/** Reads one header line into `header`: null to go on, 'data' at @data, or the failure. */
function readHeaderLine(
  text: string,
  line: number,
  header: Header,
  file: string,
): DataFailure | 'data' | null {
  const end = scanQuotes(text, 0, '', true).end;
  const start = skipSpace(text, 0, end);
  if (start === end) return null;
  const fail = (message: string, at = start): DataFailure =>
    dataFailure('bad-field', file, message, { line, column: at + 1 });
  const keyword = /^@([A-Za-z]+)/.exec(text.slice(start, end));
  if (keyword === null) {
    const found = show(text.slice(start, end));
    return fail(`found ${found} before @data; expected a header line: @relation, @attribute or @data`);
  }
  const after = start + keyword[0].length;
  const word = readWord(text, after, end);
  if (word !== null && 'unterminated' in word) {
    return fail(
      `the quoted name is never closed; expected a closing ${text[word.unterminated]}`,
      word.unterminated,
    );
  }
  switch (keyword[1].toLowerCase()) {
    case 'relation':
      header.relation ??= word === null ? null : word.value;
      return null;
    case 'attribute': {
      if (word === null) return fail('@attribute has no name; expected @attribute NAME TYPE');
      const attribute = readAttributeType(text, word.next, end, word.value, line, file);
      if (!attribute.ok) return attribute;
      return addAttribute(attribute.value, header, fail);
    }
    case 'end': {
      const open = header.open;
      if (open === null) return fail('@end without a relational attribute to close');
      if (word !== null && word.value !== open.name) {
        return fail(
          `@end ${word.value} does not match ${show(open.name)} (line ${open.line}); expected @end ${open.name}`,
        );
      }
      header.open = null;
      return null;
    }
    case 'data':
      if (header.open !== null) {
        const { name, line: opened } = header.open;
        return fail(
          `the relational attribute ${show(name)} (line ${opened}) is not closed; expected @end ${name} before @data`,
        );
      }
      return 'data';
    default:
      return fail(`unknown keyword ${show(keyword[0])}; expected @relation, @attribute, @end or @data`);
  }
}

function addAttribute(
  attribute: Attribute,
  header: Header,
  fail: (message: string) => DataFailure,
): null | DataFailure {
  if (header.open === null) {
    header.attributes.push(attribute);
    if (attribute.type === 'relational') header.open = attribute;
    return null;
  }
  if (attribute.type === 'relational') {
    return fail(
      `a relational attribute inside ${show(header.open.name)} is not supported; expected numeric inner attributes`,
    );
  }
  header.open.inner.push(attribute);
  return null;
}

const TYPES = new Map<string, AttributeType>([
  ['numeric', 'numeric'],
  ['real', 'numeric'],
  ['integer', 'numeric'],
  ['string', 'string'],
  ['date', 'date'],
  ['relational', 'relational'],
]);

function readAttributeType(
  text: string,
  from: number,
  end: number,
  name: string,
  line: number,
  file: string,
): DataResult<Attribute> {
  const start = skipSpace(text, from, end);
  const fail = (message: string, at = start, code: DataErrorCode = 'bad-field'): DataFailure =>
    dataFailure(code, file, message, { line, column: at + 1 });
  const attribute: Attribute = { name, type: 'numeric', line, values: [], inner: [] };
  if (start === end) {
    return fail(
      `@attribute ${name} has no type; expected numeric, a nominal list like {a,b,c}, or relational`,
    );
  }
  if (text[start] !== '{') {
    const word = /^[A-Za-z]*/.exec(text.slice(start, end))?.[0] ?? '';
    const type = TYPES.get(word.toLowerCase());
    if (type === undefined) {
      const found = show(text.slice(start, end).trim());
      return fail(
        `@attribute ${name} has the type ${found}; expected numeric, real, integer, a nominal list like {a,b,c}, string, date or relational`,
      );
    }
    attribute.type = type;
    return { ok: true, value: attribute };
  }
  const close = text.lastIndexOf('}', end - 1);
  if (close < start) return fail(`the nominal list of ${name} is not closed; expected a closing }`);
  const split = splitValues(text, start + 1, close);
  if (!split.ok) return fail(split.reason, split.at);
  const seen = new Set<string>();
  for (const token of split.tokens) {
    if (token.text === '' && !token.quoted) {
      return fail(
        `the nominal list of ${name} has an empty value; expected values separated by commas, like {a,b,c}`,
        token.start,
      );
    }
    if (seen.has(token.text)) {
      return fail(
        `the nominal list of ${name} repeats ${show(token.text)}; expected each value once`,
        token.start,
        'duplicate-label',
      );
    }
    seen.add(token.text);
  }
  attribute.type = 'nominal';
  attribute.values = [...seen];
  return { ok: true, value: attribute };
}

/** Checks the attributes at @data and finds the class, the time steps or the relational one. */
function planLayout(header: Header, line: number, file: string): DataResult<Layout> {
  const attributes = header.attributes;
  const steps = 'one numeric attribute per time step';
  if (attributes.length === 0) {
    return dataFailure(
      'missing-field',
      file,
      `there are no @attribute lines before @data; expected ${steps} and a nominal class`,
      { line },
    );
  }
  let classIndex = attributes.length - 1;
  for (let a = 0; a < attributes.length; a++) {
    if (/^(class|target)$/i.test(attributes[a].name)) classIndex = a;
  }
  const classAttribute = attributes[classIndex];
  if (classAttribute.type !== 'nominal') {
    return dataFailure(
      'missing-field',
      file,
      `no class attribute: the class is the attribute named class or target, else the last one, and ${show(classAttribute.name)} is ${classAttribute.type}; expected a nominal attribute listing the classes, like @attribute class {a,b,c}`,
      { line: classAttribute.line },
    );
  }
  const badType = (a: Attribute, what: string): DataFailure =>
    dataFailure('bad-field', file, `the attribute ${show(a.name)} is ${a.type}; expected ${what}`, {
      line: a.line,
    });
  const relationals = attributes.filter((a) => a.type === 'relational');
  const layout: Layout = {
    attributes,
    classIndex,
    classes: new Set(classAttribute.values),
    relational: -1,
    steps: [],
  };
  if (relationals.length > 1) {
    return badType(relationals[1], 'a single relational attribute (several are not supported)');
  }
  if (relationals.length === 1) {
    const relational = relationals[0];
    const other = attributes.find((a) => a !== relational && a !== classAttribute);
    if (other !== undefined)
      return badType(other, `only the relational attribute ${show(relational.name)} and the class`);
    if (relational.inner.length === 0) {
      return dataFailure(
        'no-features',
        file,
        `the relational attribute ${show(relational.name)} declares no inner attributes; expected ${steps}`,
        { line: relational.line },
      );
    }
    const inner = relational.inner.find((a) => a.type !== 'numeric');
    if (inner !== undefined) return badType(inner, `numeric, real or integer (${steps})`);
    layout.relational = attributes.indexOf(relational);
    return { ok: true, value: layout };
  }
  for (let a = 0; a < attributes.length; a++) {
    if (a === classIndex) continue;
    if (attributes[a].type !== 'numeric')
      return badType(attributes[a], `numeric, real or integer (${steps})`);
    layout.steps.push(a);
  }
  if (layout.steps.length === 0) {
    return dataFailure(
      'no-features',
      file,
      `there is only the class attribute; expected ${steps} before it`,
      { line },
    );
  }
  return { ok: true, value: layout };
}

// ---- rows ----

/** Reads one data row into ctx.out; the failure, or null. */
function readRow(row: Row, ctx: Context): DataFailure | null {
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
    return fail('length-mismatch', `the row has ${count(tokens.length, 'value')}; expected ${expected}`);
  }
  const label = tokens[classIndex];
  const classList = listClasses(classAttribute.values);
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
      `is ${show(label.text)}, which is not among the classes of @attribute ${classAttribute.name} (line ${classAttribute.line}): ${classList}`,
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
      `the row has ${count(N, 'dimension')}; expected ${out.numFeatures}, as in the first data row (line ${out.firstRowLine})`,
      token.start,
    );
  }
  const T = dims[0].values.length;
  for (let j = 1; j < N; j++) {
    if (dims[j].values.length !== T) {
      return fail(
        'ragged',
        `dimension ${j + 1} has ${count(dims[j].values.length, 'value')}; expected ${T}, as dimension 1`,
        dims[j].offsets[0],
      );
    }
  }
  if (T !== inner.length) {
    return fail(
      'length-mismatch',
      `each dimension has ${count(T, 'value')}; expected ${inner.length}, one per inner attribute of ${relational.name} (line ${relational.line})`,
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
    const message =
      `is a missing value (${show(at.text)}), and missing values are refused; to allow them, choose the ` +
      'missing-value option "forward" (carry the last value forward) or "zero"';
    return fail('non-numeric', message, at.offset, at.field);
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
      message: `is ${show(text)}, which overflows a 64-bit float; expected a finite number`,
    };
  }
  if (/^[+-]?inf(inity)?$/i.test(text)) {
    return { code: 'non-finite', message: `is ${show(text)}, which is not finite; expected a finite number` };
  }
  if (text === '') return { code: 'non-numeric', message: `is empty; ${expected}` };
  if (quoted && text === '?') {
    return {
      code: 'non-numeric',
      message: `is a quoted "?", which ARFF reads as text; write ? without quotes for a missing value`,
    };
  }
  return { code: 'non-numeric', message: `is ${show(text)}; ${expected}` };
}

/**
 * The lines of a relational value between raw offsets start and end (escapes not yet
 * undone), each split at commas; blank lines are skipped.
 */
function splitDimensions(raw: string, start: number, end: number): Dimension[] {
  const dims: Dimension[] = [];
  let current: Dimension = { values: [], offsets: [] };
  let unescaped = '';
  let segment = start;
  let valueStart = start;
  const endValue = (i: number): void => {
    current.values.push((unescaped + raw.slice(segment, i)).trim());
    current.offsets.push(skipSpace(raw, valueStart, i));
    unescaped = '';
  };
  const endDimension = (): void => {
    if (current.values.length > 1 || current.values[0] !== '') dims.push(current);
    current = { values: [], offsets: [] };
  };
  for (let i = start; i <= end; i++) {
    // A sentinel line break at `end` closes the last value and dimension.
    const c = i < end ? raw[i] : '\n';
    if (c === '\\' && i + 1 < end) {
      const e = raw[i + 1];
      if (e === 'n' || e === 'r') {
        endValue(i);
        endDimension();
        valueStart = i + 2;
      } else {
        unescaped += raw.slice(segment, i) + (e === 't' ? '\t' : e);
      }
      segment = i + 2;
      i++;
    } else if (c === ',' || c === '\n' || c === '\r') {
      endValue(i);
      if (c !== ',') endDimension();
      segment = valueStart = i + 1;
    }
  }
  return dims;
}

// ---- text ----

/**
 * Splits text[from, to) at commas into trimmed values, undoing quotes and escapes; a % outside
 * quotes ends the row. A quote opens a value only at its start.
 */
function splitValues(
  text: string,
  from: number,
  to: number,
): { ok: true; tokens: Token[] } | { ok: false; at: number; reason: string } {
  const tokens: Token[] = [];
  let i = from;
  for (;;) {
    i = skipSpace(text, i, to);
    const c = text[i];
    if (i < to && (c === "'" || c === '"')) {
      const quoted = readQuoted(text, i, to);
      if (quoted === null)
        return {
          ok: false,
          at: i,
          reason: `the quoted value starting here is never closed; expected a closing ${c}`,
        };
      tokens.push({ text: quoted.value, quoted: true, start: i + 1, end: quoted.end });
      i = skipSpace(text, quoted.end + 1, to);
      if (i < to && text[i] !== ',' && text[i] !== '%') {
        return {
          ok: false,
          at: i,
          reason: `found ${show(text.slice(i, i + 10))} after a quoted value; expected a comma`,
        };
      }
    } else {
      let j = i;
      while (j < to && text[j] !== ',' && text[j] !== '%') j++;
      let e = j;
      while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
      tokens.push({ text: text.slice(i, e), quoted: false, start: i, end: e });
      i = j;
    }
    if (i < to && text[i] === ',') i++;
    else return { ok: true, tokens };
  }
}

/** The unescaped content of the quote opening at `open`, and where it closes; null if never. */
function readQuoted(text: string, open: number, to: number): { value: string; end: number } | null {
  const q = text[open];
  let value = '';
  let segment = open + 1;
  for (let i = open + 1; i < to; i++) {
    const c = text[i];
    if (c === q) return { value: value + text.slice(segment, i), end: i };
    if (c === '\\' && i + 1 < to) {
      const e = text[i + 1];
      value += text.slice(segment, i) + (e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e);
      i++;
      segment = i + 1;
    }
  }
  return null;
}

/** A header word: quoted, or bare up to a space or `{`; null when there is none. */
function readWord(
  text: string,
  from: number,
  to: number,
): { value: string; next: number } | { unterminated: number } | null {
  const i = skipSpace(text, from, to);
  if (i >= to) return null;
  if (text[i] === "'" || text[i] === '"') {
    const quoted = readQuoted(text, i, to);
    return quoted === null ? { unterminated: i } : { value: quoted.value, next: quoted.end + 1 };
  }
  let j = i;
  while (j < to && !isSpace(text.charCodeAt(j)) && text[j] !== '{') j++;
  return { value: text.slice(i, j), next: j };
}

/**
 * Follows quotes from `from`, starting inside `quote` ('' when outside): where a % comment
 * starts (else the text's end) and the quote still open there. It opens quotes where
 * splitValues and readWord do, so a row is joined with the next line exactly when they
 * would find its quote unclosed.
 */
function scanQuotes(
  text: string,
  from: number,
  quote: string,
  header: boolean,
): { end: number; quote: string } {
  let q = quote;
  let atStart = true;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (q !== '') {
      if (c === '\\') i++;
      else if (c === q) {
        q = '';
        atStart = false;
      }
    } else if (c === '%') return { end: i, quote: '' };
    else if (c === "'" || c === '"') {
      if (atStart) q = c;
      atStart = false;
    } else if (c === ',' || (header && (c === '{' || c === ' ' || c === '\t'))) atStart = true;
    else if (c !== ' ' && c !== '\t') atStart = false;
  }
  return { end: text.length, quote: q };
}

function locate(row: Row, offset: number): { line: number; column: number } {
  let k = row.lineStarts.length - 1;
  while (k > 0 && row.lineStarts[k] > offset) k--;
  return { line: row.line + k, column: offset - row.lineStarts[k] + 1 };
}

function isBlankOrComment(text: string): boolean {
  const i = skipSpace(text, 0, text.length);
  return i === text.length || text[i] === '%';
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function listClasses(values: string[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(v));
  return values.length > 10 ? `${shown.join(', ')}, ... (${values.length} classes)` : shown.join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}

/** `data/ArrowHead_TRAIN.arff` -> `ArrowHead`. */
function baseName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '').replace(/_(TRAIN|TEST)$/i, '') || base;
}
