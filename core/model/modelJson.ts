// The model JSON format (MATH.md, "Model JSON"): its types, and writing a network into it.
// Reading it back, with validation, is modelJsonImport.ts; JSON text and messages, modelJsonText.ts.

import type { Activation, Architecture, CellType } from './architecture';
import type { Parameters, TensorSpec } from './parameters';
import { headTensors, layerTensors } from './parameters';
import type { Normalization } from '../data/dataset';

export const MODEL_JSON_FORMAT = 'rnn-lab/model';
export const MODEL_JSON_VERSION = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Where a model came from. Any JSON is kept; the well-known keys have fixed types. */
export interface TrainingProvenance {
  // `undefined` only so the optional keys below fit the index signature; JSON drops it.
  [key: string]: JsonValue | undefined;
  /** The TrainConfig of the run (see toJsonObject). */
  config?: JsonObject;
  seed?: number;
  datasetName?: string;
  datasetFingerprint?: string;
  /** Summary of the final metrics (losses, accuracies). */
  metrics?: JsonObject;
  /** ISO 8601 time of the export. */
  createdAt?: string;
  /** The RNN Lab that wrote the file, e.g. "rnn-lab 0.1.0". */
  app?: string;
}

/** Row-major: U[i][j] is the weight from input j to hidden unit i (PyTorch's weight_ih_l{k}). */
export interface ModelJsonLayer {
  U: number[][];
  W: number[][];
  b: number[];
  /** Present exactly when cell is highway. */
  Ug?: number[][];
  Wg?: number[][];
  bg?: number[];
}

export interface ModelJsonHead {
  V: number[][];
  B: number[];
}

/** The file. D has no key of its own: it is layers.length. */
export interface ModelJson {
  format: typeof MODEL_JSON_FORMAT;
  version: typeof MODEL_JSON_VERSION;
  inputSize: number;
  hiddenSize: number;
  numClasses: number;
  classLabels: string[];
  cell: CellType;
  activation: Activation;
  residual: boolean;
  normalization: Normalization | null;
  layers: ModelJsonLayer[];
  head: ModelJsonHead;
  training: TrainingProvenance;
}

/** `field` is a path into the file (`layers[1].W[3][7]`, `head.B`), or `(file)` for the text itself. */
export interface ModelJsonError {
  field: string;
  message: string;
}

export interface LoadedModel {
  arch: Architecture;
  /** Always float64. */
  params: Parameters;
  classLabels: string[];
  normalization: Normalization | null;
  training: TrainingProvenance;
}

export type ModelImportResult = { ok: true; model: LoadedModel } | { ok: false; error: ModelJsonError };

export interface ModelJsonInfo {
  classLabels: string[];
  normalization: Normalization | null;
  training: TrainingProvenance;
}

/**
 * A plain JSON copy of any object, e.g. a TrainConfig for `training.config`: TypeScript does not
 * let an interface stand in for JsonObject, and the copy is what a JSON file would hold.
 */
export function toJsonObject(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

export function modelToJson(params: Parameters, info: ModelJsonInfo): ModelJson {
  const { arch } = params.layout;
  // A mismatch here is a caller's bug, and would write a file that cannot be read back.
  if (info.classLabels.length !== arch.numClasses) {
    throw new Error(`modelToJson: ${info.classLabels.length} class labels for ${arch.numClasses} classes`);
  }
  const norm = info.normalization;
  if (norm && (norm.mean.length !== arch.inputSize || norm.std.length !== arch.inputSize)) {
    throw new Error(`modelToJson: normalization does not have ${arch.inputSize} features`);
  }
  // A Float32Array element reads as the exact double of its value: nothing is rounded here.
  const matrix = (spec: TensorSpec): number[][] => {
    const rows: number[][] = [];
    for (let i = 0; i < spec.rows; i++) {
      const start = spec.offset + i * spec.cols;
      rows.push(Array.from(params.values.subarray(start, start + spec.cols)));
    }
    return rows;
  };
  const vector = (spec: TensorSpec): number[] =>
    Array.from(params.values.subarray(spec.offset, spec.offset + spec.size));

  const layers: ModelJsonLayer[] = [];
  for (let l = 0; l < arch.numLayers; l++) {
    const t = layerTensors(params.layout, l);
    const layer: ModelJsonLayer = { U: matrix(t.U), W: matrix(t.W), b: vector(t.b) };
    if (t.Ug && t.Wg && t.bg) {
      layer.Ug = matrix(t.Ug);
      layer.Wg = matrix(t.Wg);
      layer.bg = vector(t.bg);
    }
    layers.push(layer);
  }
  const head = headTensors(params.layout);
  return {
    format: MODEL_JSON_FORMAT,
    version: MODEL_JSON_VERSION,
    inputSize: arch.inputSize,
    hiddenSize: arch.hiddenSize,
    numClasses: arch.numClasses,
    classLabels: [...info.classLabels],
    cell: arch.cell,
    activation: arch.activation,
    residual: arch.residual,
    normalization: norm ? { mean: [...norm.mean], std: [...norm.std] } : null,
    layers,
    head: { V: matrix(head.V), B: vector(head.B) },
    training: { ...info.training },
  };
}
