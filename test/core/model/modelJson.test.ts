// Model JSON (MATH.md, "Model JSON"): exact round trips, the row-major layout, and a refusal
// naming the right field for every malformed part of a file.

import { describe, expect, it } from 'vitest';
import type { Architecture } from '../../../core/model/architecture';
import type { Parameters } from '../../../core/model/parameters';
import { allocateParameters, headTensors, layerTensors } from '../../../core/model/parameters';
import type { Precision } from '../../../core/numeric';
import type { Normalization } from '../../../core/data/dataset';
import type { ModelImportResult, ModelJson, ModelJsonError } from '../../../core/model/modelJson';
import { modelToJson, toJsonObject } from '../../../core/model/modelJson';
import { modelFromJson } from '../../../core/model/modelJsonImport';
import { formatModelJsonError, parseModelJsonText } from '../../../core/model/modelJsonText';

function makeArch(overrides: Partial<Architecture> = {}): Architecture {
  return {
    inputSize: 3,
    hiddenSize: 4,
    numClasses: 2,
    numLayers: 2,
    cell: 'elman',
    activation: 'tanh',
    residual: false,
    ...overrides,
  };
}

function makeParams(arch: Architecture, precision: Precision = 'float64'): Parameters {
  const params = allocateParameters(arch, precision);
  // Full-precision doubles, so the text round trip has every digit to lose.
  for (let k = 0; k < params.values.length; k++) params.values[k] = 3 * Math.sin(k + 1);
  return params;
}

function labels(K: number): string[] {
  return Array.from({ length: K }, (_, k) => `class ${k}`);
}

function normalizationFor(N: number): Normalization {
  return {
    mean: Array.from({ length: N }, (_, j) => Math.cos(j + 1)),
    std: Array.from({ length: N }, (_, j) => 0.5 + Math.sin(j + 1) ** 2),
  };
}

function viaText(json: ModelJson): unknown {
  return JSON.parse(JSON.stringify(json));
}

function loaded(result: ModelImportResult) {
  if (!result.ok) throw new Error(formatModelJsonError(result.error, 'test'));
  return result.model;
}

function bits(values: ArrayLike<number>): bigint[] {
  return Array.from(new BigInt64Array(Float64Array.from(values).buffer));
}

describe('modelToJson / modelFromJson round trip', () => {
  const cases: Array<[string, Partial<Architecture>, boolean]> = [];
  for (const cell of ['elman', 'highway'] as const) {
    for (const numLayers of [1, 3]) {
      for (const residual of [false, true]) {
        for (const withNorm of [false, true]) {
          const name = `${cell}, D = ${numLayers}, residual ${residual}, normalization ${withNorm}`;
          cases.push([name, { cell, numLayers, residual }, withNorm]);
        }
      }
    }
  }

  it.each(cases)('%s: bit-identical values and the same architecture', (_, overrides, withNorm) => {
    const arch = makeArch({ ...overrides, activation: overrides.cell === 'highway' ? 'relu' : 'tanh' });
    const params = makeParams(arch);
    const normalization = withNorm ? normalizationFor(arch.inputSize) : null;
    const training = {
      seed: 7,
      datasetName: 'spirals',
      metrics: { valAccuracy: 0.75 },
      note: [1, 'two', null],
    };
    const json = modelToJson(params, { classLabels: labels(arch.numClasses), normalization, training });
    expect(json.layers).toHaveLength(arch.numLayers);

    const model = loaded(modelFromJson(viaText(json), 'model.json'));
    expect(model.arch).toEqual(arch);
    expect(model.params.values).toBeInstanceOf(Float64Array);
    expect(model.params.layout).toEqual(params.layout);
    expect(bits(model.params.values)).toEqual(bits(params.values));
    expect(model.classLabels).toEqual(labels(arch.numClasses));
    expect(model.normalization).toEqual(normalization);
    if (normalization && model.normalization) {
      expect(bits(model.normalization.std)).toEqual(bits(normalization.std));
    }
    expect(model.training).toEqual(training);
  });

  it('gives back the exact values of float32 parameters', () => {
    const arch = makeArch({ cell: 'highway', numLayers: 3, residual: true });
    const params = makeParams(arch, 'float32');
    const json = modelToJson(params, { classLabels: labels(2), normalization: null, training: {} });
    const model = loaded(modelFromJson(viaText(json)));
    expect(model.params.values).toBeInstanceOf(Float64Array);
    expect(bits(model.params.values)).toEqual(bits(params.values));
    expect(Float32Array.from(model.params.values)).toEqual(params.values);
  });

  it('writes the header fields in the documented form', () => {
    const arch = makeArch({ cell: 'highway', activation: 'relu', residual: true });
    const json = modelToJson(makeParams(arch), {
      classLabels: ['a', 'b'],
      normalization: null,
      training: { app: 'rnn-lab test' },
    });
    expect(json).toMatchObject({
      format: 'rnn-lab/model',
      version: 1,
      inputSize: 3,
      hiddenSize: 4,
      numClasses: 2,
      classLabels: ['a', 'b'],
      cell: 'highway',
      activation: 'relu',
      residual: true,
      normalization: null,
      training: { app: 'rnn-lab test' },
    });
    expect(Object.keys(json.layers[0])).toEqual(['U', 'W', 'b', 'Ug', 'Wg', 'bg']);
  });

  it('writes no gate tensors for an elman cell', () => {
    const json = modelToJson(makeParams(makeArch()), {
      classLabels: labels(2),
      normalization: null,
      training: {},
    });
    expect(Object.keys(json.layers[1])).toEqual(['U', 'W', 'b']);
  });

  it('reads an absent training object as {}', () => {
    const json = viaText(
      modelToJson(makeParams(makeArch()), { classLabels: labels(2), normalization: null, training: {} }),
    ) as Record<string, unknown>;
    delete json.training;
    expect(loaded(modelFromJson(json)).training).toEqual({});
  });

  it('ignores unknown top-level keys', () => {
    const json = viaText(
      modelToJson(makeParams(makeArch()), { classLabels: labels(2), normalization: null, training: {} }),
    ) as Record<string, unknown>;
    json.comment = 'exported for the course';
    expect(modelFromJson(json).ok).toBe(true);
  });

  it('keeps a nested TrainConfig-like object through toJsonObject', () => {
    interface Clip {
      maxNorm: number | null;
    }
    interface Config {
      hiddenSize: number;
      clip: Clip;
    }
    const config: Config = { hiddenSize: 4, clip: { maxNorm: null } };
    const json = modelToJson(makeParams(makeArch()), {
      classLabels: labels(2),
      normalization: null,
      training: { config: toJsonObject(config) },
    });
    expect(loaded(modelFromJson(viaText(json))).training.config).toEqual(config);
  });

  it('refuses inconsistent export input as a bug', () => {
    const params = makeParams(makeArch());
    expect(() => modelToJson(params, { classLabels: ['one'], normalization: null, training: {} })).toThrow();
    expect(() =>
      modelToJson(params, { classLabels: labels(2), normalization: normalizationFor(2), training: {} }),
    ).toThrow();
  });
});

describe('model JSON layout', () => {
  it('puts U[i][j] at offset + i * cols + j, for every tensor', () => {
    const arch = makeArch({ cell: 'highway', numLayers: 3, inputSize: 5, hiddenSize: 3, numClasses: 4 });
    const params = makeParams(arch);
    const json = modelToJson(params, { classLabels: labels(4), normalization: null, training: {} });
    const values = params.values;

    // The layer 0 input weight, spelled out: 3 x 5, row i = hidden unit, column j = input.
    const U0 = layerTensors(params.layout, 0).U;
    expect(json.layers[0].U).toHaveLength(3);
    expect(json.layers[0].U[0]).toHaveLength(5);
    expect(json.layers[0].U[2][4]).toBe(values[U0.offset + 2 * 5 + 4]);
    expect(json.layers[0].U[1][0]).toBe(values[U0.offset + 5]);

    let checked = 0;
    for (const spec of params.layout.tensors) {
      const owner = spec.layer === null ? json.head : json.layers[spec.layer];
      const tensor = (owner as unknown as Record<string, number[] | number[][]>)[spec.key];
      for (let i = 0; i < spec.rows; i++) {
        for (let j = 0; j < spec.cols; j++) {
          const x = spec.isMatrix ? (tensor as number[][])[i][j] : (tensor as number[])[i];
          expect(x).toBe(values[spec.offset + i * spec.cols + j]);
          checked++;
        }
      }
    }
    expect(checked).toBe(params.layout.size);
    expect(json.head.V).toHaveLength(4);
    expect(json.head.V[3][2]).toBe(values[headTensors(params.layout).V.offset + 3 * 3 + 2]);
  });
});

// A valid highway file (D = 2, N = 3, L = 4, K = 2) as parsed JSON, for each test to break.
function validFile(cell: 'elman' | 'highway' = 'highway'): unknown {
  const arch = makeArch({ cell });
  const json = modelToJson(makeParams(arch), {
    classLabels: labels(2),
    normalization: normalizationFor(3),
    training: { seed: 1 },
  });
  return viaText(json);
}

// Edits of parsed JSON by a path such as `layers[1].W[3]`.
function keysOf(path: string): string[] {
  return path.match(/[^.[\]]+/g) ?? [];
}
function container(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error('not an object or array');
  return value as Record<string, unknown>;
}
function at(file: unknown, path: string): unknown {
  return keysOf(path).reduce((value, key) => container(value)[key], file);
}
function list(file: unknown, path: string): unknown[] {
  const value = at(file, path);
  if (!Array.isArray(value)) throw new Error(`${path} is not an array`);
  return value;
}
function put(file: unknown, path: string, value: unknown): void {
  const keys = keysOf(path);
  const last = keys.pop() ?? '';
  container(at(file, keys.join('.')))[last] = value;
}
function drop(file: unknown, path: string): void {
  const keys = keysOf(path);
  const last = keys.pop() ?? '';
  delete container(at(file, keys.join('.')))[last];
}

function refusal(file: unknown): ModelJsonError {
  const result = modelFromJson(file, 'model.json');
  if (result.ok) throw new Error('expected the model to be refused');
  return result.error;
}

describe('modelFromJson refuses malformed files', () => {
  const cases: Array<[string, (f: unknown) => void, string, string]> = [
    ['wrong format', (f) => put(f, 'format', 'rnn-lab/dataset'), 'format', 'expected "rnn-lab/model"'],
    ['missing format', (f) => drop(f, 'format'), 'format', 'is missing'],
    ['version 2', (f) => put(f, 'version', 2), 'version', 'newer RNN Lab'],
    ['version as a string', (f) => put(f, 'version', '1'), 'version', 'expected 1'],
    [
      'missing inputSize',
      (f) => drop(f, 'inputSize'),
      'inputSize',
      'is missing; expected a positive integer',
    ],
    ['zero hiddenSize', (f) => put(f, 'hiddenSize', 0), 'hiddenSize', 'is 0; expected a positive integer'],
    ['fractional numClasses', (f) => put(f, 'numClasses', 2.5), 'numClasses', 'is 2.5'],
    ['negative inputSize', (f) => put(f, 'inputSize', -3), 'inputSize', 'positive integer'],
    [
      'classLabels too short',
      (f) => put(f, 'classLabels', ['a']),
      'classLabels',
      'has 1 label; expected 2 (numClasses)',
    ],
    ['classLabels duplicated', (f) => put(f, 'classLabels', ['a', 'a']), 'classLabels[1]', 'repeats "a"'],
    [
      'classLabels not strings',
      (f) => put(f, 'classLabels', ['a', 3]),
      'classLabels[1]',
      'is 3; expected a string',
    ],
    ['classLabels missing', (f) => drop(f, 'classLabels'), 'classLabels', 'is missing'],
    ['bad cell', (f) => put(f, 'cell', 'lstm'), 'cell', 'expected "elman" or "highway"'],
    ['bad activation', (f) => put(f, 'activation', 'sigmoid'), 'activation', 'expected "tanh" or "relu"'],
    ['residual a string', (f) => put(f, 'residual', 'false'), 'residual', 'expected true or false'],
    ['normalization missing', (f) => drop(f, 'normalization'), 'normalization', 'is missing'],
    ['normalization an array', (f) => put(f, 'normalization', []), 'normalization', 'expected null or'],
    [
      'normalization.mean too long',
      (f) => list(f, 'normalization.mean').push(0),
      'normalization.mean',
      'has 4 numbers; expected 3 (inputSize)',
    ],
    ['normalization.std missing', (f) => drop(f, 'normalization.std'), 'normalization.std', 'is missing'],
    [
      'normalization.std 0',
      (f) => put(f, 'normalization.std[1]', 0),
      'normalization.std[1]',
      'is 0; expected a positive',
    ],
    [
      'normalization.std negative',
      (f) => put(f, 'normalization.std[2]', -1),
      'normalization.std[2]',
      'positive',
    ],
    ['missing layers', (f) => drop(f, 'layers'), 'layers', 'is missing'],
    [
      'empty layers',
      (f) => put(f, 'layers', []),
      'layers',
      'is an empty array; expected at least one recurrent layer',
    ],
    ['layers an object', (f) => put(f, 'layers', {}), 'layers', 'is an object'],
    ['a layer null', (f) => put(f, 'layers[1]', null), 'layers[1]', 'is null'],
    ['missing head', (f) => drop(f, 'head'), 'head', 'is missing; expected an object {V, B}'],
    ['training null', (f) => put(f, 'training', null), 'training', 'is null; expected an object'],
    ['training an array', (f) => put(f, 'training', []), 'training', 'expected an object'],
    ['training.seed a string', (f) => put(f, 'training.seed', 'x'), 'training.seed', 'expected a number'],
    [
      'training.config an array',
      (f) => put(f, 'training.config', []),
      'training.config',
      'expected an object',
    ],
    [
      'training holding Infinity',
      (f) => put(f, 'training.metrics', { loss: Infinity }),
      'training.metrics.loss',
      'finite',
    ],
    ['an elman layer with Ug', (f) => put(f, 'cell', 'elman'), 'layers[0].Ug', 'highway cells only'],
    [
      'a highway layer without Wg',
      (f) => drop(f, 'layers[1].Wg'),
      'layers[1].Wg',
      'is missing; expected a 4 x 4',
    ],
    ['a highway layer without bg', (f) => drop(f, 'layers[0].bg'), 'layers[0].bg', 'is missing'],
    [
      'a string in a matrix',
      (f) => put(f, 'layers[1].W[3][2]', '0.5'),
      'layers[1].W[3][2]',
      'is the string "0.5"',
    ],
    [
      'null in a matrix',
      (f) => put(f, 'layers[0].U[1][0]', null),
      'layers[0].U[1][0]',
      'is null; expected a finite',
    ],
    ['1e999 in a matrix', (f) => put(f, 'head.V[1][3]', Infinity), 'head.V[1][3]', 'is Infinity'],
    ['-1e999 in a vector', (f) => put(f, 'layers[0].b[2]', -Infinity), 'layers[0].b[2]', 'is -Infinity'],
    ['a string in the head bias', (f) => put(f, 'head.B[0]', 'x'), 'head.B[0]', 'expected a finite number'],
    [
      'a row that is a number',
      (f) => put(f, 'layers[0].W[1]', 5),
      'layers[0].W[1]',
      'is 5; expected an array of 4',
    ],
  ];

  it.each(cases)('%s', (_, breakIt, field, message) => {
    const file = validFile();
    breakIt(file);
    const error = refusal(file);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('refuses an elman file that carries any gate tensor', () => {
    for (const key of ['Ug', 'Wg', 'bg']) {
      const file = validFile('elman');
      put(file, `layers[1].${key}`, at(validFile('highway'), `layers[1].${key}`));
      expect(refusal(file).field).toBe(`layers[1].${key}`);
    }
  });

  describe('every tensor of a wrong outer and inner size', () => {
    // [tensor path, rows, cols (null for a vector), row name, column name]
    const tensors: Array<[string, number, number | null, string, string]> = [
      ['layers[0].U', 4, 3, 'hiddenSize', 'inputSize'],
      ['layers[0].W', 4, 4, 'hiddenSize', 'hiddenSize'],
      ['layers[0].b', 4, null, 'hiddenSize', ''],
      ['layers[0].Ug', 4, 3, 'hiddenSize', 'inputSize'],
      ['layers[0].Wg', 4, 4, 'hiddenSize', 'hiddenSize'],
      ['layers[0].bg', 4, null, 'hiddenSize', ''],
      ['layers[1].U', 4, 4, 'hiddenSize', 'hiddenSize'],
      ['layers[1].W', 4, 4, 'hiddenSize', 'hiddenSize'],
      ['layers[1].b', 4, null, 'hiddenSize', ''],
      ['layers[1].Ug', 4, 4, 'hiddenSize', 'hiddenSize'],
      ['layers[1].Wg', 4, 4, 'hiddenSize', 'hiddenSize'],
      ['layers[1].bg', 4, null, 'hiddenSize', ''],
      ['head.V', 2, 4, 'numClasses', 'hiddenSize'],
      ['head.B', 2, null, 'numClasses', ''],
    ];
    it.each(tensors)('%s', (path, rows, cols, rowName, colName) => {
      const outer = validFile();
      list(outer, path).pop();
      expect(refusal(outer)).toEqual({
        field: path,
        message: `has ${rows - 1} ${cols === null ? 'number' : 'row'}${rows === 2 ? '' : 's'}; expected ${rows} (${rowName})`,
      });

      const longer = validFile();
      list(longer, path).push(cols === null ? 0 : new Array(cols).fill(0));
      expect(refusal(longer).field).toBe(path);

      if (cols !== null) {
        const inner = validFile();
        list(inner, `${path}[${rows - 1}]`).push(0);
        expect(refusal(inner)).toEqual({
          field: `${path}[${rows - 1}]`,
          message: `has ${cols + 1} numbers; expected ${cols} (${colName})`,
        });
      }
    });
  });

  it('refuses a top-level value that is not an object, naming the source', () => {
    expect(refusal([1, 2])).toEqual({
      field: '(file)',
      message: 'model.json is an array of 2 items; expected a JSON object (an RNN Lab model)',
    });
    expect(refusal(null).field).toBe('(file)');
    expect(refusal(new Date(0)).message).toBe(
      'model.json is a Date; expected a JSON object (an RNN Lab model)',
    );
  });

  it('does not share arrays with its input', () => {
    const file = validFile();
    const model = loaded(modelFromJson(file));
    put(file, 'classLabels[0]', 'changed');
    put(file, 'training.seed', 99);
    put(file, 'normalization.mean[0]', 123);
    expect(model.classLabels[0]).toBe('class 0');
    expect(model.training.seed).toBe(1);
    expect(model.normalization?.mean[0]).not.toBe(123);
  });
});

describe('parseModelJsonText and formatModelJsonError', () => {
  const text = JSON.stringify(validFile(), null, 2);

  it('reads a valid file, with or without a byte order mark', () => {
    expect(parseModelJsonText(text, 'model.json').ok).toBe(true);
    expect(parseModelJsonText(`\ufeff${text}`, 'model.json').ok).toBe(true);
  });

  it('reads 1e999 in the text as a refusal of that number', () => {
    const result = parseModelJsonText(text.replace('"B": [\n      ', '"B": [\n      1e999, '), 'model.json');
    expect(result.ok ? null : result.error).toEqual({
      field: 'head.B',
      message: 'has 3 numbers; expected 2 (numClasses)',
    });
    const swapped = parseModelJsonText(text.replace(/"B": \[\n\s*[^,]+,/, '"B": [1e999,'), 'model.json');
    expect(swapped.ok ? null : swapped.error.field).toBe('head.B[0]');
  });

  it.each([
    ['{"format": "rnn-lab/model",\n  "version": 1,\n  "inputSize": }', 3, 16, "unexpected '}'"],
    ['{"a": 1,}', 1, 9, 'expected a double-quoted property name'],
    ['[1, 2', 1, 6, 'unexpected end of text'],
    ['', 1, 1, 'unexpected end of text'],
    ['{"a": tru}', 1, 7, "unexpected 'tru'"],
    ['{"a": NaN}', 1, 7, "unexpected 'NaN'"],
    ['{"a": 01}', 1, 7, 'bad number'],
    ['{"a": "x\ny"}', 1, 9, 'control character'],
    ['{"a": 1} x', 1, 10, "unexpected 'x' after the JSON value"],
    ['{\n  "a": "open', 2, 8, 'string never closed'],
  ])('locates the syntax error in %j', (bad, line, column, what) => {
    const result = parseModelJsonText(bad, 'model.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('(file)');
    expect(result.error.message).toContain('model.json is not valid JSON');
    expect(result.error.message).toContain(what);
    expect(result.error.message).toContain(`at line ${line}, column ${column}`);
    expect(formatModelJsonError(result.error, 'model.json')).toBe(result.error.message);
  });

  it('formats a field error as source: field message', () => {
    const file = validFile();
    list(file, 'layers[0].W[2]').pop();
    const error = refusal(file);
    expect(formatModelJsonError(error, 'model.json')).toBe(
      'model.json: layers[0].W[2] has 3 numbers; expected 4 (hiddenSize)',
    );
  });

  it('names the source in the version message', () => {
    const file = validFile();
    put(file, 'version', 3);
    expect(formatModelJsonError(refusal(file), 'model.json')).toBe(
      'model.json: version is 3: model.json was saved by a newer RNN Lab; this one reads version 1',
    );
  });
});
