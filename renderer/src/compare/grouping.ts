// Grouping compared runs by one hyperparameter: the runs that share its value are drawn as one
// mean line with a band.

import type { ParamDifference } from '../../../core/api/labResults';
import type { ParamValue } from '../../../core/metrics/hyperparameterDiff';
import { formatParamValue, paramName } from './paramLabels';

export interface RunGroup {
  /** "clipping=none". */
  label: string;
  value: ParamValue | undefined;
  runIds: number[];
}

/** none (null) first, then numbers ascending, then text; a missing value last. */
export function compareParamValues(a: ParamValue | undefined, b: ParamValue | undefined): number {
  const rank = (v: ParamValue | undefined): number =>
    v === undefined ? 4 : v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'boolean' ? 2 : 3;
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return formatParamValue(a).localeCompare(formatParamValue(b), undefined, { numeric: true });
}

/**
 * The runs grouped by their value of `key`, groups in value order and runs in the given order.
 * A key that does not differ puts every run in one group.
 */
export function groupRuns(
  runIds: readonly number[],
  differences: readonly ParamDifference[],
  key: string,
): RunGroup[] {
  const difference = differences.find((d) => d.key === key);
  const groups: RunGroup[] = [];
  for (const id of runIds) {
    const value = difference === undefined ? undefined : difference.values[id];
    let group = groups.find((g) => g.value === value);
    if (group === undefined) {
      group = { label: `${paramName(key)}=${formatParamValue(value)}`, value, runIds: [] };
      groups.push(group);
    }
    group.runIds.push(id);
  }
  return groups.sort((a, b) => compareParamValues(a.value, b.value));
}
