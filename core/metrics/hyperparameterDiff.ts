// Which hyperparameters set runs apart: a configuration flattened to dotted keys
// ('optimizer.lr', 'clip.maxNorm'), and the keys whose values are not the same in every run.

export type ParamValue = string | number | boolean | null;

export type FlatConfig = Record<string, ParamValue>;

/**
 * Nested objects become dotted keys, arrays indexed ones ('a.0'); `undefined` is left out.
 * Keys come in the configuration's own order.
 */
export function flattenConfig(config: object, prefix = ''): FlatConfig {
  const flat: FlatConfig = {};
  for (const [key, value] of Object.entries(config) as [string, unknown][]) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value === undefined) continue;
    if (value !== null && typeof value === 'object') {
      Object.assign(flat, flattenConfig(value, path));
    } else if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      flat[path] = value;
    } else {
      flat[path] = String(value);
    }
  }
  return flat;
}

/**
 * The keys whose values are not all equal, in order of first appearance. A key that some
 * configurations lack (e.g. `optimizer.momentum` beside an adam run) differs.
 */
export function differingKeys(configs: FlatConfig[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const config of configs) {
    for (const key of Object.keys(config)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const first = configs[0];
  return keys.filter((key) =>
    configs.some(
      (config) => !Object.hasOwn(config, key) || !Object.hasOwn(first, key) || !same(config[key], first[key]),
    ),
  );
}

function same(a: ParamValue, b: ParamValue): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
