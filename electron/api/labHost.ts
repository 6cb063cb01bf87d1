// A whole lab on the host side, as the desktop app and the web host both run it: the database
// opened (runs a dead host left behind marked interrupted), a run manager with trainer
// processes, the lab service, and the clean shutdown that stops every run (recorded as
// stopped) before the database closes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunManager } from '../runs/runManager';
import type { TrainerLauncher } from '../runs/trainerLauncher';
import type { OpenOptions } from '../store/database';
import { LabStore } from '../store/labStore';
import { LabService } from './labService';

export interface LabHostOptions extends OpenOptions {
  databasePath: string;
  launcher: TrainerLauncher;
  /** Runs that train at once; default cores - 1. */
  poolSize?: number;
}

export interface LabHost {
  store: LabStore;
  runs: RunManager;
  service: LabService;
  /** Stops the runs (recorded as stopped), then closes the service and the database. */
  shutdown(): Promise<void>;
}

export function appVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** The lab, or the message that says why its database could not be opened. */
export function openLabHost(
  options: LabHostOptions,
): { ok: true; host: LabHost } | { ok: false; message: string } {
  const { databasePath, launcher, poolSize, ...openOptions } = options;
  const opened = LabStore.open(databasePath, openOptions);
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const store = opened.value;
  store.runs.markInterruptedRuns();
  const runs = new RunManager(store, { launcher, poolSize });
  const service = new LabService(store, runs, { version: appVersion() });
  let stopping: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      await runs.shutdown();
      service.dispose();
      store.close();
    })();
    return stopping;
  };
  return { ok: true, host: { store, runs, service, shutdown } };
}
