// Opening the lab database: migrations from nothing and from every earlier version, refusal of
// a newer file (left byte for byte as it was), and the connection settings.

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../../core/data/fingerprint';
import {
  DEFAULT_MIGRATIONS_DIR,
  latestSchemaVersion,
  openLabDatabase,
} from '../../../electron/store/database';
import { DatasetRepository } from '../../../electron/store/datasetRepository';
import { LabStore } from '../../../electron/store/labStore';
import { MetricRepository } from '../../../electron/store/metricRepository';
import { migrate, readMigrations, schemaVersion } from '../../../electron/store/migrations';
import { RunRepository } from '../../../electron/store/runRepository';
import { config, makeDataset, stepRow, tempDir } from './storeFixtures';

const dirs: string[] = [];
function freshDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")
    .pluck()
    .all();
}

describe('openLabDatabase', () => {
  it('knows the newest migration', () => {
    expect(latestSchemaVersion(DEFAULT_MIGRATIONS_DIR)).toBe(2);
    expect(readMigrations(DEFAULT_MIGRATIONS_DIR).map((m) => m.file)).toEqual([
      '001_initial.sql',
      '002_run_params_by_value.sql',
    ]);
  });

  it('creates the newest schema in a new file and in an empty one', () => {
    const dir = freshDir();
    const emptyPath = join(dir, 'empty.db');
    writeFileSync(emptyPath, '');
    for (const path of [join(dir, 'new.db'), emptyPath]) {
      const opened = openLabDatabase(path);
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.schemaVersion).toBe(2);
      expect(schemaVersion(opened.value.db)).toBe(2);
      expect(tables(opened.value.db)).toEqual(
        expect.arrayContaining(['datasets', 'runs', 'run_params', 'metrics', 'metric_summaries', 'models']),
      );
      opened.value.close();
    }
  });

  it('switches on WAL, foreign keys and a 5 s busy timeout', () => {
    const opened = openLabDatabase(join(freshDir(), 'lab.db'));
    if (!opened.ok) throw new Error(opened.error.message);
    const { db } = opened.value;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    opened.value.close();
  });

  const latest = latestSchemaVersion(DEFAULT_MIGRATIONS_DIR);
  for (let version = 1; version < latest; version++) {
    it(`migrates a version-${version} database with its data to version ${latest}`, () => {
      const path = join(freshDir(), 'old.db');
      const old = new Database(path);
      expect(migrate(old, readMigrations(DEFAULT_MIGRATIONS_DIR), version)).toBe(version);
      const train = makeDataset('old', [3, 4, 5]);
      const dataset = new DatasetRepository(old).insert({
        name: 'old',
        format: 'json',
        sources: ['old.json'],
        fingerprint: datasetFingerprint(train),
        train,
        test: null,
        missingValues: 1,
      });
      const run = new RunRepository(old).create({
        datasetId: dataset.id,
        experimentId: null,
        name: 'old run',
        config: config({ hiddenSize: 7 }),
      });
      new MetricRepository(old).appendSteps(run.id, [stepRow(1, 2), stepRow(2, 1)]);
      old.close();

      const opened = LabStore.open(path);
      if (!opened.ok) throw new Error(opened.error.message);
      const store = opened.value;
      expect(store.database.schemaVersion).toBe(latest);
      expect(schemaVersion(store.database.db)).toBe(latest);
      expect(tables(store.database.db)).toContain('run_params_by_value');
      expect(store.datasets.loadData(dataset.id)?.train).toEqual(train);
      expect(store.runs.get(run.id)?.config.hiddenSize).toBe(7);
      expect(store.runs.list({ param: { key: 'hiddenSize', value: '7' } }).map((r) => r.id)).toEqual([
        run.id,
      ]);
      expect(store.metrics.summaries(run.id).find((s) => s.metric === 'loss')).toMatchObject({
        count: 2,
        last: 1,
      });
      expect(store.database.db.pragma('integrity_check', { simple: true })).toBe('ok');
      store.close();
    });
  }

  it('refuses a newer WAL database and leaves its bytes and folder untouched', () => {
    const dir = freshDir();
    const path = join(dir, 'future.db');
    const opened = openLabDatabase(path);
    if (!opened.ok) throw new Error(opened.error.message);
    opened.value.close();
    const byHand = new Database(path);
    byHand.pragma('user_version = 99');
    byHand.close();
    const before = sha256(path);
    const files = readdirSync(dir);

    const refused = openLabDatabase(path);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('too-new');
    expect(refused.error.message).toContain(path);
    expect(refused.error.message).toContain('99');
    expect(refused.error.message).toContain(`up to ${latest}`);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(files);
    expect(files).not.toContain('future.db-wal');
  });

  it('refuses a newer rollback-journal database without switching it to WAL', () => {
    const dir = freshDir();
    const path = join(dir, 'future.db');
    const byHand = new Database(path);
    byHand.exec('CREATE TABLE t (x)');
    byHand.pragma('user_version = 99');
    byHand.close();
    const before = sha256(path);

    const refused = LabStore.open(path);
    expect(!refused.ok && refused.error.code).toBe('too-new');
    expect(sha256(path)).toBe(before);
    // Header bytes 18 and 19 are 1 for a rollback journal, 2 for WAL.
    expect([...readFileSync(path).subarray(18, 20)]).toEqual([1, 1]);
    expect(readdirSync(dir)).toEqual(['future.db']);
  });

  it('calls a file that is not SQLite corrupt, and leaves it alone', () => {
    const path = join(freshDir(), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(10));
    const before = sha256(path);
    const refused = openLabDatabase(path);
    expect(!refused.ok && refused.error.code).toBe('corrupt');
    expect(!refused.ok && refused.error.message).toContain(path);
    expect(sha256(path)).toBe(before);
  });

  it('applies each migration in a transaction: a failing one leaves the previous version', () => {
    const dir = freshDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    copyFileSync(join(DEFAULT_MIGRATIONS_DIR, '001_initial.sql'), join(migrations, '001_initial.sql'));
    writeFileSync(
      join(migrations, '002_broken.sql'),
      'CREATE TABLE half (x);\nINSERT INTO nowhere VALUES (1);\n',
    );
    const path = join(dir, 'lab.db');

    const failed = openLabDatabase(path, { migrationsDir: migrations });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.message).toContain('002_broken.sql');

    const check = new Database(path, { readonly: true });
    expect(schemaVersion(check)).toBe(1);
    expect(tables(check)).not.toContain('half');
    check.close();
  });

  it('reports a gap in the migration numbers as an error value', () => {
    const dir = freshDir();
    writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '003_c.sql'), 'CREATE TABLE c (x);');
    const result = openLabDatabase(join(dir, 'lab.db'), { migrationsDir: dir });
    expect(!result.ok && result.error.code).toBe('io');
    expect(!result.ok && result.error.message).toContain('003_c.sql');
  });
});
