// An opened model tried on a dataset's part: the whole part evaluated, or one sequence
// predicted. A model that does not fit the data is refused by the host, answered as a value.

import { defineStore } from 'pinia';
import type { ModelEvaluation, ModelPrediction } from '../../../core/api/labResults';
import { lab } from '../lab/lab';
import type { DataSplit } from '../models/modelDatasets';
import { attempt, type HostOutcome } from './hostOutcome';

export const useModelTesting = defineStore('modelTesting', () => {
  function evaluate(
    text: string,
    datasetId: number,
    split: DataSplit,
  ): Promise<HostOutcome<ModelEvaluation>> {
    return attempt(() => lab().invoke('models.evaluate', { text, datasetId, split }));
  }

  function predict(
    text: string,
    datasetId: number,
    split: DataSplit,
    index: number,
  ): Promise<HostOutcome<ModelPrediction>> {
    return attempt(() => lab().invoke('models.predict', { text, datasetId, split, index }));
  }

  return { evaluate, predict };
});
