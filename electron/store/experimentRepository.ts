// The experiments table: named groups of runs, e.g. a comparison grid.

import type Database from 'better-sqlite3';
import type { ExperimentRecord } from '../../core/api/entities';

interface ExperimentRow {
  id: number;
  name: string;
  description: string;
  created_at: string;
  run_count: number;
}

function toRecord(row: ExperimentRow): ExperimentRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    runCount: row.run_count,
  };
}

const SELECT = `SELECT e.*, (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id) AS run_count
  FROM experiments e`;

export class ExperimentRepository {
  private readonly insertExperiment: Database.Statement<[string, string, string]>;
  private readonly selectById: Database.Statement<[number], ExperimentRow>;
  private readonly selectAll: Database.Statement<[], ExperimentRow>;

  constructor(db: Database.Database) {
    this.insertExperiment = db.prepare(
      'INSERT INTO experiments (name, description, created_at) VALUES (?, ?, ?)',
    );
    this.selectById = db.prepare(`${SELECT} WHERE e.id = ?`);
    this.selectAll = db.prepare(`${SELECT} ORDER BY e.id`);
  }

  create(name: string, description = ''): ExperimentRecord {
    const { lastInsertRowid } = this.insertExperiment.run(name, description, new Date().toISOString());
    const record = this.get(Number(lastInsertRowid));
    if (record === null)
      throw new Error(`Experiment ${lastInsertRowid} vanished right after it was written.`);
    return record;
  }

  get(id: number): ExperimentRecord | null {
    const row = this.selectById.get(id);
    return row === undefined ? null : toRecord(row);
  }

  list(): ExperimentRecord[] {
    return this.selectAll.all().map(toRecord);
  }
}
