// The messages between the host (the run manager) and a trainer process. Both sides send
// them with structured cloning (Node's 'advanced' IPC serialization, Electron's
// MessagePort), so typed arrays travel as they are.

import type { Dataset } from '../../core/data/dataset';
import type { TrainConfig } from '../../core/train/config';
import type { EpochRow, RunSummary, StepRow } from '../../core/api/entities';

export interface StartMessage {
  type: 'start';
  runId: number;
  config: TrainConfig;
  train: Dataset;
  test: Dataset | null;
  datasetFingerprint: string;
}

export interface StopMessage {
  type: 'stop';
}

export type HostMessage = StartMessage | StopMessage;

export interface StepsMessage {
  type: 'steps';
  rows: StepRow[];
  /** Where the last row stands in its epoch, for the progress bar. */
  stepInEpoch: number;
  stepsPerEpoch: number;
}

export interface EpochMessage {
  type: 'epoch';
  row: EpochRow;
}

export interface DoneMessage {
  type: 'done';
  status: 'completed' | 'stopped' | 'diverged';
  summary: RunSummary;
  /** Model JSON text of the final and of the best-validation weights. */
  finalModel: string;
  bestModel: string;
  /** For a diverged run: what stopped being finite, and where. */
  error: string | null;
}

export interface FailedMessage {
  type: 'failed';
  error: string;
}

export type TrainerMessage = StepsMessage | EpochMessage | DoneMessage | FailedMessage;
