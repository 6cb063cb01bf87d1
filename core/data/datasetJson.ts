// RNN Lab's dataset JSON, read and written:
//   { "sequences": number[][][], "labels": (string|number)[], "name"?: string, "classLabels"?: string[] }
// sequences[i][t][j] is feature j at step t of sequence i. Every problem comes back as a
// DataError naming the file, the field path and what was expected.

import { orderClassLabels } from './classOrder';
import type { Dataset } from './dataset';
import { dataFailure, type DataErrorCode, type DataFailure, type DataResult } from './dataError';

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

export interface ParseDatasetJsonOptions {
  /** Input larger than this (in UTF-8 bytes) is refused. Default 512 MiB. */
  maxBytes?: number;
}

export async function parseDatasetJson(
  chunks: AsyncIterable<string>,
  fileName: string,
  options: ParseDatasetJsonOptions = {},
): Promise<DataResult<Dataset>> {
  const text = await readText(chunks, fileName, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!text.ok) return text;
  if (!/\S/.test(text.value)) {
    return dataFailure(
      'empty-file',
      fileName,
      'the file is empty; expected a JSON object with "sequences" and "labels"',
    );
  }
  let root: unknown;
  try {
    root = JSON.parse(text.value);
  } catch (err) {
    return syntaxFailure(text.value, fileName, err);
  }
  return validateDataset(root, fileName);
}

async function readText(
  chunks: AsyncIterable<string>,
  file: string,
  maxBytes: number,
): Promise<DataResult<string>> {
  const tooLarge = () =>
    dataFailure('too-large', file, `the file is larger than the limit of ${formatBytes(maxBytes)}`);
  const parts: string[] = [];
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += utf8Length(chunk);
      if (bytes > maxBytes) return tooLarge();
      parts.push(chunk);
    }
  } catch (err) {
    return dataFailure(
      'read-error',
      file,
      `the file could not be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let text: string;
  try {
    text = parts.join('');
  } catch {
    return tooLarge(); // beyond the engine's longest string
  }
  return { ok: true, value: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Each half of a surrogate pair adds one, so a pair counts 4 bytes.
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Builds the failure for one field of one file: `fail('ragged', 'sequences[3][1]', 'has ...')`. */
type Fail = (code: DataErrorCode, field: string, message: string) => DataFailure;

function validateDataset(root: unknown, file: string): DataResult<Dataset> {
  const fail: Fail = (code, field, message) =>
    dataFailure(code, file, message, field === '' ? {} : { field });
  if (!isRecord(root)) {
    return fail(
      'bad-field',
      '',
      `the top level is ${describe(root)}; expected an object with "sequences" and "labels"`,
    );
  }
  const { sequences: rawSequences, labels: rawLabels } = root;
  const expectSequences = 'expected an array of sequences (number[][][])';
  const expectLabels = 'expected an array with one class label per sequence';
  if (rawSequences === undefined) return fail('missing-field', 'sequences', `is missing; ${expectSequences}`);
  if (!Array.isArray(rawSequences)) {
    return fail('bad-field', 'sequences', `is ${describe(rawSequences)}; ${expectSequences}`);
  }
  if (rawLabels === undefined) return fail('missing-field', 'labels', `is missing; ${expectLabels}`);
  if (!Array.isArray(rawLabels))
    return fail('bad-field', 'labels', `is ${describe(rawLabels)}; ${expectLabels}`);
  if (rawLabels.length !== rawSequences.length) {
    const counts = `has ${rawLabels.length} entries but sequences has ${rawSequences.length}`;
    return fail('length-mismatch', 'labels', `${counts}; expected one label per sequence`);
  }
  if (rawSequences.length === 0)
    return fail('no-sequences', 'sequences', 'is empty; expected at least one sequence');
  // null is taken as "not given" for the optional fields, as Python's json writes None.
  const name = root.name ?? baseName(file);
  if (typeof name !== 'string') return fail('bad-field', 'name', `is ${describe(name)}; expected a string`);
  const declared = root.classLabels ?? null;
  const classLabels = declared === null ? null : validateClassLabels(declared, fail);
  if (classLabels !== null && !classLabels.ok) return classLabels;
  const sequences = validateSequences(rawSequences, fail);
  if (!sequences.ok) return sequences;
  const labels = validateLabels(rawLabels, classLabels === null ? null : classLabels.value, fail);
  if (!labels.ok) return labels;
  return { ok: true, value: { name, ...sequences.value, ...labels.value } };
}

/** A declared class list fixes the class order (and K) even when the file uses fewer classes. */
function validateClassLabels(declared: unknown, fail: Fail): DataResult<string[]> {
  if (!Array.isArray(declared)) {
    return fail('bad-field', 'classLabels', `is ${describe(declared)}; expected an array of strings`);
  }
  const seen = new Set<string>();
  for (let k = 0; k < declared.length; k++) {
    const label: unknown = declared[k];
    const field = `classLabels[${k}]`;
    if (typeof label !== 'string')
      return fail('bad-field', field, `is ${describe(label)}; expected a string`);
    if (label === '') return fail('bad-field', field, 'is an empty string; expected a class name');
    if (seen.has(label)) {
      return fail('duplicate-label', field, `repeats ${JSON.stringify(label)}; expected each class once`);
    }
    seen.add(label);
  }
  if (declared.length < 2) {
    return fail(
      'single-class',
      'classLabels',
      `has ${declared.length} entries; expected at least two classes`,
    );
  }
  return { ok: true, value: declared as string[] };
}

function validateSequences(
  raw: unknown[],
  fail: Fail,
): DataResult<{ numFeatures: number; sequences: Float64Array[] }> {
  let numFeatures = -1;
  const sequences = new Array<Float64Array>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const sequence: unknown = raw[i];
    const path = `sequences[${i}]`;
    if (!Array.isArray(sequence)) {
      return fail(
        'bad-field',
        path,
        `is ${describe(sequence)}; expected an array of time steps (number[][])`,
      );
    }
    if (sequence.length === 0)
      return fail('empty-sequence', path, 'has no time steps; expected at least one');
    let values = new Float64Array(0);
    for (let t = 0; t < sequence.length; t++) {
      const step: unknown = sequence[t];
      if (!Array.isArray(step)) {
        const expected = 'expected an array of feature values (number[])';
        return fail('bad-field', `${path}[${t}]`, `is ${describe(step)}; ${expected}`);
      }
      if (numFeatures < 0) {
        if (step.length === 0) {
          return fail('no-features', `${path}[${t}]`, 'is empty; expected at least one feature value');
        }
        numFeatures = step.length;
      }
      if (step.length !== numFeatures) {
        const reference = t === 0 ? 'sequences[0][0]' : `${path}[0]`;
        const expected = `expected ${numFeatures}, as in ${reference}`;
        return fail('ragged', `${path}[${t}]`, `has ${step.length} feature values; ${expected}`);
      }
      if (t === 0) values = new Float64Array(sequence.length * numFeatures);
      for (let j = 0; j < numFeatures; j++) {
        const x: unknown = step[j];
        if (typeof x !== 'number') {
          return fail('non-numeric', `${path}[${t}][${j}]`, `is ${describe(x)}; expected a finite number`);
        }
        if (!Number.isFinite(x)) {
          // Only an overflowing literal such as 1e999 parses to a non-finite number.
          return fail(
            'non-finite',
            `${path}[${t}][${j}]`,
            'overflows a 64-bit float; expected a finite number',
          );
        }
        values[t * numFeatures + j] = x;
      }
    }
    sequences[i] = values;
  }
  return { ok: true, value: { numFeatures, sequences } };
}

function validateLabels(
  raw: unknown[],
  declared: string[] | null,
  fail: Fail,
): DataResult<{ classLabels: string[]; labels: Int32Array }> {
  const keys = new Array<string>(raw.length);
  const expected = 'expected a class label (a string or a number)';
  let allNumbers = true;
  for (let i = 0; i < raw.length; i++) {
    const label: unknown = raw[i];
    const field = `labels[${i}]`;
    if (label === null || label === undefined) return fail('missing-label', field, `is null; ${expected}`);
    if (typeof label === 'number') {
      if (!Number.isFinite(label)) return fail('non-finite', field, `overflows a 64-bit float; ${expected}`);
      keys[i] = String(label);
    } else if (typeof label === 'string') {
      if (label.trim() === '') return fail('missing-label', field, `is an empty string; ${expected}`);
      keys[i] = label;
      allNumbers = false;
    } else {
      return fail('bad-label', field, `is ${describe(label)}; ${expected}`);
    }
  }
  const classLabels = declared ?? orderClassLabels(keys, allNumbers);
  if (classLabels.length < 2) {
    const only = JSON.stringify(classLabels[0]);
    return fail('single-class', 'labels', `has only one class (${only}); expected at least two classes`);
  }
  const indexOf = new Map(classLabels.map((label, k) => [label, k]));
  const labels = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const k = indexOf.get(keys[i]);
    if (k === undefined) {
      const notDeclared = `is ${JSON.stringify(keys[i])}, which is not in classLabels`;
      return fail(
        'unknown-label',
        `labels[${i}]`,
        `${notDeclared}; expected one of ${listLabels(classLabels)}`,
      );
    }
    labels[i] = k;
  }
  return { ok: true, value: { classLabels, labels } };
}

function listLabels(labels: string[]): string {
  const shown = labels.slice(0, 10).map((label) => JSON.stringify(label));
  return labels.length > 10 ? `${shown.join(', ')}, ... (${labels.length} classes)` : shown.join(', ');
}

function syntaxFailure(text: string, file: string, err: unknown): DataFailure {
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
 * JSON.parse reports where it failed only in some engines and in varying words, so on a
 * failure we rescan the text ourselves to find the first offending character. Iterative, so
 * deep nesting cannot overflow the stack.
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
    while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
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

/** The inverse of parseDatasetJson: labels written by class name, one sequence per line. */
export function serializeDatasetJson(dataset: Dataset): string {
  const n = dataset.numFeatures;
  const lines = dataset.sequences.map((sequence) => {
    const steps: string[] = [];
    for (let t = 0; t < sequence.length; t += n) {
      steps.push(`[${Array.from(sequence.subarray(t, t + n), formatNumber).join(',')}]`);
    }
    return `    [${steps.join(',')}]`;
  });
  const labels = Array.from(dataset.labels, (k) => dataset.classLabels[k]);
  return [
    '{',
    `  "name": ${JSON.stringify(dataset.name)},`,
    `  "classLabels": ${JSON.stringify(dataset.classLabels)},`,
    `  "labels": ${JSON.stringify(labels)},`,
    lines.length === 0 ? '  "sequences": []' : `  "sequences": [\n${lines.join(',\n')}\n  ]`,
    '}',
    '',
  ].join('\n');
}

function formatNumber(x: number): string {
  // A Dataset holds finite numbers only; anything else is a bug upstream, not a data error.
  if (!Number.isFinite(x)) throw new RangeError(`serializeDatasetJson: non-finite value ${x}`);
  return String(x); // the shortest text that parses back to the same float64
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function baseName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base;
}
