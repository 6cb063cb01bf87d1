// Re-expresses a dataset's labels in another class order: a test set in its training set's
// order, or any data in a model's classLabels (MATH.md, "Model JSON": a label is matched by
// its string form).

import type { Dataset } from './dataset';
import type { DataResult } from './dataError';
import { dataFailure } from './dataError';

export function alignLabels(
  dataset: Dataset,
  classLabels: readonly string[],
  fileName: string,
): DataResult<Dataset> {
  const target = new Map(classLabels.map((label, k) => [label, k]));
  const mapping = new Int32Array(dataset.classLabels.length);
  for (let k = 0; k < dataset.classLabels.length; k++) {
    const index = target.get(dataset.classLabels[k]);
    if (index === undefined) {
      const known = classLabels.map((l) => JSON.stringify(l)).join(', ');
      return dataFailure(
        'unknown-label',
        fileName,
        `class label ${JSON.stringify(dataset.classLabels[k])} is not among the training classes (${known})`,
      );
    }
    mapping[k] = index;
  }
  const labels = dataset.labels.map((k) => mapping[k]);
  return { ok: true, value: { ...dataset, classLabels: [...classLabels], labels } };
}
