// The built-in registry and its spec strings: defaults, every parameter, every error, and
// that a spec always generates the same data.

import { describe, expect, it } from 'vitest';
import { formatDataError, type DataErrorCode } from '../../../../core/data/dataError';
import { datasetFingerprint } from '../../../../core/data/fingerprint';
import {
  builtinDatasetNames,
  formatBuiltinSpec,
  generateBuiltin,
  parseBuiltinSpec,
  type BuiltinSpec,
} from '../../../../core/data/synthetic/index';

function parsed(spec: string): BuiltinSpec {
  const result = parseBuiltinSpec(spec);
  if (!result.ok) throw new Error(formatDataError(result.error));
  return result.value;
}

function expectError(spec: string, code: DataErrorCode, field: string | undefined, reason: string): void {
  const result = parseBuiltinSpec(spec);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.field).toBe(field);
  expect(result.error.file).toBe(spec);
  const message = formatDataError(result.error);
  if (field !== undefined) expect(message).toContain(`: ${field} `);
  expect(message).toContain(reason);
}

const common = { n: 2000, nTest: 1000, seed: 1 };

describe('parseBuiltinSpec: defaults and parameters', () => {
  it('fills in the defaults of each dataset', () => {
    expect(parsed('builtin:temporal-order')).toEqual({
      name: 'temporal-order',
      minT: 50,
      maxT: 50,
      ...common,
    });
    expect(parsed('builtin:temporal-order-3bit')).toEqual({
      name: 'temporal-order-3bit',
      minT: 50,
      maxT: 50,
      ...common,
    });
    expect(parsed('builtin:random-permutation')).toEqual({
      name: 'random-permutation',
      minT: 10,
      maxT: 10,
      symbols: 100,
      ...common,
    });
    expect(parsed('builtin:waveforms')).toEqual({
      name: 'waveforms',
      minT: 30,
      maxT: 80,
      noise: 0.1,
      ...common,
    });
  });

  it('reads every parameter', () => {
    expect(parsed('builtin:temporal-order?T=120&n=64&nTest=0&seed=7')).toEqual({
      name: 'temporal-order',
      minT: 120,
      maxT: 120,
      n: 64,
      nTest: 0,
      seed: 7,
    });
    expect(parsed('builtin:waveforms?minT=20&maxT=40&seed=3&noise=0.25')).toMatchObject({
      minT: 20,
      maxT: 40,
      seed: 3,
      noise: 0.25,
    });
    expect(parsed('builtin:waveforms?noise=0')).toMatchObject({ noise: 0 });
    expect(parsed('builtin:random-permutation?S=5&T=3')).toMatchObject({ symbols: 5, minT: 3, maxT: 3 });
    expect(parsed('builtin:temporal-order?')).toMatchObject({ minT: 50 });
  });

  it('accepts the smallest valid lengths', () => {
    expect(parsed('builtin:temporal-order?T=2').minT).toBe(2);
    expect(parsed('builtin:temporal-order-3bit?T=3').minT).toBe(3);
    expect(parsed('builtin:random-permutation?T=1').minT).toBe(1);
    expect(parsed('builtin:waveforms?T=4').minT).toBe(4);
  });
});

describe('parseBuiltinSpec: errors', () => {
  it('a string that is not a builtin spec', () => {
    expectError('temporal-order?T=5', 'bad-spec', undefined, 'expected builtin:NAME');
  });

  it('an unknown dataset, listing the known ones', () => {
    expectError('builtin:temporal', 'unknown-dataset', undefined, '"temporal" is not a built-in dataset');
    expectError(
      'builtin:',
      'unknown-dataset',
      undefined,
      'expected one of temporal-order, temporal-order-3bit',
    );
  });

  it('unknown parameters, including another dataset’s', () => {
    expectError('builtin:temporal-order?t=50', 'unknown-parameter', 't', 'expected one of T, minT, maxT');
    expectError(
      'builtin:temporal-order?S=5',
      'unknown-parameter',
      'S',
      'is not a parameter of temporal-order',
    );
    expectError('builtin:random-permutation?noise=1', 'unknown-parameter', 'noise', 'expected one of');
    expectError('builtin:waveforms?S=5', 'unknown-parameter', 'S', 'noise');
    expectError('builtin:waveforms?=5', 'unknown-parameter', '(empty name)', 'is not a parameter');
  });

  it('a piece that is not key=value', () => {
    expectError('builtin:waveforms?T', 'bad-spec', undefined, '"T" is not a key=value pair');
    expectError('builtin:waveforms?T=40&&n=5', 'bad-spec', undefined, '"" is not a key=value pair');
  });

  it('a parameter given twice', () => {
    expectError('builtin:waveforms?n=5&n=6', 'bad-parameter', 'n', 'is given twice');
  });

  it('T together with minT/maxT, or only one of minT and maxT', () => {
    expectError(
      'builtin:waveforms?T=40&minT=30',
      'bad-parameter',
      'T',
      'cannot be combined with minT or maxT',
    );
    expectError(
      'builtin:waveforms?minT=30',
      'bad-parameter',
      'maxT',
      'is missing; expected both minT and maxT',
    );
    expectError('builtin:waveforms?maxT=30', 'bad-parameter', 'minT', 'is missing');
  });

  it('minT above maxT', () => {
    expectError('builtin:waveforms?minT=50&maxT=40', 'bad-parameter', 'minT', 'is 50, above maxT 40');
  });

  it('non-integer values', () => {
    for (const value of ['abc', '1.5', '-3', '', '1e3', ' 5', '0x10']) {
      expectError(
        `builtin:temporal-order?T=${value}`,
        'bad-parameter',
        'T',
        `is "${value}"; expected an integer`,
      );
    }
    expectError(
      'builtin:temporal-order?seed=x',
      'bad-parameter',
      'seed',
      'expected an integer from 0 to 2147483647',
    );
  });

  it('out-of-range values, stating the range', () => {
    expectError(
      'builtin:temporal-order?T=1',
      'bad-parameter',
      'T',
      'is "1"; expected an integer from 2 to 100000',
    );
    expectError('builtin:temporal-order-3bit?T=2', 'bad-parameter', 'T', 'from 3 to');
    expectError('builtin:waveforms?minT=3&maxT=10', 'bad-parameter', 'minT', 'from 4 to');
    expectError('builtin:waveforms?minT=10&maxT=100001', 'bad-parameter', 'maxT', 'to 100000');
    expectError('builtin:random-permutation?T=0', 'bad-parameter', 'T', 'from 1 to');
    expectError('builtin:waveforms?n=0', 'bad-parameter', 'n', 'from 1 to 1000000');
    expectError('builtin:waveforms?nTest=1000001', 'bad-parameter', 'nTest', 'from 0 to 1000000');
    expectError('builtin:random-permutation?S=2', 'bad-parameter', 'S', 'from 3 to 10000');
    expectError('builtin:waveforms?seed=2147483648', 'bad-parameter', 'seed', 'to 2147483647');
  });

  it('bad noise', () => {
    for (const value of ['-1', '11', 'x', '', 'NaN', 'Infinity']) {
      expectError(
        `builtin:waveforms?noise=${value}`,
        'bad-parameter',
        'noise',
        'expected a number from 0 to 10',
      );
    }
  });

  it('a dataset too large to hold', () => {
    expectError(
      'builtin:temporal-order?T=100000&n=1000',
      'too-large',
      undefined,
      'expected at most 100000000',
    );
  });
});

describe('builtinDatasetNames', () => {
  it('describes every dataset in one line, and every name parses', () => {
    expect(Object.keys(builtinDatasetNames)).toEqual([
      'temporal-order',
      'temporal-order-3bit',
      'random-permutation',
      'waveforms',
    ]);
    for (const [name, description] of Object.entries(builtinDatasetNames)) {
      expect(description.length).toBeGreaterThan(10);
      expect(description).not.toContain('\n');
      expect(parseBuiltinSpec(`builtin:${name}`).ok).toBe(true);
    }
  });
});

describe('formatBuiltinSpec', () => {
  it('writes a spec that parses back to itself', () => {
    for (const text of [
      'builtin:temporal-order',
      'builtin:temporal-order-3bit?minT=10&maxT=20&seed=4',
      'builtin:random-permutation?S=7&n=3',
      'builtin:waveforms?noise=0.03&nTest=5',
    ]) {
      const spec = parsed(text);
      expect(parsed(formatBuiltinSpec(spec))).toEqual(spec);
    }
    expect(formatBuiltinSpec(parsed('builtin:temporal-order'))).toBe(
      'builtin:temporal-order?T=50&n=2000&nTest=1000&seed=1',
    );
  });
});

describe('generateBuiltin', () => {
  it('generates each dataset with the spec’s sizes and name', () => {
    const cases: Array<[string, string, number]> = [
      ['builtin:temporal-order?T=30&n=20&nTest=10', 'temporal-order (T=30)', 6],
      ['builtin:temporal-order-3bit?minT=30&maxT=40&n=20&nTest=10', 'temporal-order-3bit (T=30..40)', 6],
      ['builtin:random-permutation?S=9&n=20&nTest=10', 'random-permutation (T=10, S=9)', 9],
      ['builtin:waveforms?n=20&nTest=10', 'waveforms (T=30..80)', 1],
    ];
    for (const [text, name, features] of cases) {
      const { train, test } = generateBuiltin(parsed(text));
      expect(train.name).toBe(name);
      expect(test.name).toBe(`${name}, test`);
      expect(train.sequences.length).toBe(20);
      expect(test.sequences.length).toBe(10);
      expect(train.numFeatures).toBe(features);
    }
  });

  it('gives the same data for the same spec and other data for another seed', () => {
    for (const name of Object.keys(builtinDatasetNames)) {
      const a = generateBuiltin(parsed(`builtin:${name}?n=50&nTest=20`));
      const b = generateBuiltin(parsed(`builtin:${name}?n=50&nTest=20`));
      const c = generateBuiltin(parsed(`builtin:${name}?n=50&nTest=20&seed=2`));
      expect(datasetFingerprint(a.train)).toBe(datasetFingerprint(b.train));
      expect(datasetFingerprint(a.test)).toBe(datasetFingerprint(b.test));
      expect(datasetFingerprint(c.train)).not.toBe(datasetFingerprint(a.train));
      expect(datasetFingerprint(a.test)).not.toBe(datasetFingerprint(a.train));
    }
  });

  it('keeps the two temporal order tasks apart', () => {
    const two = generateBuiltin(parsed('builtin:temporal-order?n=10'));
    const three = generateBuiltin(parsed('builtin:temporal-order-3bit?n=10'));
    expect(two.train.classLabels.length).toBe(4);
    expect(three.train.classLabels.length).toBe(8);
  });
});
