// The lab's store: one open database and a repository per table group. The main process, the
// web host and the CLI each hold one; nothing above it sees SQL.

import { openLabDatabase } from './database';
import type { LabDatabase, OpenOptions } from './database';
import { DatasetRepository } from './datasetRepository';
import { ExperimentRepository } from './experimentRepository';
import { MetricRepository } from './metricRepository';
import { ModelRepository } from './modelRepository';
import { RunRepository } from './runRepository';
import type { StoreResult } from './storeResult';

export class LabStore {
  readonly datasets: DatasetRepository;
  readonly experiments: ExperimentRepository;
  readonly runs: RunRepository;
  readonly metrics: MetricRepository;
  readonly models: ModelRepository;

  constructor(readonly database: LabDatabase) {
    const db = database.db;
    this.datasets = new DatasetRepository(db);
    this.experiments = new ExperimentRepository(db);
    this.runs = new RunRepository(db);
    this.metrics = new MetricRepository(db);
    this.models = new ModelRepository(db);
  }

  /** Opens (creating or migrating) the database at `path`; a newer or damaged file is an error value. */
  static open(path: string, options: OpenOptions = {}): StoreResult<LabStore> {
    const opened = openLabDatabase(path, options);
    return opened.ok ? { ok: true, value: new LabStore(opened.value) } : opened;
  }

  close(): void {
    this.database.close();
  }
}
