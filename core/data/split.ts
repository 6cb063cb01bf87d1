// The stratified train/validation split: every class keeps its share in both parts, and the
// same labels, fraction and seed always give the same split.

import { createRng } from '../random';

/**
 * Per class, round(fraction * count) examples go to validation, chosen at random
 * (createRng(seed, 'split')), but never the class's last training example: a class the net
 * never trains on would only add noise to validation, so a class with one example stays in
 * training. Both parts list indices in ascending order.
 */
export function stratifiedSplit(
  labels: Int32Array,
  fraction: number,
  seed: number,
): { train: Int32Array; val: Int32Array } {
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new RangeError(`stratifiedSplit: fraction must be in [0, 1], got ${fraction}`);
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const members = byClass.get(labels[i]);
    if (members === undefined) byClass.set(labels[i], [i]);
    else members.push(i);
  }
  const rng = createRng(seed, 'split');
  const isVal = new Uint8Array(labels.length);
  let valCount = 0;
  // Classes in ascending label order, so the draws do not depend on which class appears first.
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(label) ?? [];
    const take = Math.min(Math.round(fraction * members.length), members.length - 1);
    if (take <= 0) continue;
    rng.shuffle(members);
    for (let k = 0; k < take; k++) isVal[members[k]] = 1;
    valCount += take;
  }
  const train = new Int32Array(labels.length - valCount);
  const val = new Int32Array(valCount);
  let t = 0;
  let v = 0;
  for (let i = 0; i < labels.length; i++) {
    if (isVal[i] === 1) val[v++] = i;
    else train[t++] = i;
  }
  return { train, val };
}
