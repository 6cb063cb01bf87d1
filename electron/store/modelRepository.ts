// The models table: the final and the best model JSON text of each run.

import type Database from 'better-sqlite3';

export type ModelKind = 'final' | 'best';

export class ModelRepository {
  private readonly upsert: Database.Statement<[number, ModelKind, string, string]>;
  private readonly select: Database.Statement<[number, ModelKind], string>;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO models (run_id, kind, json, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (run_id, kind) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at`,
    );
    this.select = db
      .prepare<[number, ModelKind], string>('SELECT json FROM models WHERE run_id = ? AND kind = ?')
      .pluck();
  }

  /** Saving a kind again replaces it: the best model improves as training goes on. */
  save(runId: number, kind: ModelKind, json: string): void {
    this.upsert.run(runId, kind, json, new Date().toISOString());
  }

  get(runId: number, kind: ModelKind): string | null {
    return this.select.get(runId, kind) ?? null;
  }
}
