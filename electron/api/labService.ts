// The lab service: the host side of the lab API over a LabStore and a RunManager. Every
// transport (Electron IPC, the web host's WebSocket) hands it (method, args) and carries back
// the envelope it answers; it checks both against the contract first and never throws.

import type { LabMethodName } from '../../core/api/labApi';
import { checkLabCall } from '../../core/api/labApi';
import type { Envelope } from '../../core/api/labError';
import { labFailure, labOk } from '../../core/api/labError';
import type { LabEvent, LabEventListener, RunProgress } from '../../core/api/labEvents';
import type { RunEvent } from '../runs/runEvents';
import type { RunManager } from '../runs/runManager';
import type { LabStore } from '../store/labStore';
import { datasetHandlers } from './datasetMethods';
import type { LabContext, LabHandler, LabHandlers, LabServiceOptions } from './labHandlers';
import { metricHandlers } from './metricMethods';
import { modelHandlers } from './modelMethods';
import { runHandlers } from './runMethods';

export type { LabServiceOptions };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toLabEvent(event: RunEvent): LabEvent {
  switch (event.type) {
    case 'progress':
      return { event: 'run.progress', payload: event.progress };
    case 'epoch':
      return { event: 'run.epoch', payload: { runId: event.runId, row: event.row } };
    case 'status':
      return {
        event: 'run.status',
        payload: { runId: event.runId, status: event.status, error: event.error },
      };
  }
}

export class LabService {
  private readonly listeners = new Set<LabEventListener>();
  /** The latest progress of each running run, for runs.progress. */
  private readonly latestProgress = new Map<number, RunProgress>();
  private readonly handlers: LabHandlers;
  private readonly stopListening: () => void;

  constructor(
    readonly store: LabStore,
    readonly runs: RunManager,
    readonly options: LabServiceOptions,
  ) {
    const context: LabContext = {
      store,
      runs,
      options,
      datasetsChanged: () => this.emit({ event: 'datasets.changed', payload: {} }),
      progress: () => [...this.latestProgress.values()],
    };
    this.handlers = {
      'app.info': () =>
        labOk({
          version: options.version,
          databasePath: options.databasePath ?? store.database.path,
          poolSize: runs.poolSize,
          platform: options.platform ?? process.platform,
        }),
      ...datasetHandlers(context),
      ...runHandlers(context),
      ...metricHandlers(context),
      ...modelHandlers(context),
    };
    this.stopListening = runs.on((event) => this.relay(event));
  }

  /**
   * Runs one method. A malformed call (unknown method, arguments that do not fit the schema)
   * is answered with 'invalid-arguments' naming the field; a bug with 'internal'.
   */
  async call(method: string, args: unknown): Promise<Envelope> {
    try {
      const checked = checkLabCall(method, args);
      if (!checked.ok) return checked;
      // checkLabCall pairs the method with arguments parsed by that method's own schema.
      const handler = this.handlers[checked.method] as LabHandler<LabMethodName>;
      return await handler(checked.args);
    } catch (error) {
      return labFailure('internal', `${String(method)} failed: ${describe(error)}`);
    }
  }

  /** Every event of the lab: runs' progress, epochs and status, and dataset changes. */
  on(listener: LabEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stops listening to the run manager; the store and the manager stay open (their owner closes them). */
  dispose(): void {
    this.stopListening();
    this.listeners.clear();
  }

  private relay(event: RunEvent): void {
    if (event.type === 'progress') this.latestProgress.set(event.progress.runId, event.progress);
    if (event.type === 'status' && event.status !== 'running' && event.status !== 'queued') {
      this.latestProgress.delete(event.runId);
    }
    this.emit(toLabEvent(event));
  }

  private emit(event: LabEvent): void {
    for (const listener of this.listeners) {
      // A listener's failure (a closed window, a dead socket) must not reach the run manager.
      try {
        listener(event);
      } catch (error) {
        console.error(`rnn-lab: a lab event listener failed on ${event.event}: ${describe(error)}`);
      }
    }
  }
}
