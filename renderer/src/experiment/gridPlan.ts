// The comparison grid the form describes: its axes as the user types them (a key and
// comma-separated values), checked by the core's own grid builder so that the runs counted
// here are exactly the runs the host will create.

import { MAX_GRID_RUNS } from '../../../core/api/labMethods';
import type { TrainConfig } from '../../../core/train/config';
import { GRID_KEYS, gridCells, type GridAxis } from '../../../core/train/gridAxes';

export interface AxisDraft {
  /** Stable identity for the list's keys and labels. */
  id: number;
  key: string;
  valuesText: string;
}

export interface AxisKeyInfo {
  key: string;
  label: string;
  /** What values look like, shown beside the values input. */
  hint: string;
}

const AXIS_KEY_INFO: Record<string, Omit<AxisKeyInfo, 'key'>> = {
  layers: { label: 'Layers', hint: 'whole numbers, e.g. 1, 2, 3' },
  hidden: { label: 'Hidden units', hint: 'whole numbers, e.g. 32, 64' },
  cell: { label: 'Cell', hint: 'elman, highway' },
  activation: { label: 'Activation', hint: 'tanh, relu' },
  residual: { label: 'Residual', hint: 'true, false' },
  init: { label: 'Initialization', hint: 'uniform, xavier, orthogonal, identity' },
  'gate-bias': { label: 'Highway gate bias', hint: 'numbers, e.g. -2, 0' },
  optimizer: {
    label: 'Optimizer',
    hint: 'sgd, momentum, adagrad, rmsprop, adam (each with its default learning rate)',
  },
  lr: { label: 'Learning rate', hint: 'numbers, e.g. 0.01, 0.001' },
  batch: { label: 'Batch size', hint: 'whole numbers, e.g. 1, 32' },
  epochs: { label: 'Epochs', hint: 'whole numbers' },
  'clip-norm': { label: 'Clip by global norm', hint: 'thresholds, or none for no clipping, e.g. 1, none' },
  'clip-value': { label: 'Clip by value', hint: 'bounds, or none, e.g. 0.5, none' },
  l2: { label: 'L2 penalty', hint: 'numbers, e.g. 0, 0.0001' },
  seed: { label: 'Seed', hint: 'whole numbers' },
  'val-split': { label: 'Validation split', hint: 'fractions, e.g. 0.1, 0.2' },
  patience: { label: 'Early-stopping patience', hint: 'epochs, or none to never stop early' },
};

/** The keys the host's grid builder accepts, in its own order, with a label and a hint. */
export const AXIS_KEYS: readonly AxisKeyInfo[] = GRID_KEYS.map((key) => ({
  key,
  label: AXIS_KEY_INFO[key]?.label ?? key,
  hint: AXIS_KEY_INFO[key]?.hint ?? 'comma-separated values',
}));

export function axisKeyInfo(key: string): AxisKeyInfo | undefined {
  return AXIS_KEYS.find((info) => info.key === key);
}

/** "1, 2,, none " → ["1", "2", "none"]. */
export function parseAxisValues(text: string): string[] {
  return text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function toGridAxes(drafts: readonly AxisDraft[]): GridAxis[] {
  return drafts.map((draft) => ({ key: draft.key, values: parseAxisValues(draft.valuesText) }));
}

export interface GridPlan {
  /** Runs the host will create: the grid's cells times the seeds; 0 when it cannot start. */
  runCount: number;
  /** The cells' names ("cell=highway clip-norm=none"), before repeating over seeds. */
  cellNames: string[];
  /** Axis id → what is wrong with that axis. */
  axisErrors: Record<number, string>;
  /** A problem of the grid as a whole (too many runs, a cell the schema refuses). */
  gridError: string | null;
}

/**
 * The grid for a valid base configuration: each axis checked on its own first (a known key,
 * at least one value, a key given once, no seed axis while repeating over seeds, values the
 * core accepts), then the whole grid through the core's gridCells.
 */
export function planGrid(base: TrainConfig, drafts: readonly AxisDraft[], seedCount: number): GridPlan {
  const axisErrors: Record<number, string> = {};
  const seen = new Set<string>();
  for (const draft of drafts) {
    const values = parseAxisValues(draft.valuesText);
    if (axisKeyInfo(draft.key) === undefined) axisErrors[draft.id] = 'Choose what this axis varies.';
    else if (values.length === 0) axisErrors[draft.id] = 'Give at least one value.';
    else if (seen.has(draft.key)) axisErrors[draft.id] = `${draft.key} is already an axis above.`;
    else if (draft.key === 'seed' && seedCount > 1)
      axisErrors[draft.id] = 'The seeds are repeated below already: remove this axis or the repetition.';
    else {
      const alone = gridCells(base, [{ key: draft.key, values }]);
      if (!alone.ok) axisErrors[draft.id] = alone.message;
    }
    seen.add(draft.key);
  }
  const empty = { runCount: 0, cellNames: [], axisErrors };
  if (Object.keys(axisErrors).length > 0) return { ...empty, gridError: null };

  const axes = toGridAxes(drafts);
  const runCount = axes.reduce((product, axis) => product * axis.values.length, Math.max(1, seedCount));
  // Counted before the cells are built, so a typo of many values cannot freeze the page.
  if (runCount > MAX_GRID_RUNS) {
    return {
      ...empty,
      gridError: `The grid has ${runCount.toLocaleString()} runs; at most ${MAX_GRID_RUNS} can start at once.`,
    };
  }
  const grid = gridCells(base, axes);
  if (!grid.ok) return { ...empty, gridError: grid.message };
  return { runCount, cellNames: grid.cells.map((cell) => cell.name), axisErrors, gridError: null };
}
