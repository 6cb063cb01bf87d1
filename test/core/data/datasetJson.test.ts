// Dataset JSON: every validation error names the file, the field and the reason; the class
// order rule; BOM and size limit; the round trip through serializeDatasetJson.

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../core/data/dataset';
import { formatDataError, type DataErrorCode, type DataResult } from '../../../core/data/dataError';
import { compareNatural } from '../../../core/data/classOrder';
import {
  locateJsonSyntaxError,
  parseDatasetJson,
  serializeDatasetJson,
} from '../../../core/data/datasetJson';

async function* chunksOf(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function parse(text: string, options?: { maxBytes?: number }): Promise<DataResult<Dataset>> {
  return parseDatasetJson(chunksOf(text), 'train.json', options);
}

async function parseOk(value: unknown): Promise<Dataset> {
  const result = await parse(JSON.stringify(value));
  if (!result.ok) throw new Error(formatDataError(result.error));
  return result.value;
}

async function expectError(
  text: string,
  code: DataErrorCode,
  field: string | undefined,
  reason: string,
): Promise<string> {
  const result = await parse(text);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  const message = formatDataError(result.error);
  expect(result.error.code).toBe(code);
  expect(result.error.file).toBe('train.json');
  expect(result.error.field).toBe(field);
  expect(message.startsWith('train.json')).toBe(true);
  if (field !== undefined) expect(message).toContain(field);
  expect(message).toContain(reason);
  return message;
}

const valid = { sequences: [[[1, 2]], [[3, 4]]], labels: ['a', 'b'] };
const withField = (key: string, value: unknown): string => JSON.stringify({ ...valid, [key]: value });

describe('parseDatasetJson: valid input', () => {
  it('reads sequences row-major [t][j], labels by class index and the name', async () => {
    const d = await parseOk({
      name: 'demo',
      sequences: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [[7, 8]],
      ],
      labels: ['yes', 'no'],
    });
    expect(d.name).toBe('demo');
    expect(d.numFeatures).toBe(2);
    expect(Array.from(d.sequences[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(d.sequences[1])).toEqual([7, 8]);
    expect(d.sequences[0]).toBeInstanceOf(Float64Array);
    expect(d.classLabels).toEqual(['no', 'yes']);
    expect(Array.from(d.labels)).toEqual([1, 0]);
  });

  it('names the dataset after the file when the JSON has no name', async () => {
    const result = await parseDatasetJson(chunksOf(JSON.stringify(valid)), 'data/my.set.json');
    expect(result.ok && result.value.name).toBe('my.set');
  });

  it('strips a byte order mark', async () => {
    const result = await parse(`\uFEFF${JSON.stringify(valid)}`);
    expect(result.ok).toBe(true);
  });

  it('accepts text split anywhere into chunks, even inside a number or a multibyte character', async () => {
    const text = JSON.stringify({ sequences: [[[1.25, -3e-2]], [[4, 5]]], labels: ['é', '漢'] });
    for (const size of [1, 2, 3, 1000]) {
      const result = await parseDatasetJson(chunksOf(text, size), 'train.json');
      expect(result.ok && Array.from(result.value.sequences[0])).toEqual([1.25, -0.03]);
    }
  });

  it('sorts numeric labels numerically', async () => {
    const d = await parseOk({ sequences: [[[0]], [[0]], [[0]], [[0]]], labels: [10, 2, -1, 2.5] });
    expect(d.classLabels).toEqual(['-1', '2', '2.5', '10']);
    expect(Array.from(d.labels)).toEqual([3, 1, 0, 2]);
  });

  it('sorts string labels in natural order, so "2" comes before "10"', async () => {
    const d = await parseOk({
      sequences: [[[0]], [[0]], [[0]], [[0]], [[0]]],
      labels: ['class10', 'class2', '10', '2', 'b'],
    });
    expect(d.classLabels).toEqual(['2', '10', 'b', 'class2', 'class10']);
  });

  it('matches labels by their string form: 1 and "1" are one class', async () => {
    const d = await parseOk({ sequences: [[[0]], [[0]], [[0]]], labels: [1, '1', 'x'] });
    expect(d.classLabels).toEqual(['1', 'x']);
    expect(Array.from(d.labels)).toEqual([0, 0, 1]);
  });

  it('keeps the order of a declared classLabels, even classes the file does not use', async () => {
    const d = await parseOk({ ...valid, classLabels: ['c', 'b', 'a'] });
    expect(d.classLabels).toEqual(['c', 'b', 'a']);
    expect(Array.from(d.labels)).toEqual([2, 1]);
  });

  it('takes null for name and classLabels as not given', async () => {
    const d = await parseOk({ ...valid, name: null, classLabels: null });
    expect(d.name).toBe('train');
    expect(d.classLabels).toEqual(['a', 'b']);
  });
});

describe('compareNatural', () => {
  it('orders digit runs by value and the rest by code unit', () => {
    const sorted = ['a10', 'a2', 'a02', 'b', 'a', '100', '9', 'a2b', 'a2a'].sort(compareNatural);
    expect(sorted).toEqual(['9', '100', 'a', 'a02', 'a2', 'a2a', 'a2b', 'a10', 'b']);
  });

  it('compares digit runs longer than a float can hold', () => {
    expect(compareNatural('x99999999999999999999', 'x100000000000000000000')).toBeLessThan(0);
  });
});

describe('parseDatasetJson: errors', () => {
  it('empty file', async () => {
    await expectError('', 'empty-file', undefined, 'empty');
    await expectError(' \n\t', 'empty-file', undefined, 'empty');
    await expectError('\uFEFF', 'empty-file', undefined, 'empty');
  });

  it('input over maxBytes, naming the limit', async () => {
    const text = JSON.stringify(valid);
    const result = await parse(text, { maxBytes: 10 });
    expect(!result.ok && result.error.code).toBe('too-large');
    expect(!result.ok && formatDataError(result.error)).toBe(
      'train.json: the file is larger than the limit of 10 bytes',
    );
    const big = await parse(text, { maxBytes: 2 * 1024 * 1024 });
    expect(big.ok).toBe(true);
  });

  it('counts the limit in UTF-8 bytes', async () => {
    const text = JSON.stringify({ ...valid, name: 'é'.repeat(20) }); // 20 characters, 40 bytes
    expect((await parse(text, { maxBytes: text.length + 5 })).ok).toBe(false);
    expect((await parse(text, { maxBytes: text.length + 20 })).ok).toBe(true);
  });

  it('a stream that fails is a read error, not an exception', async () => {
    async function* broken(): AsyncGenerator<string> {
      yield '{"seq';
      throw new Error('disk on fire');
    }
    const result = await parseDatasetJson(broken(), 'train.json');
    expect(!result.ok && formatDataError(result.error)).toBe(
      'train.json: the file could not be read: disk on fire',
    );
  });

  it('JSON syntax errors with line and column', async () => {
    const message = await expectError(
      '{\n  "sequences": [[[1, abc]]]\n}',
      'bad-json',
      undefined,
      'not valid JSON',
    );
    expect(message).toBe('train.json, line 2, column 22: not valid JSON: expected a value, found "abc"');
    const result = await parse('{"labels": [1, 2,]}');
    expect(!result.ok && [result.error.line, result.error.column]).toEqual([1, 18]);
  });

  it('the top level is not an object', async () => {
    await expectError('[1, 2]', 'bad-field', undefined, 'the top level is an array; expected an object');
    await expectError('42', 'bad-field', undefined, 'the top level is 42; expected an object');
    await expectError('null', 'bad-field', undefined, 'the top level is null');
  });

  it('missing or non-array sequences', async () => {
    await expectError(
      '{"labels": []}',
      'missing-field',
      'sequences',
      'is missing; expected an array of sequences',
    );
    await expectError(withField('sequences', 'x'), 'bad-field', 'sequences', 'is "x"; expected an array');
  });

  it('missing or non-array labels', async () => {
    await expectError('{"sequences": []}', 'missing-field', 'labels', 'is missing; expected an array');
    await expectError(
      withField('labels', { a: 1 }),
      'bad-field',
      'labels',
      'is an object; expected an array',
    );
  });

  it('labels and sequences of different lengths', async () => {
    await expectError(
      withField('labels', ['a', 'b', 'a']),
      'length-mismatch',
      'labels',
      'has 3 entries but sequences has 2; expected one label per sequence',
    );
  });

  it('no sequences at all', async () => {
    await expectError('{"sequences": [], "labels": []}', 'no-sequences', 'sequences', 'is empty');
  });

  it('a name that is not a string', async () => {
    await expectError(withField('name', 3), 'bad-field', 'name', 'is 3; expected a string');
  });

  it('bad classLabels', async () => {
    await expectError(
      withField('classLabels', 'ab'),
      'bad-field',
      'classLabels',
      'expected an array of strings',
    );
    await expectError(
      withField('classLabels', ['a', 1]),
      'bad-field',
      'classLabels[1]',
      'is 1; expected a string',
    );
    await expectError(withField('classLabels', ['a', '']), 'bad-field', 'classLabels[1]', 'empty string');
    await expectError(
      withField('classLabels', ['a', 'b', 'a']),
      'duplicate-label',
      'classLabels[2]',
      'repeats "a"',
    );
    await expectError(
      withField('classLabels', ['a']),
      'single-class',
      'classLabels',
      'expected at least two classes',
    );
  });

  it('a sequence or a step that is not an array', async () => {
    await expectError(
      withField('sequences', [[[1, 2]], 5]),
      'bad-field',
      'sequences[1]',
      'is 5; expected an array of time steps',
    );
    await expectError(
      withField('sequences', [[[1, 2], 'x'], [[1, 2]]]),
      'bad-field',
      'sequences[0][1]',
      'is "x"; expected an array of feature values',
    );
  });

  it('an empty sequence', async () => {
    await expectError(
      withField('sequences', [[[1, 2]], []]),
      'empty-sequence',
      'sequences[1]',
      'has no time steps',
    );
  });

  it('a step without features', async () => {
    await expectError(withField('sequences', [[[]], [[]]]), 'no-features', 'sequences[0][0]', 'is empty');
  });

  it('ragged feature counts within a sequence', async () => {
    const message = await expectError(
      withField('sequences', [[[1, 2]], [[1, 2], [3, 4], [5]]]),
      'ragged',
      'sequences[1][2]',
      'has 1 feature values; expected 2',
    );
    expect(message).toContain('as in sequences[1][0]');
  });

  it('ragged feature counts across sequences', async () => {
    const message = await expectError(
      withField('sequences', [[[1, 2]], [[1, 2, 3]]]),
      'ragged',
      'sequences[1][0]',
      'has 3 feature values; expected 2',
    );
    expect(message).toContain('as in sequences[0][0]');
  });

  it('non-numeric values', async () => {
    const message = await expectError(
      withField('sequences', [[[1, 2]], [[1, 'abc']]]),
      'non-numeric',
      'sequences[1][0][1]',
      'is "abc"; expected a finite number',
    );
    expect(message).toBe('train.json: sequences[1][0][1] is "abc"; expected a finite number');
    await expectError(
      withField('sequences', [[[1, null]], [[1, 2]]]),
      'non-numeric',
      'sequences[0][0][1]',
      'is null',
    );
    await expectError(
      withField('sequences', [[[true, 1]], [[1, 2]]]),
      'non-numeric',
      'sequences[0][0][0]',
      'is true',
    );
  });

  it('non-finite values (an overflowing literal)', async () => {
    await expectError(
      '{"sequences": [[[1, 2]], [[3, -1e999]]], "labels": ["a", "b"]}',
      'non-finite',
      'sequences[1][0][1]',
      'expected a finite number',
    );
  });

  it('NaN and Infinity are JSON syntax errors', async () => {
    await expectError(
      '{"sequences": [[[NaN]]]}',
      'bad-json',
      undefined,
      'found "NaN", which JSON does not allow',
    );
  });

  it('a missing label', async () => {
    await expectError(
      withField('labels', ['a', null]),
      'missing-label',
      'labels[1]',
      'is null; expected a class label',
    );
    await expectError(withField('labels', ['a', ' ']), 'missing-label', 'labels[1]', 'is an empty string');
  });

  it('a label that is neither string nor number', async () => {
    await expectError(
      withField('labels', [true, 'a']),
      'bad-label',
      'labels[0]',
      'is true; expected a class label',
    );
    await expectError(withField('labels', ['a', ['b']]), 'bad-label', 'labels[1]', 'is an array');
  });

  it('a label outside the declared classLabels', async () => {
    await expectError(
      JSON.stringify({ ...valid, classLabels: ['a', 'c'] }),
      'unknown-label',
      'labels[1]',
      'is "b", which is not in classLabels; expected one of "a", "c"',
    );
  });

  it('fewer than two classes', async () => {
    await expectError(
      withField('labels', ['a', 'a']),
      'single-class',
      'labels',
      'has only one class ("a"); expected at least two classes',
    );
  });
});

describe('locateJsonSyntaxError', () => {
  const cases: Array<[string, number, string]> = [
    ['{"a": 1,}', 8, 'expected a property name'],
    ['{"a" 1}', 5, "expected ':'"],
    ['[1 2]', 3, "expected ',' or ']'"],
    ['{"a": 1]', 7, "expected ',' or '}'"],
    ['[1, 2', 5, 'ends before'],
    ['"abc', 0, 'never closed'],
    ['"a\\x"', 2, 'bad escape'],
    ['[01]', 2, "expected ',' or ']'"],
    ['[-]', 2, 'expected a digit'],
    ['[1.]', 3, 'after the decimal point'],
    ['[1e+]', 4, 'in the exponent'],
    ['[tru]', 1, 'expected a value, found "tru"'],
    ['{} x', 3, 'nothing more'],
  ];
  it.each(cases)('%s fails at %i with "%s"', (text, position, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = locateJsonSyntaxError(text);
    expect(found?.position).toBe(position);
    expect(found?.reason).toContain(reason);
  });

  it('finds nothing wrong in valid JSON, however deep', () => {
    for (const text of ['{"a": [1, -2.5e-3, true, null, {"b": "\\u00e9\\n"}]}', '[]', ' 0 ', '[[[[]]]]']) {
      expect(locateJsonSyntaxError(text)).toBeNull();
    }
    expect(locateJsonSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
  });
});

describe('serializeDatasetJson', () => {
  it('round trips exactly: values, labels, class order and name', async () => {
    const original: Dataset = {
      name: 'round "trip"',
      numFeatures: 2,
      classLabels: ['zeta', 'alpha', '10', '2'],
      sequences: [
        Float64Array.from([0.1, -2.5e-300, 1 / 3, Math.PI]),
        Float64Array.from([1e21, -7]),
        Float64Array.from([Number.MIN_VALUE, Number.MAX_VALUE, 0, 5]),
      ],
      labels: Int32Array.from([2, 0, 3]),
    };
    const text = serializeDatasetJson(original);
    const parsed = await parse(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(original);
    expect(JSON.parse(text)).toMatchObject({ labels: ['10', 'zeta', '2'] });
  });

  it('writes plain JSON numbers', () => {
    const text = serializeDatasetJson({
      name: 'n',
      numFeatures: 1,
      classLabels: ['a', 'b'],
      sequences: [Float64Array.from([1, 2.5])],
      labels: Int32Array.from([1]),
    });
    expect(JSON.parse(text)).toEqual({
      name: 'n',
      classLabels: ['a', 'b'],
      labels: ['b'],
      sequences: [[[1], [2.5]]],
    });
  });
});
