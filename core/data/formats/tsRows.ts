// The data rows of a .ts file, one line each: the class label after the last ':', then the
// dimensions, either plain values (`1,2,3:4,5,6`) or, under @timeStamps true, (timestamp,value)
// pairs whose values are kept in the order written. A finished row goes to addSequence.

import { dataFailure, type DataErrorCode, type DataFailure } from '../dataError';
import { skipSpace, trimSpaceEnd } from '../charCodes';
import { fastDecimal, isInfinityWord, isRadixLiteral } from './decimal';
import { refusedMissingValue } from './missingValues';
import { showToken } from './tokens';
import { addSequence, type RowReader } from './tsSequences';

const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x28;
const CLOSE = 0x29;

/** Reads the row text[from, ...) on `line` into `r`; null, or why it is refused. */
export function readRow(r: RowReader, text: string, from: number, line: number): DataFailure | null {
  const to = trimSpaceEnd(text, from, text.length);
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
    const message = `the row ends in ${showToken(label)} after its last ":", which looks like values; expected the class label last`;
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
    // Values seldom have blanks around them; looking first saves two calls per value.
    const a = text.charCodeAt(tokenStart) <= 0x20 ? skipSpace(text, tokenStart, i) : tokenStart;
    const b = a < i && text.charCodeAt(i - 1) <= 0x20 ? trimSpaceEnd(text, a, i) : i;
    if (a < b || c === COMMA || count > dimStart) {
      const failure = storeValue(r, text, a, b, line, count, count - dimStart);
      if (failure !== null) return failure;
      count++;
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
  let i = skipSpace(text, from, to);
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
        return fail(
          `is ${showToken(text.slice(i, to))}; expected a (timestamp,value) pair, ${asDeclared}`,
          i,
        );
      }
      const close = text.indexOf(')', i + 1);
      if (close < 0 || close >= to) return fail('is never closed with ")"; expected (timestamp,value)', i);
      const comma = text.lastIndexOf(',', close - 1);
      if (comma <= i || skipSpace(text, i + 1, comma) === comma) {
        return fail(`is ${showToken(text.slice(i, close + 1))}; expected (timestamp,value)`, i);
      }
      const a = skipSpace(text, comma + 1, close);
      const failure = storeValue(r, text, a, trimSpaceEnd(text, a, close), line, count, count - dimStart);
      if (failure !== null) return failure;
      count++;
      i = skipSpace(text, close + 1, to);
      if (i < to && text.charCodeAt(i) === COMMA) {
        const separator = i;
        i = skipSpace(text, i + 1, to);
        if (i === to || text.charCodeAt(i) === COLON)
          return fail('is missing after ","; expected (timestamp,value)', separator + 1);
      } else if (i < to && text.charCodeAt(i) !== COLON) {
        const message = `has ${showToken(text.slice(i, to))} after pair ${count - dimStart}; expected "," or ":"`;
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
    i = skipSpace(text, i + 1, to);
    r.dimColumns.push(i + 1);
  }
}

/** Reads text[a, b) as value `index` of the current dimension into r.values[at]. */
function storeValue(
  r: RowReader,
  text: string,
  a: number,
  b: number,
  line: number,
  at: number,
  index: number,
): DataFailure | null {
  const x = readValue(r, text, a, b, line, r.dimLengths.length, index);
  if (typeof x !== 'number') return x;
  if (at === r.values.length) r.values = grow(r.values);
  r.values[at] = x;
  return null;
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
  if (Number.isFinite(x) && !isRadixLiteral(token)) return x;
  const fail = (code: DataErrorCode, message: string) =>
    dataFailure(code, r.file, message, {
      line,
      column: a + 1,
      field: `value ${index + 1} of dimension ${dim + 1}`,
    });
  const expected = 'expected a number (or ? for a missing value)';
  if (a === b) return fail('non-numeric', `is empty; ${expected}`);
  if (token === '?' || token.toLowerCase() === 'nan') {
    const declaredNone = r.header.missing === false;
    if (declaredNone) {
      const message = `is a missing value (${showToken(token)}), but @missing false (line ${r.header.lineOf.get('missing')}) declares that the file has none`;
      return fail('non-numeric', message);
    }
    if (r.policy === 'refuse') return fail('non-numeric', refusedMissingValue(showToken(token)));
    r.rowHasMissing = true;
    return NaN;
  }
  const infinite = x === Infinity || x === -Infinity || isInfinityWord(token);
  if (!infinite) {
    const pair = token.includes('(') && !r.header.timeStamps;
    const hint = pair
      ? '; it looks like a (timestamp,value) pair, which needs @timeStamps true in the header'
      : '';
    return fail('non-numeric', `is ${showToken(token)}; ${expected}${hint}`);
  }
  return fail(
    'non-finite',
    `is ${showToken(token)}, which is infinite or beyond the 64-bit float range; expected a finite number`,
  );
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
