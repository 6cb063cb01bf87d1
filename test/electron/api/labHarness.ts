// A real lab for the lab API tests: a SQLite file in a temporary folder, a run manager with
// real trainer processes, and the lab service over them; plus the event log and waiting
// helpers the contract suite uses.

import type { LabClient } from '../../../core/api/labClient';
import { LabApiError } from '../../../core/api/labClient';
import type { LabEvent } from '../../../core/api/labEvents';
import type { Envelope } from '../../../core/api/labError';
import { LabService } from '../../../electron/api/labService';
import { RunManager } from '../../../electron/runs/runManager';
import { nodeTrainerLauncher } from '../../../electron/runs/trainerLauncher';
import type { LabStore } from '../../../electron/store/labStore';
import { openTempStore } from '../../helpers/labFixtures';

export const TEST_VERSION = '0.0.0-test';

export interface TestLab {
  store: LabStore;
  runs: RunManager;
  service: LabService;
  databasePath: string;
  close(): Promise<void>;
}

export function openTestLab(): TestLab {
  const { store, path } = openTempStore();
  const runs = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize: 2 });
  const service = new LabService(store, runs, { version: TEST_VERSION });
  return {
    store,
    runs,
    service,
    databasePath: path,
    close: async () => {
      await runs.shutdown();
      service.dispose();
      store.close();
    },
  };
}

/** A client connected through one transport, with the service behind it for comparisons. */
export interface LabConnection {
  client: LabClient;
  lab: TestLab;
  /** The transport's raw call, for calls the typed client cannot express (an unknown method). */
  rawInvoke(method: string, args: unknown): Promise<Envelope>;
  close(): Promise<void>;
}

/** Every event a client received, and a way to wait for one. */
export class EventLog {
  readonly events: LabEvent[] = [];

  constructor(client: LabClient) {
    client.on('run.status', (payload) => this.events.push({ event: 'run.status', payload }));
    client.on('run.progress', (payload) => this.events.push({ event: 'run.progress', payload }));
    client.on('run.epoch', (payload) => this.events.push({ event: 'run.epoch', payload }));
    client.on('datasets.changed', (payload) => this.events.push({ event: 'datasets.changed', payload }));
  }

  count(predicate: (event: LabEvent) => boolean): number {
    return this.events.filter(predicate).length;
  }

  async waitFor(
    what: string,
    predicate: (event: LabEvent) => boolean,
    timeoutMs = 45_000,
  ): Promise<LabEvent> {
    const started = Date.now();
    for (;;) {
      const found = this.events.find(predicate);
      if (found !== undefined) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  waitForStatus(runId: number, status: string): Promise<LabEvent> {
    return this.waitFor(
      `run ${runId} ${status}`,
      (e) => e.event === 'run.status' && e.payload.runId === runId && e.payload.status === status,
    );
  }
}

/** The LabApiError a call is rejected with (fails the test when it succeeds). */
export async function rejection(promise: Promise<unknown>): Promise<LabApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LabApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded; expected it to be refused');
}
