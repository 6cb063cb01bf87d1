// The built-in synthetic datasets: their registry, and the spec strings that name them
// (`builtin:temporal-order?T=50&n=2000`, `builtin:waveforms?minT=20&maxT=40&seed=3`).

import type { Dataset } from '../dataset';
import { dataFailure, type DataErrorCode, type DataFailure, type DataResult } from '../dataError';
import { generateRandomPermutation } from './randomPermutation';
import { generateTemporalOrder, TEMPORAL_ORDER_SYMBOLS, temporalOrderMinLength } from './temporalOrder';
import { generateWaveforms, WAVEFORM_MIN_LENGTH } from './waveforms';

export type BuiltinName = 'temporal-order' | 'temporal-order-3bit' | 'random-permutation' | 'waveforms';

interface BuiltinCommon {
  /** Every sequence draws its length uniformly from minT..maxT; minT = maxT for a fixed T. */
  minT: number;
  maxT: number;
  /** Training sequences. */
  n: number;
  /** Held-out test sequences (a different random stream). */
  nTest: number;
  /** The data seed (not the training seed). */
  seed: number;
}

export type BuiltinSpec =
  | (BuiltinCommon & { name: 'temporal-order' | 'temporal-order-3bit' })
  | (BuiltinCommon & { name: 'random-permutation'; /** S */ symbols: number })
  | (BuiltinCommon & { name: 'waveforms'; /** sd of the additive noise */ noise: number });

export const BUILTIN_PREFIX = 'builtin:';

/** One line per dataset, for the CLI's help and the UI's picker. */
export const builtinDatasetNames: Readonly<Record<BuiltinName, string>> = {
  'temporal-order':
    'Hochreiter & Schmidhuber: A or B at two far-apart steps among distractors; 4 classes by their order',
  'temporal-order-3bit': 'the same with three marked steps; 8 classes (AAA .. BBB)',
  'random-permutation':
    'the class is the first of S one-hot symbols (0 or 1); the rest are random distractors',
  waveforms: 'noisy sine, square, sawtooth and triangle waves of random frequency and length; 4 classes',
};

interface BuiltinDefaults {
  minT: number;
  maxT: number;
  /** The shortest valid length. */
  minLength: number;
  /** Parameters of this dataset only. */
  extra: string[];
}

const DEFAULTS: Record<BuiltinName, BuiltinDefaults> = {
  'temporal-order': { minT: 50, maxT: 50, minLength: temporalOrderMinLength(2), extra: [] },
  'temporal-order-3bit': { minT: 50, maxT: 50, minLength: temporalOrderMinLength(3), extra: [] },
  'random-permutation': { minT: 10, maxT: 10, minLength: 1, extra: ['S'] },
  waveforms: { minT: 30, maxT: 80, minLength: WAVEFORM_MIN_LENGTH, extra: ['noise'] },
};

const DEFAULT_N = 2000;
const DEFAULT_N_TEST = 1000;
const DEFAULT_SEED = 1;
const DEFAULT_SYMBOLS = 100;
const DEFAULT_NOISE = 0.1;
const MAX_LENGTH = 100_000;
const MAX_SEQUENCES = 1_000_000;
const MAX_SEED = 2 ** 31 - 1;
const MAX_SYMBOLS = 10_000;
const MAX_NOISE = 10;
/** Float64 values in train + test together (800 MB): beyond this a typo, not a wish. */
const MAX_VALUES = 100_000_000;

const COMMON_PARAMETERS = ['T', 'minT', 'maxT', 'n', 'nTest', 'seed'];

function isBuiltinName(name: string): name is BuiltinName {
  return Object.prototype.hasOwnProperty.call(DEFAULTS, name);
}

/** Builds the failure for one parameter of the spec being parsed. */
type Fail = (code: DataErrorCode, field: string, message: string) => DataFailure;

export function parseBuiltinSpec(spec: string): DataResult<BuiltinSpec> {
  const fail: Fail = (code, field, message) =>
    dataFailure(code, spec, message, field === '' ? {} : { field });
  if (!spec.startsWith(BUILTIN_PREFIX)) {
    return fail('bad-spec', '', `not a built-in dataset; expected ${BUILTIN_PREFIX}NAME?key=value&...`);
  }
  const [name, query = ''] = splitOnce(spec.slice(BUILTIN_PREFIX.length), '?');
  if (!isBuiltinName(name)) {
    const known = Object.keys(DEFAULTS).join(', ');
    return fail('unknown-dataset', '', `"${name}" is not a built-in dataset; expected one of ${known}`);
  }
  const given = readParameters(query, name, fail);
  if (!given.ok) return given;
  const read = numberReader(given.value, fail);
  const common = readCommon(given.value, DEFAULTS[name], read, fail);
  if (!common.ok) return common;

  let result: BuiltinSpec;
  let numFeatures: number;
  if (name === 'random-permutation') {
    const symbols = read('S', DEFAULT_SYMBOLS, 3, MAX_SYMBOLS, true);
    if (!symbols.ok) return symbols;
    result = { name, ...common.value, symbols: symbols.value };
    numFeatures = symbols.value;
  } else if (name === 'waveforms') {
    const noise = read('noise', DEFAULT_NOISE, 0, MAX_NOISE, false);
    if (!noise.ok) return noise;
    result = { name, ...common.value, noise: noise.value };
    numFeatures = 1;
  } else {
    result = { name, ...common.value };
    numFeatures = TEMPORAL_ORDER_SYMBOLS.length;
  }
  const { n, nTest, maxT } = common.value;
  const values = (n + nTest) * maxT * numFeatures;
  if (values > MAX_VALUES) {
    const size = `(n + nTest) * maxT * ${numFeatures} features = ${values} values`;
    return fail('too-large', '', `the data would hold ${size}; expected at most ${MAX_VALUES}`);
  }
  return { ok: true, value: result };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** `key=value&...` into a map, refusing unknown and repeated keys. */
function readParameters(query: string, name: BuiltinName, fail: Fail): DataResult<Map<string, string>> {
  const allowed = [...COMMON_PARAMETERS, ...DEFAULTS[name].extra];
  const given = new Map<string, string>();
  for (const pair of query === '' ? [] : query.split('&')) {
    const [key, value] = splitOnce(pair, '=');
    if (value === undefined) return fail('bad-spec', '', `"${pair}" is not a key=value pair`);
    if (!allowed.includes(key)) {
      const expected = `expected one of ${allowed.join(', ')}`;
      return fail(
        'unknown-parameter',
        key === '' ? '(empty name)' : key,
        `is not a parameter of ${name}; ${expected}`,
      );
    }
    if (given.has(key)) return fail('bad-parameter', key, 'is given twice; expected it once');
    given.set(key, value);
  }
  return { ok: true, value: given };
}

type NumberReader = (
  key: string,
  fallback: number,
  min: number,
  max: number,
  integer: boolean,
) => DataResult<number>;

function numberReader(given: Map<string, string>, fail: Fail): NumberReader {
  return (key, fallback, min, max, integer) => {
    const text = given.get(key);
    if (text === undefined) return { ok: true, value: fallback };
    const value = integer ? (/^\d+$/.test(text) ? Number(text) : NaN) : parseDecimal(text);
    if (value >= min && value <= max) return { ok: true, value };
    return fail(
      'bad-parameter',
      key,
      `is "${text}"; expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
    );
  };
}

/** T (or minT and maxT together), n, nTest and seed. */
function readCommon(
  given: Map<string, string>,
  defaults: BuiltinDefaults,
  read: NumberReader,
  fail: Fail,
): DataResult<BuiltinCommon> {
  if (given.has('T') && (given.has('minT') || given.has('maxT'))) {
    return fail(
      'bad-parameter',
      'T',
      'cannot be combined with minT or maxT; expected T or both minT and maxT',
    );
  }
  if (given.has('minT') !== given.has('maxT')) {
    const missing = given.has('minT') ? 'maxT' : 'minT';
    return fail('bad-parameter', missing, 'is missing; expected both minT and maxT (or T alone)');
  }
  const T = read('T', defaults.minT, defaults.minLength, MAX_LENGTH, true);
  if (!T.ok) return T;
  const fixed = given.has('T');
  const minT = read('minT', fixed ? T.value : defaults.minT, defaults.minLength, MAX_LENGTH, true);
  if (!minT.ok) return minT;
  const maxT = read('maxT', fixed ? T.value : defaults.maxT, defaults.minLength, MAX_LENGTH, true);
  if (!maxT.ok) return maxT;
  if (minT.value > maxT.value) {
    return fail('bad-parameter', 'minT', `is ${minT.value}, above maxT ${maxT.value}; expected minT <= maxT`);
  }
  const n = read('n', DEFAULT_N, 1, MAX_SEQUENCES, true);
  if (!n.ok) return n;
  const nTest = read('nTest', DEFAULT_N_TEST, 0, MAX_SEQUENCES, true);
  if (!nTest.ok) return nTest;
  const seed = read('seed', DEFAULT_SEED, 0, MAX_SEED, true);
  if (!seed.ok) return seed;
  return {
    ok: true,
    value: { minT: minT.value, maxT: maxT.value, n: n.value, nTest: nTest.value, seed: seed.value },
  };
}

/** A plain decimal such as 0.25 or 1e-2; anything else is NaN. */
function parseDecimal(text: string): number {
  return /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
}

/** The canonical spec string, every parameter written out: parseBuiltinSpec gives the spec back. */
export function formatBuiltinSpec(spec: BuiltinSpec): string {
  const length = spec.minT === spec.maxT ? `T=${spec.minT}` : `minT=${spec.minT}&maxT=${spec.maxT}`;
  const extra =
    spec.name === 'random-permutation'
      ? `&S=${spec.symbols}`
      : spec.name === 'waveforms'
        ? `&noise=${spec.noise}`
        : '';
  return `${BUILTIN_PREFIX}${spec.name}?${length}&n=${spec.n}&nTest=${spec.nTest}&seed=${spec.seed}${extra}`;
}

export function generateBuiltin(spec: BuiltinSpec): { train: Dataset; test: Dataset } {
  switch (spec.name) {
    case 'temporal-order':
      return generateTemporalOrder({ ...spec, bits: 2 });
    case 'temporal-order-3bit':
      return generateTemporalOrder({ ...spec, bits: 3 });
    case 'random-permutation':
      return generateRandomPermutation(spec);
    case 'waveforms':
      return generateWaveforms(spec);
  }
}
