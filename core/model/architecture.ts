// The shape of a network (MATH.md, "One recurrent layer", "Stacking", "Head and loss").

export type CellType = 'elman' | 'highway';
export type Activation = 'tanh' | 'relu';

export interface Architecture {
  /** N: features per time step. */
  inputSize: number;
  /** L: hidden units per recurrent layer, the same in every layer. */
  hiddenSize: number;
  /** K: classes. */
  numClasses: number;
  /** D: stacked recurrent layers (1 is the single-layer net). */
  numLayers: number;
  cell: CellType;
  activation: Activation;
  /** Skip connection across depth: o^l_t = h^l_t + o^{l-1}_t for l >= 2. */
  residual: boolean;
}

/** Inputs of layer l (0-based): N for the first, L above it. */
export function layerInputSize(arch: Architecture, layer: number): number {
  return layer === 0 ? arch.inputSize : arch.hiddenSize;
}
