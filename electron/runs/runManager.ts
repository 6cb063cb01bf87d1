// The run manager: a queue of runs and a pool of trainer processes. It starts runs as slots
// free up, writes the metrics that trainers stream into the store (one transaction per
// batch), records every outcome (completed, stopped, diverged, failed) and tells listeners.

import { cpus } from 'node:os';
import { datasetFingerprint } from '../../core/data/fingerprint';
import type { TrainConfig } from '../../core/train/config';
import type { GridAxis } from '../../core/train/gridAxes';
import { gridCells } from '../../core/train/gridAxes';
import type { ExperimentRecord, RunRecord, RunSummary } from '../../core/api/entities';
import type { LabStore } from '../store/labStore';
import type { FinishedStatus } from '../store/runRepository';
import type { TrainerMessage } from '../trainer/protocol';
import type { RunEvent, RunListener } from './runEvents';
import type { TrainerHandle, TrainerLauncher } from './trainerLauncher';

export interface RunManagerOptions {
  launcher: TrainerLauncher;
  /** Trainer processes at once; default: cores - 1, at least 1. */
  poolSize?: number;
}

interface ActiveRun {
  runId: number;
  trainer: TrainerHandle;
  config: TrainConfig;
  began: number;
  lastEpoch: number;
  lastStep: number;
  lastValAccuracy: number | null;
  finished: boolean;
  stopRequested: boolean;
}

export interface NewRun {
  datasetId: number;
  experimentId?: number | null;
  name?: string;
  config: TrainConfig;
}

export function defaultPoolSize(): number {
  return Math.max(1, cpus().length - 1);
}

const emptySummary = (steps = 0, epochs = 0): RunSummary => ({
  epochs,
  steps,
  bestValAccuracy: null,
  bestEpoch: null,
  finalTestAccuracy: null,
  finalTrainLoss: null,
  divergedAtStep: null,
  seconds: null,
});

export class RunManager {
  readonly poolSize: number;
  private readonly queue: number[] = [];
  private readonly active = new Map<number, ActiveRun>();
  private readonly listeners = new Set<RunListener>();
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly store: LabStore,
    private readonly options: RunManagerOptions,
  ) {
    this.poolSize = Math.max(1, options.poolSize ?? defaultPoolSize());
  }

  on(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a queued run and schedules it. */
  submit(run: NewRun): RunRecord {
    const record = this.store.runs.create({
      datasetId: run.datasetId,
      experimentId: run.experimentId ?? null,
      name: run.name ?? '',
      config: run.config,
    });
    this.enqueue(record.id);
    return record;
  }

  /** One experiment with a run per combination of the axes, queued together. */
  submitGrid(input: {
    name: string;
    datasetId: number;
    base: TrainConfig;
    axes: GridAxis[];
    description?: string;
  }): { ok: true; experiment: ExperimentRecord; runs: RunRecord[] } | { ok: false; message: string } {
    const grid = gridCells(input.base, input.axes);
    if (!grid.ok) return grid;
    const experiment = this.store.experiments.create(input.name, input.description ?? '');
    const runs = grid.cells.map((cell) =>
      this.store.runs.create({
        datasetId: input.datasetId,
        experimentId: experiment.id,
        name: cell.name,
        config: cell.config,
      }),
    );
    runs.forEach((run) => this.enqueue(run.id));
    return { ok: true, experiment: this.store.experiments.get(experiment.id) ?? experiment, runs };
  }

  /** A new run with the same dataset, configuration and seed as an earlier one. */
  rerun(runId: number): RunRecord | null {
    const original = this.store.runs.get(runId);
    if (!original) return null;
    return this.submit({
      datasetId: original.datasetId,
      experimentId: original.experimentId,
      name: original.name,
      config: original.config,
    });
  }

  /** Stops a running run (it ends `stopped` with what it recorded) or drops a queued one. */
  stop(runId: number): void {
    const queued = this.queue.indexOf(runId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.store.runs.finish(runId, 'stopped', emptySummary(), null);
      this.emit({ type: 'status', runId, status: 'stopped', error: null });
      this.notifyIfIdle();
      return;
    }
    const run = this.active.get(runId);
    if (!run || run.stopRequested) return;
    run.stopRequested = true;
    run.trainer.send({ type: 'stop' });
  }

  isIdle(): boolean {
    return this.queue.length === 0 && this.active.size === 0;
  }

  waitForIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every run, waits until each has recorded how it ended, refuses new work. */
  async shutdown(): Promise<void> {
    for (const runId of [...this.queue]) this.stop(runId);
    for (const runId of this.active.keys()) this.stop(runId);
    await this.waitForIdle();
    this.closed = true;
  }

  private enqueue(runId: number): void {
    if (this.closed) throw new Error('the run manager is shut down');
    this.queue.push(runId);
    this.emit({ type: 'status', runId, status: 'queued', error: null });
    this.pump();
  }

  private pump(): void {
    while (this.active.size < this.poolSize && this.queue.length > 0) {
      const runId = this.queue.shift() as number;
      this.launch(runId);
    }
    this.notifyIfIdle();
  }

  private launch(runId: number): void {
    const record = this.store.runs.get(runId);
    if (!record) return;
    const data = this.store.datasets.loadData(record.datasetId);
    if (!data) {
      this.store.runs.finish(
        runId,
        'failed',
        emptySummary(),
        `dataset ${record.datasetId} is not in the database`,
      );
      this.emit({ type: 'status', runId, status: 'failed', error: 'dataset missing' });
      return;
    }
    const trainer = this.options.launcher();
    const run: ActiveRun = {
      runId,
      trainer,
      config: record.config,
      began: performance.now(),
      lastEpoch: 0,
      lastStep: 0,
      lastValAccuracy: null,
      finished: false,
      stopRequested: false,
    };
    this.active.set(runId, run);
    this.store.runs.markRunning(runId);
    this.emit({ type: 'status', runId, status: 'running', error: null });
    trainer.onMessage((message) => this.receive(run, message));
    trainer.onExit((reason) => this.exited(run, reason));
    trainer.send({
      type: 'start',
      runId,
      config: record.config,
      train: data.train,
      test: data.test,
      datasetFingerprint: datasetFingerprint(data.train),
    });
  }

  private receive(run: ActiveRun, message: TrainerMessage): void {
    if (run.finished) return;
    switch (message.type) {
      case 'steps': {
        this.store.metrics.appendSteps(run.runId, message.rows);
        const last = message.rows[message.rows.length - 1];
        if (!last) return;
        run.lastStep = last.step;
        const total = run.config.epochs;
        const fraction = Math.min(1, (last.epoch - 1 + message.stepInEpoch / message.stepsPerEpoch) / total);
        const elapsed = (performance.now() - run.began) / 1000;
        this.emit({
          type: 'progress',
          progress: {
            runId: run.runId,
            epoch: last.epoch,
            totalEpochs: total,
            step: last.step,
            fraction,
            etaSeconds: fraction > 0 ? (elapsed * (1 - fraction)) / fraction : null,
            loss: last.loss,
            gradNormBefore: last.gradNormBefore,
            gradNormAfter: last.gradNormAfter,
            valAccuracy: run.lastValAccuracy,
          },
        });
        return;
      }
      case 'epoch':
        this.store.metrics.appendEpochs(run.runId, [message.row]);
        run.lastEpoch = message.row.epoch;
        run.lastValAccuracy = message.row.valAccuracy;
        this.emit({ type: 'epoch', runId: run.runId, row: message.row });
        return;
      case 'done':
        this.store.models.save(run.runId, 'final', message.finalModel);
        this.store.models.save(run.runId, 'best', message.bestModel);
        this.finish(run, message.status, message.summary, message.error);
        return;
      case 'failed':
        this.finish(run, 'failed', emptySummary(run.lastStep, run.lastEpoch), message.error);
        return;
    }
  }

  private exited(run: ActiveRun, reason: string | null): void {
    if (!run.finished) {
      const why = reason ?? 'the trainer process ended without reporting a result';
      this.finish(run, 'failed', emptySummary(run.lastStep, run.lastEpoch), why);
    }
  }

  private finish(run: ActiveRun, status: FinishedStatus, summary: RunSummary, error: string | null): void {
    run.finished = true;
    this.store.runs.finish(run.runId, status, summary, error);
    this.active.delete(run.runId);
    this.emit({ type: 'status', runId: run.runId, status, error });
    this.pump();
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  private emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
