// What the lab API's methods answer, besides the store's entities (entities.ts): plain JSON
// values, so they cross IPC (structured clone) and the WebSocket (JSON) alike.

import type { DataErrorCode } from '../data/dataError';
import type { ParamValue } from '../metrics/hyperparameterDiff';
import type { Architecture } from '../model/architecture';
import type { TrainingProvenance } from '../model/modelJson';
import type { DatasetRecord, ExperimentRecord, RunRecord } from './entities';

export interface AppInfo {
  /** RNN Lab's version, e.g. "0.1.0". */
  version: string;
  /** The lab database file. */
  databasePath: string;
  /** Runs that train at once. */
  poolSize: number;
  /** The host's platform: 'linux', 'darwin', 'win32'. */
  platform: string;
}

export interface BuiltinInfo {
  /** 'temporal-order', 'waveforms', ... */
  name: string;
  description: string;
  /** The canonical spec with every parameter at its default, ready to edit and import. */
  defaultSpec: string;
}

/** Why one file (or a TRAIN/TEST pair, named by the file at fault) was not imported. */
export interface ImportError {
  file: string;
  /** 1-based, when the position in the text is known. */
  line?: number;
  column?: number;
  /** The offending value's path, e.g. `sequences[2][5][1]`. */
  field?: string;
  code: DataErrorCode;
  /** The whole sentence: `train.json, line 3, column 14: sequences[2][5][1] is "abc"; expected ...`. */
  message: string;
}

/** Each dataset (a file, or a NAME_TRAIN/NAME_TEST pair) is imported whole or not at all. */
export interface ImportOutcome {
  imported: DatasetRecord[];
  errors: ImportError[];
}

export interface PreviewSequence {
  /** The sequence's index in its part. */
  index: number;
  label: string;
  /** values[t][j]: feature j at step t. */
  values: number[][];
}

export interface DatasetPreview {
  classLabels: string[];
  numFeatures: number;
  /** The first few sequences of each class, class by class. */
  sequences: PreviewSequence[];
}

export interface GridCreated {
  experiment: ExperimentRecord;
  runs: RunRecord[];
}

export interface ParamDifference {
  key: string;
  /** Each run's value, by run id; a run whose config has no such key is absent. */
  values: Record<number, ParamValue>;
}

export interface EpochProfile {
  epoch: number;
  /** Per layer, mean ||dE/dh_t|| by k = steps before the end (MATH.md, "What is measured"). */
  layers: number[][];
}

/** A file for the user to save: the UI offers it under this name. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export interface ModelFile {
  fileName: string;
  /** Model JSON text (format rnn-lab/model). */
  text: string;
}

export interface ModelInspection {
  architecture: Architecture;
  parameterCount: number;
  classLabels: string[];
  /** Whether inputs are z-scored with the model's own statistics. */
  normalization: boolean;
  provenance: TrainingProvenance;
}

export interface ModelEvaluation {
  /** Sequences evaluated. */
  count: number;
  accuracy: number;
  /** Mean cross-entropy. */
  loss: number;
  /** confusion[actual][predicted], in the model's class order. */
  confusion: number[][];
  classLabels: string[];
}

export interface ModelPrediction {
  index: number;
  predicted: string;
  actual: string;
  classLabels: string[];
  /** probabilities[k] is the model's probability of classLabels[k]. */
  probabilities: number[];
}

/** One recurrent layer unrolled over a sequence; t runs over the steps, 0 first. */
export interface UnrolledLayerValues {
  /** hidden[t][i]: h_t of unit i. */
  hidden: number[][];
  /** gates[t][i]: g_t of unit i (highway layers); null for elman layers. */
  gates: number[][] | null;
  /** gradNorms[t] = ||dE/dh_t||, E the cross-entropy of the true label (no L2 term). */
  gradNorms: number[];
}

/** A model unrolled over one sequence of a dataset's part (core/model/unroll.ts). */
export interface SequenceUnroll {
  index: number;
  /** The actual class. */
  label: string;
  predicted: string;
  classLabels: string[];
  /** probabilities[k] is the model's probability of classLabels[k] at the last step. */
  probabilities: number[];
  /** -log of the probability of the actual class. */
  loss: number;
  steps: number;
  /** inputs[t][j]: feature j at step t as the network reads it (normalized when the model is). */
  inputs: number[][];
  layers: UnrolledLayerValues[];
  /** stepProbabilities[t][k]: the model's answer had the sequence ended at step t. */
  stepProbabilities: number[][];
}
