// Missing values under each MissingPolicy: filled in place (they are NaN until then) under
// 'forward' and 'zero', refused under 'refuse' with one message in every format.

import type { MissingPolicy } from './parserTypes';

/**
 * Fills the NaNs of a row-major [t][j] sequence in place and returns how many it filled.
 * 'forward' carries each feature's last observed value; a leading gap takes the first
 * observed value, and a feature never observed becomes 0. 'zero' puts 0.
 */
export function fillMissing(
  values: Float64Array,
  numFeatures: number,
  policy: Exclude<MissingPolicy, 'refuse'>,
): number {
  const T = values.length / numFeatures;
  let filled = 0;
  for (let j = 0; j < numFeatures; j++) {
    let last = NaN;
    if (policy === 'forward') {
      for (let t = 0; t < T && Number.isNaN(last); t++) last = values[t * numFeatures + j];
      if (Number.isNaN(last)) last = 0;
    }
    for (let t = 0; t < T; t++) {
      const i = t * numFeatures + j;
      if (Number.isNaN(values[i])) {
        values[i] = policy === 'zero' ? 0 : last;
        filled++;
      } else {
        last = values[i];
      }
    }
  }
  return filled;
}

/**
 * Why a missing value is refused, for a DataError's message: `shown` is the value as written
 * (quoted), `where` any words placing it (` before the last value of the sequence`).
 */
export function refusedMissingValue(shown: string, where = ''): string {
  return (
    `is a missing value (${shown})${where}, and missing values are refused; to allow them, choose the ` +
    'missing-value option "forward" (carry the last value forward) or "zero"'
  );
}
