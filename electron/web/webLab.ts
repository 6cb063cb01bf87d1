// A whole lab behind the web host: the database opened (runs a dead host left behind marked
// interrupted), a run manager with trainer processes, the lab service and the web host, and
// the clean shutdown that stops every run (recorded as stopped) before the database closes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabService } from '../api/labService';
import { RunManager } from '../runs/runManager';
import type { TrainerLauncher } from '../runs/trainerLauncher';
import { nodeTrainerLauncher } from '../runs/trainerLauncher';
import { LabStore } from '../store/labStore';
import type { WebHost } from './webHost';
import { startWebHost } from './webHost';

export interface WebLabOptions {
  databasePath: string;
  host?: string;
  port?: number;
  token?: string;
  staticDir?: string;
  poolSize?: number;
  launcher?: TrainerLauncher;
}

export interface WebLab {
  host: WebHost;
  service: LabService;
  /** Stops the runs (recorded as stopped), closes the host, then the database. */
  shutdown(): Promise<void>;
}

export function appVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** The lab, or the message that says why its database could not be opened. */
export async function openWebLab(
  options: WebLabOptions,
): Promise<{ ok: true; lab: WebLab } | { ok: false; message: string }> {
  const opened = LabStore.open(options.databasePath);
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const store = opened.value;
  store.runs.markInterruptedRuns();
  const runs = new RunManager(store, {
    launcher: options.launcher ?? nodeTrainerLauncher,
    poolSize: options.poolSize,
  });
  const service = new LabService(store, runs, { version: appVersion() });
  let host: WebHost;
  try {
    host = await startWebHost({
      service,
      host: options.host,
      port: options.port,
      token: options.token,
      staticDir: options.staticDir,
    });
  } catch (error) {
    service.dispose();
    store.close();
    return {
      ok: false,
      message: `the web host could not start: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let stopping: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      await runs.shutdown();
      await host.close();
      service.dispose();
      store.close();
    })();
    return stopping;
  };
  return { ok: true, lab: { host, service, shutdown } };
}
