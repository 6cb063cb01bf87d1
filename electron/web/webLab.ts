// A whole lab behind the web host: the database opened (runs a dead host left behind marked
// interrupted), a run manager with trainer processes, the lab service and the web host, and
// the clean shutdown that stops every run (recorded as stopped) before the database closes.

import { openLabHost } from '../api/labHost';
import type { LabService } from '../api/labService';
import type { TrainerLauncher } from '../runs/trainerLauncher';
import { nodeTrainerLauncher } from '../runs/trainerLauncher';
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

/** The lab, or the message that says why its database could not be opened. */
export async function openWebLab(
  options: WebLabOptions,
): Promise<{ ok: true; lab: WebLab } | { ok: false; message: string }> {
  const opened = openLabHost({
    databasePath: options.databasePath,
    launcher: options.launcher ?? nodeTrainerLauncher,
    poolSize: options.poolSize,
  });
  if (!opened.ok) return opened;
  const lab = opened.host;
  const { service } = lab;
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
    await lab.shutdown();
    return {
      ok: false,
      message: `the web host could not start: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let stopping: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      await lab.runs.shutdown();
      await host.close();
      await lab.shutdown();
    })();
    return stopping;
  };
  return { ok: true, lab: { host, service, shutdown } };
}
