// Comparison grids: from a base configuration and axes ("layers" = 1, 2 crossed with
// "clip-norm" = none, 1), one configuration per combination, all with the base's seed so
// they share the data split and differ only where the axes say.

import type { TrainConfig } from './config';
import { validateTrainConfig } from './configSchema';
import { defaultOptimizerConfig } from './optimizers';

export interface GridAxis {
  /** A `lab train` flag name without dashes (`layers`, `clip-norm`) or a config field (`numLayers`). */
  key: string;
  values: string[];
}

export interface GridCell {
  /** "layers=2 clip-norm=none". */
  name: string;
  config: TrainConfig;
}

export type GridResult = { ok: true; cells: GridCell[] } | { ok: false; message: string };

type Setter = (config: TrainConfig, value: string) => TrainConfig | string;

const number = (value: string): number | string => {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : `"${value}" is not a number`;
};
const optionalNumber = (value: string): number | null | string =>
  value === 'none' || value === 'off' ? null : number(value);
const numeric =
  (apply: (c: TrainConfig, n: number) => TrainConfig): Setter =>
  (c, v) => {
    const n = number(v);
    return typeof n === 'string' ? n : apply(c, n);
  };
const optionalNumeric =
  (apply: (c: TrainConfig, n: number | null) => TrainConfig): Setter =>
  (c, v) => {
    const n = optionalNumber(v);
    return typeof n === 'string' ? n : apply(c, n);
  };
const bool = (value: string): boolean | string =>
  ['true', 'yes', 'on', '1'].includes(value)
    ? true
    : ['false', 'no', 'off', '0'].includes(value)
      ? false
      : `"${value}" is not true or false`;

const setters: Record<string, Setter> = {
  layers: numeric((c, n) => ({ ...c, numLayers: n })),
  hidden: numeric((c, n) => ({ ...c, hiddenSize: n })),
  cell: (c, v) => ({ ...c, cell: v as TrainConfig['cell'] }),
  activation: (c, v) => ({ ...c, activation: v as TrainConfig['activation'] }),
  residual: (c, v) => {
    const b = bool(v);
    return typeof b === 'string' ? b : { ...c, residual: b };
  },
  init: (c, v) => ({ ...c, init: v as TrainConfig['init'] }),
  'gate-bias': numeric((c, n) => ({ ...c, gateBias: n })),
  // Each optimizer with its own default learning rate; an lr axis after it overrides that.
  optimizer: (c, v) => ({ ...c, optimizer: defaultOptimizerConfig(v as TrainConfig['optimizer']['kind']) }),
  lr: numeric((c, n) => ({ ...c, optimizer: { ...c.optimizer, lr: n } })),
  batch: numeric((c, n) => ({ ...c, batchSize: n })),
  epochs: numeric((c, n) => ({ ...c, epochs: n })),
  'clip-norm': optionalNumeric((c, n) => ({ ...c, clip: { ...c.clip, maxNorm: n } })),
  'clip-value': optionalNumeric((c, n) => ({ ...c, clip: { ...c.clip, maxValue: n } })),
  l2: numeric((c, n) => ({ ...c, l2: n })),
  seed: numeric((c, n) => ({ ...c, seed: n })),
  'val-split': numeric((c, n) => ({ ...c, valSplit: n })),
  patience: optionalNumeric((c, n) => ({ ...c, patience: n })),
};

const aliases: Record<string, string> = {
  numLayers: 'layers',
  hiddenSize: 'hidden',
  gateBias: 'gate-bias',
  batchSize: 'batch',
  clipNorm: 'clip-norm',
  clipValue: 'clip-value',
  valSplit: 'val-split',
};

export const GRID_KEYS = Object.keys(setters);

export function gridCells(base: TrainConfig, axes: GridAxis[]): GridResult {
  let cells: GridCell[] = [{ name: '', config: base }];
  for (const axis of axes) {
    const key = aliases[axis.key] ?? axis.key;
    const set = setters[key];
    if (!set)
      return { ok: false, message: `unknown axis "${axis.key}"; expected one of ${GRID_KEYS.join(', ')}` };
    if (axis.values.length === 0) return { ok: false, message: `axis "${axis.key}" has no values` };
    const next: GridCell[] = [];
    for (const cell of cells) {
      for (const value of axis.values) {
        const config = set(cell.config, value);
        if (typeof config === 'string') return { ok: false, message: `${axis.key}: ${config}` };
        next.push({ name: `${cell.name} ${key}=${value}`.trim(), config });
      }
    }
    cells = next;
  }
  for (const cell of cells) {
    const valid = validateTrainConfig(cell.config);
    if (!valid.ok) return { ok: false, message: `${cell.name}: ${valid.field}: ${valid.message}` };
    cell.config = valid.value;
  }
  return { ok: true, cells };
}

/** "layers=1,2" as a command line gives it. */
export function parseAxis(text: string): GridAxis | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return { key: text.slice(0, eq).trim(), values };
}
