// The settings a run gets when the user does not choose: good enough that the built-in tasks
// and a typical archive dataset train well out of the box.

import type { Activation } from '../model/architecture';
import type { InitName, TrainConfig } from './config';
import { defaultOptimizerConfig } from './optimizers';

export const defaultTrainConfig: TrainConfig = {
  numLayers: 1,
  hiddenSize: 64,
  cell: 'elman',
  activation: 'tanh',
  residual: false,
  init: 'orthogonal',
  gateBias: -2,
  optimizer: defaultOptimizerConfig('adam', 3e-3),
  batchSize: 32,
  epochs: 100,
  clip: { maxNorm: 1, maxValue: null },
  l2: 0,
  seed: 1,
  valSplit: 0.2,
  patience: 20,
  normalize: true,
};

/**
 * relu goes with the identity recurrence (the IRNN); tanh with an orthogonal one: with
 * PyTorch's uniform default a 64-unit tanh net forgets within a few steps and cannot even
 * learn the built-in waveforms (neither here nor in PyTorch itself).
 */
export function defaultInitFor(activation: Activation): InitName {
  return activation === 'relu' ? 'identity' : 'orthogonal';
}
