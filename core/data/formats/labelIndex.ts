// Turns the label strings of a parsed file into class indices, in the header's declared
// order when there is one (.ts @classLabel, .arff nominal class), otherwise in natural order.

import { orderClassLabels } from '../classOrder';
import type { DataResult } from '../dataError';
import { dataFailure } from '../dataError';

export interface LabelledClasses {
  classLabels: string[];
  labels: Int32Array;
}

/**
 * `lineOf(i)` gives the line of sequence i, for messages. Labels that all parse as numbers
 * sort numerically ("2" before "10"), others naturally; a declared list fixes the order and
 * refuses any label outside it.
 */
export function indexLabels(
  keys: readonly string[],
  declared: readonly string[] | null,
  fileName: string,
  lineOf: (sequence: number) => number,
): DataResult<LabelledClasses> {
  const allNumbers = keys.every((k) => k.trim() !== '' && Number.isFinite(Number(k)));
  const classLabels = declared ? [...declared] : orderClassLabels(keys, allNumbers);
  const index = new Map(classLabels.map((label, k) => [label, k]));
  const labels = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = index.get(keys[i]);
    if (k === undefined) {
      const shown = classLabels
        .slice(0, 10)
        .map((l) => JSON.stringify(l))
        .join(', ');
      return dataFailure(
        'unknown-label',
        fileName,
        `class label ${JSON.stringify(keys[i])} is not among the declared classes (${shown})`,
        { line: lineOf(i) },
      );
    }
    labels[i] = k;
  }
  const used = new Set(labels);
  if (used.size < 2) {
    return dataFailure(
      'single-class',
      fileName,
      `every sequence has the class ${JSON.stringify(classLabels[labels[0] ?? 0])}; expected at least two classes`,
    );
  }
  return { ok: true, value: { classLabels, labels } };
}
