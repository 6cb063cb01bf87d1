// Which column of a long CSV holds what: the sequence id, the class label, the time to order
// by and the features, as options.columns names them or as the header's names suggest.

import type { DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import type { LongCsvColumns, ParseOptions } from './parserTypes';
import { listShown } from './tokens';

/** Header names that give a column its role, case-insensitive, the first present winning. */
export const LONG_CSV_ROLE_NAMES = {
  id: ['id', 'sequence_id', 'sequence', 'series_id', 'series'],
  label: ['label', 'class', 'target', 'y'],
  time: ['t', 'time', 'timestamp', 'step'],
} as const;

export interface Columns {
  names: string[];
  id: number;
  label: number;
  /** -1 when there is no time column. */
  time: number;
  features: number[];
}

type Role = 'id' | 'label' | 'time';

const ROLE_WORDS: Record<Role, string> = { id: 'sequence id', label: 'class label', time: 'time' };

/** Which column holds what: named in options.columns, else found by LONG_CSV_ROLE_NAMES. */
export function resolveColumns(cells: string[], options: ParseOptions, line: number): DataResult<Columns> {
  const file = options.fileName;
  const names = cells.map((c) => c.trim());
  const fail = (code: 'missing-field' | 'bad-spec' | 'no-features' | 'bad-field', message: string) =>
    dataFailure(code, file, `${message}; the header has ${listShown(names, 20, 'columns')}`, { line });
  if (names.every((n) => n !== '' && Number.isFinite(Number(n)))) {
    return dataFailure(
      'unknown-format',
      file,
      'the first line holds numbers, not column names: a long CSV starts with a header naming the ' +
        'id, label and feature columns. For one sequence per line with the label first, use the wide UCR form',
      { line },
    );
  }
  const seen = new Map<string, number>();
  for (let c = 0; c < names.length; c++) {
    const before = seen.get(names[c]);
    if (before !== undefined && names[c] !== '') {
      return fail(
        'bad-field',
        `the column name ${JSON.stringify(names[c])} appears twice (columns ${before + 1} and ${c + 1}); expected distinct names`,
      );
    }
    seen.set(names[c], c);
  }

  const given: LongCsvColumns = options.columns ?? {};
  const roles: Record<Role, number> = { id: -1, label: -1, time: -1 };
  for (const role of ['id', 'label', 'time'] as const) {
    const name = given[role];
    if (name === undefined) continue;
    const c = findColumn(names, name);
    if (c < 0)
      return fail(
        'missing-field',
        `the ${ROLE_WORDS[role]} column ${JSON.stringify(name)} (options.columns.${role}) is not in the header`,
      );
    if (Object.values(roles).includes(c))
      return fail('bad-spec', `options.columns gives the column ${JSON.stringify(name)} two roles`);
    roles[role] = c;
  }
  // Columns named as features are never taken for a role, so a feature may be called "t" or "y".
  const named = new Set((given.features ?? []).map((name) => findColumn(names, name)));
  for (const role of ['id', 'label', 'time'] as const) {
    if (roles[role] >= 0 || given[role] !== undefined) continue;
    for (const candidate of LONG_CSV_ROLE_NAMES[role]) {
      const free = (k: number) => !named.has(k) && !Object.values(roles).includes(k);
      const c = names.findIndex((n, k) => n.toLowerCase() === candidate && free(k));
      if (c >= 0) {
        roles[role] = c;
        break;
      }
    }
  }
  for (const role of ['id', 'label'] as const) {
    if (roles[role] >= 0) continue;
    const expected = LONG_CSV_ROLE_NAMES[role].map((n) => JSON.stringify(n)).join(', ');
    return fail(
      'missing-field',
      `no ${ROLE_WORDS[role]} column: expected one named ${expected} (any case), or one named in options.columns.${role}`,
    );
  }

  const taken = Object.values(roles);
  let features: number[];
  if (given.features !== undefined) {
    features = [];
    for (const name of given.features) {
      const c = findColumn(names, name);
      if (c < 0)
        return fail(
          'missing-field',
          `the feature column ${JSON.stringify(name)} (options.columns.features) is not in the header`,
        );
      if (taken.includes(c) || features.includes(c))
        return fail(
          'bad-spec',
          `options.columns.features names ${JSON.stringify(name)}, which already has a role`,
        );
      features.push(c);
    }
  } else {
    features = names.map((_, c) => c).filter((c) => !taken.includes(c));
    const unnamed = features.find((c) => names[c] === '');
    if (unnamed !== undefined) {
      // pandas writes its index as a first column with an empty name; as a feature it would mislead.
      return fail(
        'bad-field',
        `column ${unnamed + 1} has no name; expected a name for every feature column (from pandas, save with index=False), or the features listed in options.columns.features`,
      );
    }
  }
  if (features.length === 0) {
    return fail(
      'no-features',
      'no feature columns: expected at least one column besides the id, label and time columns',
    );
  }
  return { ok: true, value: { names, id: roles.id, label: roles.label, time: roles.time, features } };
}

function findColumn(names: string[], name: string): number {
  const exact = names.indexOf(name.trim());
  if (exact >= 0) return exact;
  const lower = name.trim().toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === lower);
}
