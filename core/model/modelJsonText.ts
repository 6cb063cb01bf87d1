// Model JSON as text: parsing a file's contents, with syntax errors located by line and column,
// and the one-line message a user sees for any refusal.

import type { ModelImportResult, ModelJsonError } from './modelJson';
import { modelFromJson } from './modelJsonImport';

export function parseModelJsonText(text: string, source: string): ModelImportResult {
  // Editors on Windows may save a byte order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: { field: '(file)', message: syntaxErrorMessage(body, source, e) } };
  }
  return modelFromJson(value, source);
}

/** `model.json: layers[0].W[2] has 3 numbers; expected 4 (hiddenSize)`. */
export function formatModelJsonError(error: ModelJsonError, source: string): string {
  // A file-level message already names the source.
  if (error.field === '(file)') return error.message;
  return `${source}: ${error.field} ${error.message}`;
}

interface SyntaxProblem {
  offset: number;
  what: string;
}

function syntaxErrorMessage(text: string, source: string, error: unknown): string {
  const problem = locateSyntaxError(text);
  if (problem === null) {
    return `${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${source} is not valid JSON: ${problem.what} at line ${line}, column ${column}`;
}

/**
 * The first syntax error in `text` (RFC 8259), or null. JSON.parse messages differ between
 * engines and often give no position, so the error is found again here.
 */
function locateSyntaxError(text: string): SyntaxProblem | null {
  let pos = 0;
  const show = (s: string): string => (s < ' ' ? JSON.stringify(s) : `'${s}'`);
  const problem = (what: string, offset = pos): SyntaxProblem => ({ offset, what });
  const expected = (what: string): SyntaxProblem =>
    problem(
      pos < text.length
        ? `expected ${what}, found ${show(text[pos])}`
        : `unexpected end of text; expected ${what}`,
    );
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };

  const value = (): SyntaxProblem | null => {
    skipSpace();
    const c = text[pos];
    if (c === undefined) return problem('unexpected end of text; expected a value');
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    const word = /[A-Za-z_$][\w$]*/y;
    word.lastIndex = pos;
    const match = word.exec(text);
    if (match && (match[0] === 'true' || match[0] === 'false' || match[0] === 'null')) {
      pos += match[0].length;
      return null;
    }
    return problem(`unexpected ${show(match ? match[0] : c)}`);
  };

  const object = (): SyntaxProblem | null => {
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return null;
    }
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') return expected('a double-quoted property name');
      const key = string();
      if (key) return key;
      skipSpace();
      if (text[pos] !== ':') return expected("':' after a property name");
      pos++;
      const item = value();
      if (item) return item;
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return null;
      }
      if (text[pos] !== ',') return expected("',' or '}' after a property value");
      pos++;
    }
  };

  const array = (): SyntaxProblem | null => {
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return null;
    }
    for (;;) {
      const item = value();
      if (item) return item;
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return null;
      }
      if (text[pos] !== ',') return expected("',' or ']' after an array element");
      pos++;
    }
  };

  const string = (): SyntaxProblem | null => {
    const start = pos++;
    while (pos < text.length) {
      const c = text[pos];
      if (c === '"') {
        pos++;
        return null;
      }
      if (c < ' ') return problem(`control character ${show(c)} inside a string`);
      if (c === '\\') {
        const escape = text[pos + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) pos += 2;
        else return problem('bad escape sequence in a string');
      } else {
        pos++;
      }
    }
    return problem('string never closed', start);
  };

  const number = (): SyntaxProblem | null => {
    const grammar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    grammar.lastIndex = pos;
    const match = grammar.exec(text);
    // A valid prefix followed by more number characters (01, 1., 1e) is one bad number.
    if (!match || /[\d.eE+-]/.test(text[grammar.lastIndex] ?? '')) return problem('bad number');
    pos = grammar.lastIndex;
    return null;
  };

  try {
    const found = value();
    if (found) return found;
    skipSpace();
    return pos < text.length ? problem(`unexpected ${show(text[pos])} after the JSON value`) : null;
  } catch (e) {
    // Nesting deeper than the call stack: leave the message to JSON.parse.
    if (e instanceof RangeError) return null;
    throw e;
  }
}
