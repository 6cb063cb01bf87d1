// A few sequences of each class of a dataset, as nested arrays the UI can plot.

import type { DatasetPreview, PreviewSequence } from '../../core/api/labResults';
import type { Dataset } from '../../core/data/dataset';

/** The first `perClass` sequences of each class, class by class, each as values[t][j]. */
export function previewDataset(dataset: Dataset, perClass: number): DatasetPreview {
  const N = dataset.numFeatures;
  const byClass: PreviewSequence[][] = dataset.classLabels.map(() => []);
  for (let i = 0; i < dataset.sequences.length; i++) {
    const k = dataset.labels[i];
    if (byClass[k].length >= perClass) continue;
    const flat = dataset.sequences[i];
    const values: number[][] = [];
    for (let offset = 0; offset < flat.length; offset += N)
      values.push(Array.from(flat.subarray(offset, offset + N)));
    byClass[k].push({ index: i, label: dataset.classLabels[k], values });
  }
  return { classLabels: [...dataset.classLabels], numFeatures: N, sequences: byClass.flat() };
}
