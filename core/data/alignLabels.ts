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
      const known = classLabels
        .slice(0, 12)
        .map((l) => JSON.stringify(l))
        .join(', ');
      const first = dataset.labels.indexOf(k);
      const where = first >= 0 ? `sequence ${first + 1} has` : 'declares';
      return dataFailure(
        'unknown-label',
        fileName,
        `${where} the class label ${JSON.stringify(dataset.classLabels[k])}, which the training data lacks (it has ${known}${classLabels.length > 12 ? ', ...' : ''})`,
      );
    }
    mapping[k] = index;
  }
  const labels = dataset.labels.map((k) => mapping[k]);
  return { ok: true, value: { ...dataset, classLabels: [...classLabels], labels } };
}
