// `lab train` flags to a TrainConfig: defaults filled in, every value validated.

import type { TrainConfig } from '../../core/train/config';
import { validateTrainConfig } from '../../core/train/configSchema';
import { defaultInitFor, defaultTrainConfig } from '../../core/train/defaults';
import { defaultOptimizerConfig } from '../../core/train/optimizers';
import type { OptimizerName } from '../../core/train/config';
import { usageError } from './cliError';

export interface TrainFlags {
  layers?: string;
  hidden?: string;
  cell?: string;
  activation?: string;
  residual?: boolean;
  optimizer?: string;
  lr?: string;
  batch?: string;
  epochs?: string;
  clipNorm?: string;
  clipValue?: string;
  l2?: string;
  init?: string;
  seed?: string;
  valSplit?: string;
  patience?: string;
  gateBias?: string;
  normalize?: boolean;
}

/** The flag that sets each config field, so an error names what the user typed. */
const flagOf: Record<string, string> = {
  numLayers: '--layers',
  hiddenSize: '--hidden',
  cell: '--cell',
  activation: '--activation',
  init: '--init',
  gateBias: '--gate-bias',
  optimizer: '--optimizer',
  'optimizer.lr': '--lr',
  'optimizer.kind': '--optimizer',
  batchSize: '--batch',
  epochs: '--epochs',
  'clip.maxNorm': '--clip-norm',
  'clip.maxValue': '--clip-value',
  l2: '--l2',
  seed: '--seed',
  valSplit: '--val-split',
  patience: '--patience',
};

function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw usageError(`${flag}: "${text}" is not a number`);
  return value;
}

/** A number, or null for "none"/"off". */
function optionalNumberFlag(flag: string, text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'none' || text === 'off') return null;
  return numberFlag(flag, text);
}

const optimizers: OptimizerName[] = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];

export function trainConfigFromFlags(flags: TrainFlags): TrainConfig {
  const d = defaultTrainConfig;
  const kind = (flags.optimizer ?? d.optimizer.kind) as OptimizerName;
  if (!optimizers.includes(kind)) {
    throw usageError(`--optimizer: "${flags.optimizer}" is not one of ${optimizers.join(', ')}`);
  }
  const lr = numberFlag('--lr', flags.lr);
  const optimizer =
    kind === d.optimizer.kind && lr === undefined
      ? d.optimizer
      : defaultOptimizerConfig(kind, lr ?? undefined);
  const activation = (flags.activation ?? d.activation) as TrainConfig['activation'];
  const maxNorm = optionalNumberFlag('--clip-norm', flags.clipNorm);
  const maxValue = optionalNumberFlag('--clip-value', flags.clipValue);
  const patience = optionalNumberFlag('--patience', flags.patience);
  const candidate = {
    numLayers: numberFlag('--layers', flags.layers) ?? d.numLayers,
    hiddenSize: numberFlag('--hidden', flags.hidden) ?? d.hiddenSize,
    cell: flags.cell ?? d.cell,
    activation,
    residual: flags.residual ?? d.residual,
    init: flags.init ?? defaultInitFor(activation),
    gateBias: numberFlag('--gate-bias', flags.gateBias) ?? d.gateBias,
    optimizer,
    batchSize: numberFlag('--batch', flags.batch) ?? d.batchSize,
    epochs: numberFlag('--epochs', flags.epochs) ?? d.epochs,
    clip: {
      maxNorm: maxNorm === undefined ? d.clip.maxNorm : maxNorm,
      maxValue: maxValue === undefined ? d.clip.maxValue : maxValue,
    },
    l2: numberFlag('--l2', flags.l2) ?? d.l2,
    seed: numberFlag('--seed', flags.seed) ?? d.seed,
    valSplit: numberFlag('--val-split', flags.valSplit) ?? d.valSplit,
    patience: patience === undefined ? d.patience : patience,
    normalize: flags.normalize ?? d.normalize,
  };
  const result = validateTrainConfig(candidate);
  if (!result.ok) {
    const flag = flagOf[result.field] ?? flagOf[result.field.split('.')[0]] ?? result.field;
    throw usageError(`${flag}: ${result.message}`);
  }
  return result.value;
}
