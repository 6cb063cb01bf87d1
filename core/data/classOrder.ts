// The order of class labels, which fixes what class k of a trained model means.

import { isDigit } from './charCodes';

/**
 * The class order when the file declares no classLabels: the distinct labels (by string
 * form) sorted numerically when every label in the file is a JSON number, otherwise in
 * natural order (compareNatural), so that "2" comes before "10" and "class2" before
 * "class10". Class k of a trained model is classLabels[k], so the order must not depend on
 * which label happens to come first in the file.
 */
export function orderClassLabels(keys: readonly string[], allNumbers: boolean): string[] {
  const distinct = [...new Set(keys)];
  return allNumbers ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort(compareNatural);
}

/** Runs of digits compare by their numeric value, everything else by UTF-16 code units. */
export function compareNatural(a: string, b: string): number {
  const runsA = a.match(/\d+|\D+/g) ?? [];
  const runsB = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(runsA.length, runsB.length); k++) {
    const x = runsA[k];
    const y = runsB[k];
    if (x === y) continue;
    if (isDigit(x.charCodeAt(0)) && isDigit(y.charCodeAt(0))) {
      // Digit runs of any length: compare without leading zeros, first by length.
      const u = x.replace(/^0+/, '');
      const v = y.replace(/^0+/, '');
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (runsA.length !== runsB.length) return runsA.length - runsB.length;
  return a < b ? -1 : a > b ? 1 : 0; // "01" vs "1": equal in value, still a fixed order
}
