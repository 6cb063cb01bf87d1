// Opens the lab's SQLite file: refuses one newer than this app (untouched), then switches on
// WAL, foreign keys and a busy timeout and brings the schema up to date.

import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { latestSchemaVersion, migrate, readHeader, readMigrations, schemaVersion } from './migrations';
import type { HeaderCheck, Migration } from './migrations';
import { storeFailure, storeOk } from './storeResult';
import type { OpenErrorCode, StoreResult } from './storeResult';

export { latestSchemaVersion };
export type { StoreResult };

export const DEFAULT_MIGRATIONS_DIR = resolve(__dirname, '../../migrations');

const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  migrationsDir?: string;
  /**
   * better-sqlite3's compiled addon to load instead of its own build. The desktop app passes
   * one built for Electron's ABI, so that node_modules keeps the build for Node that the
   * tests and the CLI load (see scripts/electronSqlite.mjs).
   */
  nativeBinding?: string;
}

/** An open, migrated lab database. The repositories share its one connection. */
export class LabDatabase {
  constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly schemaVersion: number,
  ) {}

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function tooNew(path: string, found: number, latest: number): StoreResult<never> {
  return storeFailure(
    'too-new',
    `${path} has schema version ${found}, but this version of RNN Lab knows versions up to ${latest}. ` +
      'It was written by a newer RNN Lab; open it with that version. The file was left unchanged.',
  );
}

function errorCode(error: unknown): OpenErrorCode {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' ? 'corrupt' : 'io';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function openLabDatabase(path: string, options: OpenOptions = {}): StoreResult<LabDatabase> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  let migrations: Migration[];
  try {
    migrations = readMigrations(migrationsDir);
  } catch (error) {
    return storeFailure('io', `Cannot read the migrations in ${migrationsDir}: ${describe(error)}`);
  }
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;

  let header: HeaderCheck;
  try {
    header = readHeader(path);
  } catch (error) {
    return storeFailure('io', `Cannot read ${path}: ${describe(error)}`);
  }
  if (header.kind === 'not-sqlite') {
    return storeFailure('corrupt', `${path} is not an RNN Lab database (it is not an SQLite file).`);
  }
  if (header.kind === 'sqlite' && header.userVersion > latest)
    return tooNew(path, header.userVersion, latest);

  let db: Database.Database | null = null;
  try {
    db = new Database(
      path,
      options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding },
    );
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checked again through SQLite: after a crash, a committed newer version can still sit in
    // an existing -wal file that the header does not show yet.
    const found = schemaVersion(db);
    if (found > latest) {
      db.close();
      return tooNew(path, found, latest);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const version = migrate(db, migrations);
    return storeOk(new LabDatabase(db, path, version));
  } catch (error) {
    db?.close();
    const code = errorCode(error);
    const what = code === 'corrupt' ? 'is damaged or not an RNN Lab database' : 'could not be opened';
    return storeFailure(code, `${path} ${what}: ${describe(error)}`);
  }
}
