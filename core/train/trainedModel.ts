// A trained network as model JSON text with its provenance (MATH.md, "Model JSON").

import type { JsonObject } from '../model/modelJson';
import { modelToJson, toJsonObject } from '../model/modelJson';
import type { Parameters } from '../model/parameters';
import type { Normalization } from '../data/dataset';
import type { TrainConfig } from './config';

export const APP_NAME = 'rnn-lab 0.1.0';

export interface ExportInfo {
  config: TrainConfig;
  classLabels: string[];
  datasetName: string;
  datasetFingerprint: string;
  metrics: JsonObject;
}

export function trainedModelJson(
  params: Parameters,
  normalization: Normalization | null,
  info: ExportInfo,
): string {
  const model = modelToJson(params, {
    classLabels: info.classLabels,
    normalization,
    training: {
      config: toJsonObject(info.config),
      seed: info.config.seed,
      datasetName: info.datasetName,
      datasetFingerprint: info.datasetFingerprint,
      metrics: info.metrics,
      createdAt: new Date().toISOString(),
      app: APP_NAME,
    },
  });
  return JSON.stringify(model);
}
