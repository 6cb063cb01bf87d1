// Writes a trained network as model JSON with its provenance (MATH.md, "Model JSON").

import { writeFile } from 'node:fs/promises';
import type { JsonObject } from '../../core/model/modelJson';
import { modelToJson, toJsonObject } from '../../core/model/modelJson';
import type { TrainConfig } from '../../core/train/config';
import type { TrainResult } from '../../core/train/trainLoop';
import { inputError } from './cliError';

export const APP_NAME = 'rnn-lab 0.1.0';

export interface ExportInfo {
  config: TrainConfig;
  classLabels: string[];
  datasetName: string;
  datasetFingerprint: string;
  metrics: JsonObject;
}

export function trainedModelJson(result: TrainResult, info: ExportInfo): string {
  const model = modelToJson(result.bestParams, {
    classLabels: info.classLabels,
    normalization: result.normalization,
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

export async function writeModelFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw inputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
