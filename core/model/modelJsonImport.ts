// Reading a model JSON value back into a network (MATH.md, "Model JSON"). Every field is
// checked; a refusal names the field by its path and says what was expected there.

import type { Activation, Architecture, CellType } from './architecture';
import type { ParameterLayout, TensorSpec } from './parameters';
import { parameterLayout } from './parameters';
import type { Normalization } from '../data/dataset';
import type { JsonObject, JsonValue, LoadedModel, ModelImportResult, TrainingProvenance } from './modelJson';
import { MODEL_JSON_FORMAT, MODEL_JSON_VERSION } from './modelJson';

type Fields = Record<string, unknown>;

/** A size and the name of the header field it comes from, for messages. */
interface Dim {
  size: number;
  name: 'inputSize' | 'hiddenSize' | 'numClasses';
}
type Dims = Record<'N' | 'L' | 'K', Dim>;
/** cols is null for a vector. */
interface Shape {
  rows: Dim;
  cols: Dim | null;
}

// Only thrown and caught inside this module: the first refusal ends the walk.
class Refusal extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field} ${detail}`);
  }
}

export function modelFromJson(value: unknown, source = 'model JSON'): ModelImportResult {
  try {
    return { ok: true, model: readModel(value, source) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: { field: e.field, message: e.detail } };
    throw e;
  }
}

function readModel(value: unknown, source: string): LoadedModel {
  if (!isFields(value)) {
    throw new Refusal('(file)', `${source} ${describe(value)}; expected a JSON object (an RNN Lab model)`);
  }
  if (value.format !== MODEL_JSON_FORMAT) refuse('format', value.format, JSON.stringify(MODEL_JSON_FORMAT));
  readVersion(value.version, source);
  const N: Dim = { size: positiveInteger(value, 'inputSize'), name: 'inputSize' };
  const L: Dim = { size: positiveInteger(value, 'hiddenSize'), name: 'hiddenSize' };
  const K: Dim = { size: positiveInteger(value, 'numClasses'), name: 'numClasses' };
  const classLabels = readClassLabels(value.classLabels, K);
  const cell = oneOf<CellType>(value, 'cell', ['elman', 'highway']);
  const activation = oneOf<Activation>(value, 'activation', ['tanh', 'relu']);
  if (typeof value.residual !== 'boolean') refuse('residual', value.residual, 'true or false');
  const normalization = readNormalization(value.normalization, N);

  const layers = value.layers;
  if (!isList(layers)) refuse('layers', layers, 'an array of recurrent layers');
  if (layers.length === 0) refuse('layers', layers, 'at least one recurrent layer');
  const arch: Architecture = {
    inputSize: N.size,
    hiddenSize: L.size,
    numClasses: K.size,
    numLayers: layers.length,
    cell,
    activation,
    residual: value.residual,
  };
  const layout = parameterLayout(arch);
  const values = readWeights(layers, value.head, layout, { N, L, K });

  return {
    arch,
    params: { layout, values },
    classLabels,
    normalization,
    training: readTraining(value.training),
  };
}

/** Every tensor, checked and copied in layout order into one float64 buffer. */
function readWeights(layers: unknown[], head: unknown, layout: ParameterLayout, dims: Dims): Float64Array {
  const { cell } = layout.arch;
  // Filled as each tensor passes, so a header promising huge sizes costs nothing until the
  // numbers are really there.
  const flat: number[] = [];
  const readTensors = (specs: TensorSpec[], json: Fields, path: string): void => {
    for (const spec of specs) {
      if (flat.length !== spec.offset) throw new Error(`layout of ${spec.name} is not sequential`);
      readTensor(json[spec.key], `${path}.${spec.key}`, tensorShape(spec, dims), flat);
    }
  };
  layers.forEach((layer, l) => {
    const path = `layers[${l}]`;
    if (!isFields(layer)) {
      refuse(path, layer, cell === 'highway' ? 'an object {U, W, b, Ug, Wg, bg}' : 'an object {U, W, b}');
    }
    const specs = layout.tensors.filter((t) => t.layer === l);
    readTensors(specs, layer, path);
    const strayGate =
      cell === 'elman' ? ['Ug', 'Wg', 'bg'].find((key) => layer[key] !== undefined) : undefined;
    if (strayGate !== undefined) {
      throw new Refusal(
        `${path}.${strayGate}`,
        'is present, but the gate tensors Ug, Wg, bg belong to highway cells only (cell is "elman")',
      );
    }
  });
  if (!isFields(head)) refuse('head', head, 'an object {V, B}');
  const headSpecs = layout.tensors.filter((t) => t.layer === null);
  readTensors(headSpecs, head, 'head');
  if (flat.length !== layout.size) {
    throw new Error('model JSON import: parameter count does not match the layout');
  }
  return Float64Array.from(flat);
}

function readVersion(version: unknown, source: string): void {
  if (typeof version === 'number' && Number.isInteger(version) && version > MODEL_JSON_VERSION) {
    throw new Refusal(
      'version',
      `is ${version}: ${source} was saved by a newer RNN Lab; this one reads version ${MODEL_JSON_VERSION}`,
    );
  }
  if (version !== MODEL_JSON_VERSION) refuse('version', version, String(MODEL_JSON_VERSION));
}

function positiveInteger(fields: Fields, key: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    refuse(key, value, 'a positive integer');
  }
  return value;
}

function oneOf<T extends string>(fields: Fields, key: string, options: readonly T[]): T {
  const value = fields[key];
  const match = options.find((option) => option === value);
  if (match === undefined) refuse(key, value, options.map((o) => JSON.stringify(o)).join(' or '));
  return match;
}

function readClassLabels(value: unknown, K: Dim): string[] {
  if (!isList(value)) refuse('classLabels', value, `an array of ${K.size} distinct strings (numClasses)`);
  if (value.length !== K.size) {
    throw new Refusal('classLabels', `has ${count(value.length, 'label')}; expected ${K.size} (numClasses)`);
  }
  const firstIndex = new Map<string, number>();
  return value.map((label, k) => {
    if (typeof label !== 'string') refuse(`classLabels[${k}]`, label, 'a string');
    const first = firstIndex.get(label);
    if (first !== undefined) {
      throw new Refusal(
        `classLabels[${k}]`,
        `repeats ${JSON.stringify(label)} (classLabels[${first}]); labels must be distinct`,
      );
    }
    firstIndex.set(label, k);
    return label;
  });
}

function readNormalization(value: unknown, N: Dim): Normalization | null {
  if (value === null) return null;
  if (!isFields(value)) refuse('normalization', value, 'null or an object {mean, std}');
  const mean: number[] = [];
  const std: number[] = [];
  readVector(value.mean, 'normalization.mean', N, mean);
  readVector(value.std, 'normalization.std', N, std);
  std.forEach((s, j) => {
    if (s <= 0) refuse(`normalization.std[${j}]`, s, 'a positive number (a standard deviation)');
  });
  return { mean, std };
}

function tensorShape(spec: TensorSpec, { N, L, K }: Dims): Shape {
  if (spec.layer === null) return { rows: K, cols: spec.isMatrix ? L : null };
  if (!spec.isMatrix) return { rows: L, cols: null };
  const readsInput = spec.layer === 0 && (spec.key === 'U' || spec.key === 'Ug');
  return { rows: L, cols: readsInput ? N : L };
}

function readTensor(value: unknown, field: string, { rows, cols }: Shape, out: number[]): void {
  if (cols === null) {
    readVector(value, field, rows, out);
    return;
  }
  const shape = `a ${rows.size} x ${cols.size} matrix (${rows.name} x ${cols.name})`;
  if (!isList(value)) refuse(field, value, shape);
  if (value.length !== rows.size) {
    throw new Refusal(field, `has ${count(value.length, 'row')}; expected ${rows.size} (${rows.name})`);
  }
  value.forEach((row, i) => readVector(row, `${field}[${i}]`, cols, out));
}

function readVector(value: unknown, field: string, n: Dim, out: number[]): void {
  if (!isList(value)) refuse(field, value, `an array of ${n.size} numbers (${n.name})`);
  if (value.length !== n.size) {
    throw new Refusal(field, `has ${count(value.length, 'number')}; expected ${n.size} (${n.name})`);
  }
  for (let j = 0; j < value.length; j++) {
    const x = value[j];
    if (typeof x !== 'number' || !Number.isFinite(x)) refuse(`${field}[${j}]`, x, 'a finite number');
    out.push(x);
  }
}

const provenanceTypes: Record<string, 'object' | 'number' | 'string'> = {
  config: 'object',
  seed: 'number',
  datasetName: 'string',
  datasetFingerprint: 'string',
  metrics: 'object',
  createdAt: 'string',
  app: 'string',
};

function readTraining(value: unknown): TrainingProvenance {
  if (value === undefined) return {};
  if (!isFields(value)) refuse('training', value, 'an object (the training provenance)');
  const training: TrainingProvenance = {};
  for (const [key, json] of Object.entries(copyJsonObject(value, 'training', new Set()))) {
    const type = Object.hasOwn(provenanceTypes, key) ? provenanceTypes[key] : undefined;
    const matches = type === 'object' ? isFields(json) : type === undefined || typeof json === type;
    if (!matches) refuse(`training.${key}`, json, type === 'object' ? 'an object' : `a ${type}`);
    training[key] = json;
  }
  return training;
}

// A deep copy that admits only what JSON can hold, so a LoadedModel never aliases its input.
function copyJson(value: unknown, field: string, ancestors: Set<object>): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(field, value, 'a finite number');
    return value;
  }
  if (isList(value) || isFields(value)) {
    if (ancestors.has(value)) throw new Refusal(field, 'contains itself; expected plain JSON');
    ancestors.add(value);
    const copy = isList(value)
      ? value.map((item, i) => copyJson(item, `${field}[${i}]`, ancestors))
      : copyJsonObject(value, field, ancestors);
    ancestors.delete(value);
    return copy;
  }
  return refuse(field, value, 'a JSON value');
}

function copyJsonObject(value: Fields, field: string, ancestors: Set<object>): JsonObject {
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    // Skipped as JSON.stringify would skip them.
    if (item === undefined) continue;
    const path = /^[A-Za-z_$][\w$]*$/.test(key) ? `${field}.${key}` : `${field}[${JSON.stringify(key)}]`;
    copy[key] = copyJson(item, path, ancestors);
  }
  return copy;
}

// Plain objects only (not Date, Map, typed arrays); the tag test also works across realms.
function isFields(value: unknown): value is Fields {
  return Object.prototype.toString.call(value) === '[object Object]';
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function refuse(field: string, value: unknown, expected: string): never {
  throw new Refusal(field, `${describe(value)}; expected ${expected}`);
}

/** What a value is, in words, for "<field> is ...; expected ...". */
function describe(value: unknown): string {
  if (value === undefined) return 'is missing';
  if (value === null) return 'is null';
  if (typeof value === 'string') {
    return `is the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  }
  if (typeof value === 'number') {
    // JSON.parse turns out-of-range literals such as 1e999 into Infinity.
    if (value === Infinity || value === -Infinity) {
      return `is ${value} (a number too large for float64, such as 1e999)`;
    }
    return `is ${value}`;
  }
  if (typeof value === 'boolean') return `is ${value}`;
  if (Array.isArray(value)) {
    return value.length === 0 ? 'is an empty array' : `is an array of ${count(value.length, 'item')}`;
  }
  if (isFields(value)) return 'is an object';
  if (typeof value === 'object') return `is a ${Object.prototype.toString.call(value).slice(8, -1)}`;
  return `is a ${typeof value}`;
}
