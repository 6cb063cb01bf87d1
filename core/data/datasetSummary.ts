// The shape of a dataset at a glance: what `lab inspect` prints and the app lists.

import type { Dataset } from './dataset';

export interface DatasetSummary {
  name: string;
  sequences: number;
  features: number;
  classes: { label: string; count: number }[];
  minLength: number;
  maxLength: number;
  equalLength: boolean;
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const counts = new Array<number>(dataset.classLabels.length).fill(0);
  for (const k of dataset.labels) counts[k]++;
  let minLength = Infinity;
  let maxLength = 0;
  for (const sequence of dataset.sequences) {
    const T = sequence.length / dataset.numFeatures;
    minLength = Math.min(minLength, T);
    maxLength = Math.max(maxLength, T);
  }
  if (dataset.sequences.length === 0) minLength = 0;
  return {
    name: dataset.name,
    sequences: dataset.sequences.length,
    features: dataset.numFeatures,
    classes: dataset.classLabels.map((label, k) => ({ label, count: counts[k] })),
    minLength,
    maxLength,
    equalLength: minLength === maxLength,
  };
}
