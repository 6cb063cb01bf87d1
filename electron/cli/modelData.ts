// Data as a loaded model sees it: labels in the model's class order, features checked
// against its inputSize, and the model's normalization applied.

import { alignLabels } from '../../core/data/alignLabels';
import type { Dataset } from '../../core/data/dataset';
import { formatDataError } from '../../core/data/dataError';
import { normalizeDataset } from '../../core/data/normalization';
import type { LoadedModel } from '../../core/model/modelJson';
import { basename } from 'node:path';
import { inputError } from './cliError';
import { loadData, loadModel, missingPolicy } from './dataInput';

export function prepareForModel(model: LoadedModel, dataset: Dataset, fileName: string): Dataset {
  if (dataset.numFeatures !== model.arch.inputSize) {
    throw inputError(
      `${fileName}: has ${dataset.numFeatures} features per step; the model expects ${model.arch.inputSize} (inputSize)`,
    );
  }
  const aligned = alignLabels(dataset, model.classLabels, fileName);
  if (!aligned.ok) throw inputError(formatDataError(aligned.error));
  return model.normalization ? normalizeDataset(aligned.value, model.normalization) : aligned.value;
}

/** What eval, predict and grad share: the model, and one data file as that model sees it. */
export interface ModelDataOptions {
  model: string;
  data: string;
  missing?: string;
  json?: boolean;
}

export async function loadModelAndData(
  options: ModelDataOptions,
): Promise<{ model: LoadedModel; dataset: Dataset }> {
  const model = await loadModel(options.model);
  const source = await loadData(options.data, { missing: missingPolicy(options.missing), pairTest: false });
  return { model, dataset: prepareForModel(model, source.train, basename(options.data)) };
}
