// How runs are named on the Compare screen: by the hyperparameters in which they differ
// ("cell=highway clipping=none seed=2"), with the short names of the `lab grid` axes.

import type { ParamDifference } from '../../../core/api/labResults';
import type { ParamValue } from '../../../core/metrics/hyperparameterDiff';

const SHORT_NAMES: Record<string, string> = {
  numLayers: 'layers',
  hiddenSize: 'hidden',
  gateBias: 'gate-bias',
  'optimizer.kind': 'optimizer',
  'optimizer.lr': 'lr',
  'optimizer.momentum': 'momentum',
  'optimizer.beta1': 'beta1',
  'optimizer.beta2': 'beta2',
  'optimizer.eps': 'eps',
  'optimizer.rho': 'rho',
  batchSize: 'batch',
  'clip.maxNorm': 'clipping',
  'clip.maxValue': 'clip-value',
  valSplit: 'val-split',
};

/** The short name of a flattened config key: 'clip.maxNorm' -> 'clipping'. */
export function paramName(key: string): string {
  return SHORT_NAMES[key] ?? key;
}

/** null (clipping off, no patience) reads "none"; a key a run lacks reads "-". */
export function formatParamValue(value: ParamValue | undefined): string {
  if (value === undefined) return '-';
  if (value === null) return 'none';
  return String(value);
}

/**
 * Each run's label, by run id: its values of the differing keys, in the keys' order. A run
 * without a value for a key (e.g. momentum beside an adam run) leaves that key out. Runs that
 * would read the same (identical configurations) get their id appended, so no two labels match.
 */
export function runLabels(
  runIds: readonly number[],
  differences: readonly ParamDifference[],
): Map<number, string> {
  const labels = new Map<number, string>();
  for (const id of runIds) {
    const parts = differences
      .filter((d) => Object.hasOwn(d.values, id))
      .map((d) => `${paramName(d.key)}=${formatParamValue(d.values[id])}`);
    labels.set(id, parts.length > 0 ? parts.join(' ') : `run ${id}`);
  }
  const counts = new Map<string, number>();
  for (const label of labels.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
  for (const [id, label] of labels) {
    if ((counts.get(label) ?? 0) > 1 && label !== `run ${id}`) labels.set(id, `${label} (run ${id})`);
  }
  return labels;
}
