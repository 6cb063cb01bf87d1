// Where JSON text breaks. JSON.parse says where it failed only in some engines and in varying
// words, so on a failure the text is scanned again here to name the first offending
// character, its line and column, and what was expected there.

import { dataFailure, type DataFailure } from './dataError';
import { isDigit, skipSpace } from './charCodes';

/** The failure for text that JSON.parse refused with `err`, placed where the text breaks. */
export function jsonSyntaxFailure(text: string, file: string, err: unknown): DataFailure {
  const found = locateJsonSyntaxError(text);
  if (found === null) {
    return dataFailure(
      'bad-json',
      file,
      `not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return dataFailure(
    'bad-json',
    file,
    `not valid JSON: ${found.reason}`,
    lineAndColumn(text, found.position),
  );
}

/** Where the first syntax error is, and what was expected there. */
export interface JsonSyntaxProblem {
  position: number;
  reason: string;
}

/**
 * The first offending character of text that is not JSON, or null when it is JSON.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'next' | 'end';
  const open: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'next');
  const problem = (what: string): JsonSyntaxProblem => ({
    position: i,
    reason: `${what}, found ${showAt(text, i)}`,
  });
  for (;;) {
    i = skipSpace(text, i, text.length);
    if (i >= text.length) {
      if (expect === 'end') return null;
      return { position: i, reason: 'the text ends before the JSON value is complete' };
    }
    const c = text[i];
    let end: ScanResult;
    if (expect === 'end') {
      return problem('expected nothing more after the JSON value');
    } else if (expect === 'colon') {
      if (c !== ':') return problem("expected ':' after the property name");
      end = i + 1;
      expect = 'value';
    } else if (expect === 'next') {
      const close = open[open.length - 1] === '[' ? ']' : '}';
      if (c !== ',' && c !== close) return problem(`expected ',' or '${close}'`);
      if (c === close) open.pop();
      end = i + 1;
      expect = c === close ? afterValue() : close === ']' ? 'value' : 'key';
    } else if ((c === '}' && expect === 'first-key') || (c === ']' && expect === 'first-value')) {
      open.pop();
      end = i + 1;
      expect = afterValue();
    } else if (expect === 'key' || expect === 'first-key') {
      if (c !== '"') return problem('expected a property name in double quotes');
      end = scanString(text, i);
      expect = 'colon';
    } else if (c === '{' || c === '[') {
      open.push(c);
      end = i + 1;
      expect = c === '{' ? 'first-key' : 'first-value';
    } else {
      if (c === '"') end = scanString(text, i);
      else if (c === '-' || isDigit(c.charCodeAt(0))) end = scanNumber(text, i);
      else end = scanLiteral(text, i);
      expect = afterValue();
    }
    if (typeof end !== 'number') return end;
    i = end;
  }
}

type ScanResult = number | JsonSyntaxProblem;

function scanString(text: string, start: number): ScanResult {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) {
      const reason =
        'a raw control character (such as a line break) in a string; write it as an escape like \\n';
      return { position: i, reason };
    }
    if (c === 0x5c) {
      const escape = text[i + 1] ?? '';
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (escape !== '' && '"\\/bfnrt'.includes(escape)) i += 2;
      else return { position: i, reason: 'a bad escape sequence in a string' };
    } else {
      i++;
    }
  }
  return { position: start, reason: 'a string that is never closed' };
}

function scanNumber(text: string, start: number): ScanResult {
  let i = start;
  const digits = (what: string): JsonSyntaxProblem | null => {
    const from = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    return i > from ? null : { position: i, reason: `expected ${what}, found ${showAt(text, i)}` };
  };
  if (text[i] === '-') i++;
  const integer = text[i] === '0' ? (i++, null) : digits('a digit');
  if (integer !== null) return integer;
  if (text[i] === '.') {
    i++;
    const fraction = digits('a digit after the decimal point');
    if (fraction !== null) return fraction;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    const exponent = digits('a digit in the exponent');
    if (exponent !== null) return exponent;
  }
  return i;
}

function scanLiteral(text: string, start: number): ScanResult {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, start)) return start + word.length;
  const shown = showAt(text, start);
  const hint = shown === '"NaN"' || shown === '"Infinity"' ? ', which JSON does not allow' : '';
  return { position: start, reason: `expected a value, found ${shown}${hint}` };
}

/** The character at i, or the whole bare word when one starts there (`abc`, `NaN`). */
function showAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const word = /^[A-Za-z_$][\w$]{0,19}/.exec(text.slice(i, i + 20));
  return JSON.stringify(word === null ? text[i] : word[0]);
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < position; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
