// Every parameter of a network lives in one flat buffer; each tensor is a row-major view
// into it. Gradients and optimizer state use the same layout, so clipping and the
// optimizers are single loops over one buffer.

import type { Architecture } from './architecture';
import { layerInputSize } from './architecture';
import type { FloatArray, Precision } from '../numeric';
import { allocate } from '../numeric';

export type LayerTensorKey = 'U' | 'W' | 'b' | 'Ug' | 'Wg' | 'bg';
export type HeadTensorKey = 'V' | 'B';
export type TensorKey = LayerTensorKey | HeadTensorKey;

export interface TensorSpec {
  /** `layers.0.U`, ..., `head.V`, `head.B`. */
  name: string;
  /** 0-based recurrent layer, or null for the head. */
  layer: number | null;
  key: TensorKey;
  rows: number;
  /** 1 for vectors. */
  cols: number;
  /** True for matrices and false for vectors (biases). */
  isMatrix: boolean;
  offset: number;
  size: number;
  /** Whether the L2 penalty covers it (U, W, V, Ug, Wg: MATH.md "Head and loss"). */
  regularized: boolean;
}

export interface ParameterLayout {
  arch: Architecture;
  tensors: TensorSpec[];
  /** Total number of scalars. */
  size: number;
}

export interface LayerTensors {
  U: TensorSpec;
  W: TensorSpec;
  b: TensorSpec;
  Ug?: TensorSpec;
  Wg?: TensorSpec;
  bg?: TensorSpec;
}

export function parameterLayout(arch: Architecture): ParameterLayout {
  const tensors: TensorSpec[] = [];
  let offset = 0;
  const add = (layer: number | null, key: TensorKey, rows: number, cols: number, isMatrix: boolean): void => {
    const size = rows * cols;
    const name = layer === null ? `head.${key}` : `layers.${layer}.${key}`;
    const regularized = key === 'U' || key === 'W' || key === 'V' || key === 'Ug' || key === 'Wg';
    tensors.push({ name, layer, key, rows, cols, isMatrix, offset, size, regularized });
    offset += size;
  };
  const L = arch.hiddenSize;
  for (let l = 0; l < arch.numLayers; l++) {
    const n = layerInputSize(arch, l);
    add(l, 'U', L, n, true);
    add(l, 'W', L, L, true);
    add(l, 'b', L, 1, false);
    if (arch.cell === 'highway') {
      add(l, 'Ug', L, n, true);
      add(l, 'Wg', L, L, true);
      add(l, 'bg', L, 1, false);
    }
  }
  add(null, 'V', arch.numClasses, L, true);
  add(null, 'B', arch.numClasses, 1, false);
  return { arch, tensors, size: offset };
}

export function layerTensors(layout: ParameterLayout, layer: number): LayerTensors {
  const find = (key: LayerTensorKey): TensorSpec | undefined =>
    layout.tensors.find((t) => t.layer === layer && t.key === key);
  const required = (key: LayerTensorKey): TensorSpec => {
    const spec = find(key);
    if (!spec) throw new Error(`layout has no tensor layers.${layer}.${key}`);
    return spec;
  };
  return {
    U: required('U'),
    W: required('W'),
    b: required('b'),
    Ug: find('Ug'),
    Wg: find('Wg'),
    bg: find('bg'),
  };
}

export function headTensors(layout: ParameterLayout): { V: TensorSpec; B: TensorSpec } {
  const V = layout.tensors.find((t) => t.layer === null && t.key === 'V');
  const B = layout.tensors.find((t) => t.layer === null && t.key === 'B');
  if (!V || !B) throw new Error('layout has no head');
  return { V, B };
}

/** A network's weights: the layout and the one buffer that holds them. */
export interface Parameters {
  layout: ParameterLayout;
  values: FloatArray;
}

export function allocateParameters(arch: Architecture, precision: Precision): Parameters {
  const layout = parameterLayout(arch);
  return { layout, values: allocate(precision, layout.size) };
}

export function tensorView(values: FloatArray, spec: TensorSpec): FloatArray {
  return values.subarray(spec.offset, spec.offset + spec.size);
}

/** The same weights in another precision (float32 for training, float64 for checks). */
export function convertParameters(params: Parameters, precision: Precision): Parameters {
  const values = allocate(precision, params.layout.size);
  values.set(params.values);
  return { layout: params.layout, values };
}
