// The header of a .ts file: the `@key value` lines before @data, each read into a TsHeader
// with the line it stood on, and the contradictions within the header refused at @data.

import { dataFailure, type DataErrorCode, type DataFailure } from '../dataError';
import { isSpace } from '../charCodes';
import { showToken } from './tokens';

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

export interface TsHeader {
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

export function emptyHeader(): TsHeader {
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

/** Reads one `@key value` line into `header`; null, or why the line is refused. */
export function readHeaderLine(
  header: TsHeader,
  text: string,
  line: number,
  file: string,
): DataFailure | null {
  const trimmed = text.trim();
  const written = firstToken(trimmed, 0);
  const rest = trimmed.slice(written.length).trim();
  const args = rest === '' ? [] : rest.split(/\s+/);
  const key = KEY_BY_LOWER_CASE.get(written.slice(1).toLowerCase());
  if (key === undefined) {
    return dataFailure('bad-field', file, `is not a .ts header key; ${EXPECTED_KEYS}`, {
      line,
      field: showToken(written, false),
    });
  }
  const fail = (code: DataErrorCode, message: string) =>
    dataFailure(code, file, message, { line, field: `@${key}` });
  const given = `is ${showToken(rest)}`;
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
        : fail('bad-field', `has ${showToken(rest)} after it; expected @data alone on its line`);
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
  if (flag !== 'true') return fail('bad-field', `is ${showToken(args.join(' '))}; ${expected}`);
  const labels = args.slice(1);
  if (labels.length === 0) {
    return fail('bad-field', 'is true but names no classes; expected true followed by the class names');
  }
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label))
      return fail('duplicate-label', `names ${showToken(label)} twice; expected each class once`);
    seen.add(label);
  }
  header.classLabels = labels;
  return null;
}

/** Contradictions within the header itself, checked once @data is reached. */
export function checkHeader(header: TsHeader, file: string): DataFailure | null {
  if (header.univariate === true && header.dimensions !== null && header.dimensions !== 1) {
    const message = `is ${header.dimensions}, but @univariate true (line ${header.lineOf.get('univariate')}) declares one dimension`;
    return dataFailure('bad-field', file, message, {
      line: header.lineOf.get('dimensions'),
      field: '@dimensions',
    });
  }
  return null;
}

/** The text from `from` up to the next blank: a header key such as `@problemName`. */
export function firstToken(text: string, from: number): string {
  let end = from;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  return text.slice(from, end);
}
