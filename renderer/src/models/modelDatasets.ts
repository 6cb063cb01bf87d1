// Which of the lab's datasets a model can be tested on: those with as many features per step
// as its inputSize; the one it was trained on (same fingerprint) first.

import type { DatasetRecord } from '../../../core/api/entities';
import type { ModelInspection } from '../../../core/api/labResults';

export type DataSplit = 'train' | 'test';

export function datasetsForModel(
  datasets: readonly DatasetRecord[],
  model: Pick<ModelInspection, 'architecture' | 'provenance'>,
): DatasetRecord[] {
  const fingerprint = model.provenance.datasetFingerprint;
  const fitting = datasets.filter((d) => d.numFeatures === model.architecture.inputSize);
  return [
    ...fitting.filter((d) => d.fingerprint === fingerprint),
    ...fitting.filter((d) => d.fingerprint !== fingerprint),
  ];
}

/** Sequences in the dataset's part: 0 for a missing test part. */
export function splitSize(
  dataset: Pick<DatasetRecord, 'numSequences' | 'testSequences'>,
  split: DataSplit,
): number {
  return split === 'train' ? dataset.numSequences : (dataset.testSequences ?? 0);
}

/** The test part when there is one: that is what a trained model is judged on. */
export function preferredSplit(dataset: Pick<DatasetRecord, 'testSequences'>): DataSplit {
  return dataset.testSequences !== null && dataset.testSequences > 0 ? 'test' : 'train';
}
