// Everything that defines a training run. The same config, data and seed give the same run.

import type { Activation, CellType } from '../model/architecture';

export type InitName = 'uniform' | 'xavier' | 'orthogonal' | 'identity';

export type OptimizerConfig =
  | { kind: 'sgd'; lr: number }
  | { kind: 'momentum'; lr: number; momentum: number }
  | { kind: 'adagrad'; lr: number; eps: number }
  | { kind: 'rmsprop'; lr: number; rho: number; eps: number }
  | { kind: 'adam'; lr: number; beta1: number; beta2: number; eps: number };

export type OptimizerName = OptimizerConfig['kind'];

/** Either, both or neither; value clipping applies first (MATH.md, "Gradient clipping"). */
export interface ClipConfig {
  /** Global-norm threshold theta, or null for none. */
  maxNorm: number | null;
  /** Element bound c, or null for none. */
  maxValue: number | null;
}

export interface TrainConfig {
  numLayers: number;
  hiddenSize: number;
  cell: CellType;
  activation: Activation;
  residual: boolean;
  init: InitName;
  /** Initial value of the highway gate bias bg (MATH.md: default -2). */
  gateBias: number;
  optimizer: OptimizerConfig;
  /** 1 = stochastic, M = full-batch gradient descent. */
  batchSize: number;
  epochs: number;
  clip: ClipConfig;
  /** lambda of the L2 penalty. */
  l2: number;
  seed: number;
  /** Fraction of the training data held out (stratified) for validation; 0 for none. */
  valSplit: number;
  /** Stop after this many epochs without a better validation accuracy; null never stops early. */
  patience: number | null;
  /** Z-score every feature with statistics of the training part. */
  normalize: boolean;
}
