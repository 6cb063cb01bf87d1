// What the run manager tells its listeners while runs train. Progress has the lab API's shape
// (core/api/labEvents.ts), so the service forwards it as it is.

import type { EpochRow, RunStatus } from '../../core/api/entities';
import type { RunProgress } from '../../core/api/labEvents';

export type { RunProgress };

export type RunEvent =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'epoch'; runId: number; row: EpochRow }
  | { type: 'status'; runId: number; status: RunStatus; error: string | null };

export type RunListener = (event: RunEvent) => void;
