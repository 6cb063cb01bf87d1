// The events of the lab API: what the host pushes to the UI while runs train and data change.
// Each transport carries them as { event, payload }.

import type { EpochRow, RunStatus } from './entities';

/** Where a training run stands, sent with every batch of steps the trainer reports. */
export interface RunProgress {
  runId: number;
  epoch: number;
  totalEpochs: number;
  step: number;
  /** Share of the configured epochs done, in [0, 1]. */
  fraction: number;
  /** Seconds left at the current pace (early stopping can make it shorter), or null. */
  etaSeconds: number | null;
  loss: number;
  gradNormBefore: number;
  gradNormAfter: number;
  valAccuracy: number | null;
}

export interface RunStatusChange {
  runId: number;
  status: RunStatus;
  /** Why a run failed or diverged; null otherwise. */
  error: string | null;
}

export interface RunEpochRecorded {
  runId: number;
  row: EpochRow;
}

export interface LabEvents {
  'run.progress': RunProgress;
  'run.status': RunStatusChange;
  'run.epoch': RunEpochRecorded;
  /** A dataset was imported or deleted: lists of datasets are stale. */
  'datasets.changed': Record<string, never>;
}

export type LabEventName = keyof LabEvents;
export type LabEventPayload<E extends LabEventName> = LabEvents[E];

/** One event as it travels: its name and its payload. */
export type LabEvent = { [E in LabEventName]: { event: E; payload: LabEvents[E] } }[LabEventName];

export type LabEventListener = (event: LabEvent) => void;

export const LAB_EVENT_NAMES: readonly LabEventName[] = [
  'run.progress',
  'run.status',
  'run.epoch',
  'datasets.changed',
];
