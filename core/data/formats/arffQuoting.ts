// ARFF's quoting, as Weka reads it: values split at commas and trimmed, a quote (' or ")
// opening a value only at its start, backslash escapes inside quotes, % outside quotes
// starting a comment, and the escaped line breaks that separate a relational value's
// dimensions.

import { isSpace, skipSpace, trimSpaceEnd } from '../charCodes';
import { showToken } from './tokens';

/** A value of a row, unquoted and unescaped, and where its raw content starts and ends. */
export interface Token {
  text: string;
  quoted: boolean;
  start: number;
  end: number;
}

/** One dimension of a relational value: its values and where each starts in the raw row. */
export interface Dimension {
  values: string[];
  offsets: number[];
}

/**
 * Splits text[from, to) at commas into trimmed values, undoing quotes and escapes; a % outside
 * quotes ends the row. A quote opens a value only at its start.
 */
export function splitValues(
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
          reason: `found ${showToken(text.slice(i, i + 10))} after a quoted value; expected a comma`,
        };
      }
    } else {
      let j = i;
      while (j < to && text[j] !== ',' && text[j] !== '%') j++;
      const e = trimSpaceEnd(text, i, j);
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
export function readWord(
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
export function scanQuotes(
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

/** A line with nothing but white space and perhaps a % comment. */
export function isBlankOrComment(text: string): boolean {
  const i = skipSpace(text, 0, text.length);
  return i === text.length || text[i] === '%';
}

/**
 * The lines of a relational value between raw offsets start and end (escapes not yet
 * undone), each split at commas; blank lines are skipped.
 */
export function splitDimensions(raw: string, start: number, end: number): Dimension[] {
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
