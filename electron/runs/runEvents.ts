// What the run manager tells its listeners while runs train.

import type { EpochRow, RunStatus } from '../../core/api/entities';

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

export type RunEvent =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'epoch'; runId: number; row: EpochRow }
  | { type: 'status'; runId: number; status: RunStatus; error: string | null };

export type RunListener = (event: RunEvent) => void;
