// What changed between two configurations, field by field ("optimizer.lr: 0.003 → 0.001"):
// the form shows it when it started from an earlier run, so a duplicate's changes are visible.

import type { TrainConfig } from '../../../core/train/config';

export type ConfigLeaf = string | number | boolean | null;

export interface ConfigChange {
  field: string;
  from: ConfigLeaf | undefined;
  to: ConfigLeaf | undefined;
}

/** { optimizer: { lr: 1 } } → { 'optimizer.lr': 1 }. */
export function flattenConfig(value: object, prefix = ''): Record<string, ConfigLeaf> {
  const flat: Record<string, ConfigLeaf> = {};
  for (const [key, entry] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof entry === 'object' && entry !== null) Object.assign(flat, flattenConfig(entry, path));
    else if (['string', 'number', 'boolean'].includes(typeof entry) || entry === null)
      flat[path] = entry as ConfigLeaf;
  }
  return flat;
}

/** Fields whose values differ (NaN counts as equal to NaN), in the order of `after`, then `before`. */
export function configChanges(before: TrainConfig, after: TrainConfig): ConfigChange[] {
  const a = flattenConfig(before);
  const b = flattenConfig(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => !Object.is(a[field], b[field]))
    .map((field) => ({ field, from: a[field], to: b[field] }));
}

export function formatLeaf(value: ConfigLeaf | undefined): string {
  if (value === undefined) return '(none)';
  if (value === null) return 'off';
  if (typeof value === 'number' && Number.isNaN(value)) return '(empty)';
  return String(value);
}
