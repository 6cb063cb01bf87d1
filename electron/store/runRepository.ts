// The runs table group: a run's record and status, its hyperparameters as queryable rows
// (run_params), filtered listings answered from runs and metric summaries, and deletion of a
// run with everything it recorded.

import type Database from 'better-sqlite3';
import { differingKeys, flattenConfig } from '../../core/metrics/hyperparameterDiff';
import type { FlatConfig, ParamValue } from '../../core/metrics/hyperparameterDiff';
import type { TrainConfig } from '../../core/train/config';
import type { RunRecord, RunStatus, RunSummary } from '../../core/api/entities';
import { InterruptedRuns } from './interruptedRuns';
import { storeFailure, storeOk } from './storeResult';
import type { DeleteErrorCode, StoreResult } from './storeResult';

export type FinishedStatus = Exclude<RunStatus, 'queued' | 'running'>;

export interface NewRun {
  datasetId: number;
  experimentId: number | null;
  name: string;
  config: TrainConfig;
}

export interface RunFilter {
  datasetId?: number;
  /** null: runs that belong to no experiment. */
  experimentId?: number | null;
  status?: RunStatus[];
  /** Runs whose flattened hyperparameter `key` has this value ('0.003', 'adam', 'true', 'none'). */
  param?: { key: string; value: string };
  /** 'created' by default. Accuracies come from the metric summaries, so live runs sort too. */
  orderBy?: 'created' | 'bestValAccuracy' | 'finalTestAccuracy';
  /** Runs without the figure come last either way. */
  descending?: boolean;
  limit?: number;
  offset?: number;
}

export interface ParamDifference {
  key: string;
  /** Each run's value; a run whose config has no such key (an adam run's momentum) is absent. */
  values: Record<number, ParamValue>;
}

interface RunRow {
  id: number;
  dataset_id: number;
  experiment_id: number | null;
  name: string;
  config: string;
  seed: number;
  status: RunStatus;
  error: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  epochs: number;
  steps: number;
  best_val_accuracy: number | null;
  best_epoch: number | null;
  final_test_accuracy: number | null;
  final_train_loss: number | null;
  diverged_at_step: number | null;
  seconds: number | null;
}

function toRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    experimentId: row.experiment_id,
    name: row.name,
    config: JSON.parse(row.config) as TrainConfig,
    seed: row.seed,
    status: row.status,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    summary: {
      epochs: row.epochs,
      steps: row.steps,
      bestValAccuracy: row.best_val_accuracy,
      bestEpoch: row.best_epoch,
      finalTestAccuracy: row.final_test_accuracy,
      finalTrainLoss: row.final_train_loss,
      divergedAtStep: row.diverged_at_step,
      seconds: row.seconds,
    },
  };
}

/** How run_params stores a value (see 001_initial.sql): SQLite has no boolean and no typed null. */
function encodeParam(value: ParamValue): string | number {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

function decodeParam(value: string | number): ParamValue {
  if (value === 'none') return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

const ORDER_COLUMNS = {
  // Ids are handed out in creation order: the table's own order, no sort needed.
  created: { join: '', column: 'r.id' },
  bestValAccuracy: { join: 'val_accuracy', column: 's.best' },
  finalTestAccuracy: { join: 'test_accuracy', column: 's.last' },
} as const;

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a whole number >= 0, not ${value}.`);
  }
}

export class RunRepository {
  private readonly listStatements = new Map<string, Database.Statement<[Record<string, unknown>], RunRow>>();
  private readonly interrupted: InterruptedRuns;
  private readonly s: {
    insertRun: Database.Statement<[Record<string, unknown>]>;
    insertParam: Database.Statement<[number, string, string | number, number]>;
    selectById: Database.Statement<[number], RunRow>;
    markRunning: Database.Statement<[string, number]>;
    finish: Database.Statement<[Record<string, unknown>]>;
    params: Database.Statement<[string], { run_id: number; key: string; value: string | number }>;
    deletes: Database.Statement<[number]>[];
  };

  constructor(private readonly db: Database.Database) {
    this.interrupted = new InterruptedRuns(db);
    this.s = {
      insertRun: db.prepare(
        `INSERT INTO runs (dataset_id, experiment_id, name, config, seed, status, created_at)
         VALUES (@datasetId, @experimentId, @name, @config, @seed, 'queued', @createdAt)`,
      ),
      insertParam: db.prepare('INSERT INTO run_params (run_id, key, value, position) VALUES (?, ?, ?, ?)'),
      selectById: db.prepare('SELECT * FROM runs WHERE id = ?'),
      markRunning: db.prepare(
        "UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'",
      ),
      finish: db.prepare(
        `UPDATE runs SET status = @status, error = @error, ended_at = @endedAt,
           epochs = @epochs, steps = @steps, best_val_accuracy = @bestValAccuracy, best_epoch = @bestEpoch,
           final_test_accuracy = @finalTestAccuracy, final_train_loss = @finalTrainLoss,
           diverged_at_step = @divergedAtStep, seconds = @seconds
         WHERE id = @id AND status IN ('queued', 'running')`,
      ),
      params: db.prepare(
        `SELECT run_id, key, value FROM run_params
         WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY run_id, position`,
      ),
      // Children first; explicit rather than ON DELETE CASCADE, so it holds on any connection.
      deletes: ['metrics', 'metric_summaries', 'epoch_profiles', 'models', 'run_params'].map((table) =>
        db.prepare<[number]>(`DELETE FROM ${table} WHERE run_id = ?`),
      ),
    };
    this.s.deletes.push(db.prepare<[number]>('DELETE FROM runs WHERE id = ?'));
  }

  /** A queued run, with its hyperparameters written to run_params in the same transaction. */
  create(input: NewRun): RunRecord {
    const id = this.db.transaction(() => {
      const { lastInsertRowid } = this.s.insertRun.run({
        datasetId: input.datasetId,
        experimentId: input.experimentId,
        name: input.name,
        config: JSON.stringify(input.config),
        seed: input.config.seed,
        createdAt: new Date().toISOString(),
      });
      const runId = Number(lastInsertRowid);
      Object.entries(flattenConfig(input.config)).forEach(([key, value], position) =>
        this.s.insertParam.run(runId, key, encodeParam(value), position),
      );
      return runId;
    })();
    const record = this.get(id);
    if (record === null) throw new Error(`Run ${id} vanished right after it was written.`);
    return record;
  }

  get(id: number): RunRecord | null {
    const row = this.s.selectById.get(id);
    return row === undefined ? null : toRecord(row);
  }

  list(filter: RunFilter = {}): RunRecord[] {
    checkCount('limit', filter.limit);
    checkCount('offset', filter.offset);
    const order = ORDER_COLUMNS[filter.orderBy ?? 'created'];
    const where: string[] = [];
    if (filter.datasetId !== undefined) where.push('r.dataset_id = @datasetId');
    if (filter.experimentId === null) where.push('r.experiment_id IS NULL');
    else if (filter.experimentId !== undefined) where.push('r.experiment_id = @experimentId');
    if (filter.status !== undefined) where.push('r.status IN (SELECT value FROM json_each(@statuses))');
    if (filter.param !== undefined) {
      where.push('r.id IN (SELECT run_id FROM run_params WHERE key = @paramKey AND value = @paramValue)');
    }
    const direction = filter.descending === true ? 'DESC' : 'ASC';
    const sql = [
      'SELECT r.* FROM runs r',
      order.join === ''
        ? ''
        : `LEFT JOIN metric_summaries s ON s.run_id = r.id
             AND s.metric_id = (SELECT id FROM metric_names WHERE name = '${order.join}')`,
      where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`,
      order.join === ''
        ? `ORDER BY r.id ${direction}`
        : `ORDER BY ${order.column} IS NULL, ${order.column} ${direction}, r.id ${direction}`,
      'LIMIT @limit OFFSET @offset',
    ].join('\n');
    // Each filter shape is prepared once and reused.
    let statement = this.listStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<[Record<string, unknown>], RunRow>(sql);
      this.listStatements.set(sql, statement);
    }
    const params: Record<string, unknown> = { limit: filter.limit ?? -1, offset: filter.offset ?? 0 };
    if (filter.datasetId !== undefined) params.datasetId = filter.datasetId;
    if (filter.experimentId !== undefined && filter.experimentId !== null)
      params.experimentId = filter.experimentId;
    if (filter.status !== undefined) params.statuses = JSON.stringify(filter.status);
    if (filter.param !== undefined) {
      params.paramKey = filter.param.key;
      params.paramValue = filter.param.value;
    }
    return statement.all(params).map(toRecord);
  }

  /** True when a queued run became running. */
  markRunning(id: number): boolean {
    return this.s.markRunning.run(new Date().toISOString(), id).changes === 1;
  }

  /**
   * Records how a queued or running run ended. False when the run is unknown or already
   * finished (e.g. marked interrupted at start-up before a late report arrived).
   */
  finish(id: number, status: FinishedStatus, summary: RunSummary, error: string | null = null): boolean {
    const result = this.s.finish.run({ id, status, error, endedAt: new Date().toISOString(), ...summary });
    return result.changes === 1;
  }

  /**
   * At start-up: every run still queued or running was cut off when the app stopped. They
   * become 'interrupted', with the figures their committed metrics support. Returns how many.
   */
  markInterruptedRuns(): number {
    return this.interrupted.markAll();
  }

  /** Deletes a run and everything it recorded, in one transaction; refused while it runs. */
  delete(id: number): StoreResult<void, DeleteErrorCode> {
    const run = this.get(id);
    if (run === null) return storeFailure('not-found', `There is no run ${id}.`);
    if (run.status === 'running') {
      return storeFailure('in-use', `Run "${run.name}" is still running; stop it before deleting it.`);
    }
    this.db.transaction(() => {
      for (const statement of this.s.deletes) statement.run(id);
    })();
    return storeOk(undefined);
  }

  /** The hyperparameters whose values are not the same in all the given runs, in config order. */
  differingParams(ids: number[]): ParamDifference[] {
    const configs = new Map<number, FlatConfig>(ids.map((id) => [id, {}]));
    for (const row of this.s.params.all(JSON.stringify(ids))) {
      const config = configs.get(row.run_id);
      if (config !== undefined) config[row.key] = decodeParam(row.value);
    }
    // An unknown id has no parameters at all; it would make every key look different.
    for (const [id, config] of configs) if (Object.keys(config).length === 0) configs.delete(id);
    return differingKeys([...configs.values()]).map((key) => {
      const values: Record<number, ParamValue> = {};
      for (const [id, config] of configs) if (Object.hasOwn(config, key)) values[id] = config[key];
      return { key, values };
    });
  }
}
