// The hyperparameter table: every configuration key (flattened: 'optimizer.lr') against the
// compared runs, the keys that differ marked, optionally only those.

import type { TrainConfig } from '../../../core/train/config';
import { flattenConfig, type FlatConfig } from '../../../core/metrics/hyperparameterDiff';
import { formatParamValue, paramName } from './paramLabels';

export interface ParamRow {
  key: string;
  name: string;
  /** One cell per run, in the runs' order. */
  values: string[];
  differs: boolean;
}

export function paramRows(
  configs: readonly TrainConfig[],
  differing: ReadonlySet<string>,
  differencesOnly: boolean,
): ParamRow[] {
  const flat: FlatConfig[] = configs.map((c) => flattenConfig(c));
  const keys: string[] = [];
  for (const config of flat) for (const key of Object.keys(config)) if (!keys.includes(key)) keys.push(key);
  return keys
    .map((key) => ({
      key,
      name: paramName(key),
      values: flat.map((config) => formatParamValue(Object.hasOwn(config, key) ? config[key] : undefined)),
      differs: differing.has(key),
    }))
    .filter((row) => !differencesOnly || row.differs);
}
