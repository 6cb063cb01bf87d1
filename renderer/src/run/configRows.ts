// A run's configuration as a readable two-column table: one labelled row per setting, in the
// order a reader thinks about a network (shape, then optimization, then data), values in words.

import type { OptimizerConfig, TrainConfig } from '../../../core/train/config';
import { formatNumber } from './format';

export interface ConfigRow {
  label: string;
  value: string;
  /** The TrainConfig key the row shows (for tests and tooltips). */
  key: keyof TrainConfig | 'runSeed';
}

const OPTIMIZER_NAMES: Record<OptimizerConfig['kind'], string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export function describeOptimizer(optimizer: OptimizerConfig): string {
  const lr = `learning rate ${formatNumber(optimizer.lr, 4)}`;
  switch (optimizer.kind) {
    case 'sgd':
      return `${OPTIMIZER_NAMES.sgd}, ${lr}`;
    case 'momentum':
      return `${OPTIMIZER_NAMES.momentum}, ${lr}, μ ${optimizer.momentum}`;
    case 'adagrad':
      return `${OPTIMIZER_NAMES.adagrad}, ${lr}, ε ${formatNumber(optimizer.eps)}`;
    case 'rmsprop':
      return `${OPTIMIZER_NAMES.rmsprop}, ${lr}, ρ ${optimizer.rho}, ε ${formatNumber(optimizer.eps)}`;
    case 'adam':
      return `${OPTIMIZER_NAMES.adam}, ${lr}, β1 ${optimizer.beta1}, β2 ${optimizer.beta2}, ε ${formatNumber(optimizer.eps)}`;
  }
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

const INIT_NAMES: Record<TrainConfig['init'], string> = {
  uniform: 'uniform ±1/√L',
  xavier: 'Xavier',
  orthogonal: 'orthogonal W, Xavier U',
  identity: 'identity W, Xavier U',
};

/** Every setting of the config (the gate bias only for highway cells) and the run's seed. */
export function configRows(config: TrainConfig, runSeed: number): ConfigRow[] {
  const rows: ConfigRow[] = [
    { key: 'numLayers', label: 'Recurrent layers', value: String(config.numLayers) },
    { key: 'hiddenSize', label: 'Hidden units per layer', value: String(config.hiddenSize) },
    { key: 'cell', label: 'Cell', value: config.cell },
    { key: 'activation', label: 'Activation', value: config.activation },
    {
      key: 'residual',
      label: 'Residual connections across depth',
      value: config.numLayers > 1 ? yesNo(config.residual) : `${yesNo(config.residual)} (one layer)`,
    },
    { key: 'init', label: 'Initialization', value: INIT_NAMES[config.init] },
  ];
  if (config.cell === 'highway') {
    rows.push({ key: 'gateBias', label: 'Initial gate bias', value: formatNumber(config.gateBias) });
  }
  rows.push(
    { key: 'optimizer', label: 'Optimizer', value: describeOptimizer(config.optimizer) },
    { key: 'batchSize', label: 'Batch size', value: String(config.batchSize) },
    { key: 'epochs', label: 'Epochs', value: String(config.epochs) },
    {
      key: 'clip',
      label: 'Gradient clipping',
      value: describeClipping(config.clip),
    },
    { key: 'l2', label: 'L2 penalty λ', value: config.l2 === 0 ? 'none' : formatNumber(config.l2) },
    {
      key: 'valSplit',
      label: 'Validation split',
      value: config.valSplit === 0 ? 'none' : `${Number((config.valSplit * 100).toFixed(1))} %`,
    },
    {
      key: 'patience',
      label: 'Early stopping patience',
      value: config.patience === null ? 'never stops early' : `${config.patience} epochs`,
    },
    { key: 'normalize', label: 'Z-score features', value: yesNo(config.normalize) },
    { key: 'runSeed', label: 'Seed', value: String(runSeed) },
  );
  if (runSeed !== config.seed) {
    rows.push({ key: 'seed', label: 'Seed in the configuration', value: String(config.seed) });
  }
  return rows;
}

export function describeClipping(clip: TrainConfig['clip']): string {
  const parts: string[] = [];
  if (clip.maxValue !== null) parts.push(`each element to ±${formatNumber(clip.maxValue)}`);
  if (clip.maxNorm !== null) parts.push(`global norm at ${formatNumber(clip.maxNorm)}`);
  return parts.length === 0 ? 'off' : parts.join(', then ');
}
