// The migration runner: numbered SQL files (migrations/001_initial.sql, ...) applied in order,
// each in its own transaction, the applied number recorded in PRAGMA user_version.
//
// user_version lives in the database header and is written inside the migration's
// transaction, so a migration and its version number commit or roll back together; it also
// needs no table, so the version of any file can be read before anything is changed.

import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Migration {
  version: number;
  /** The file name, e.g. '001_initial.sql'. */
  file: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d+)_[A-Za-z0-9_-]+\.sql$/;

/** The migrations in a folder, by version; versions must run 1, 2, 3 ... without gaps. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry) => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match?.[1]),
      file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, i) => {
    // A gap or a duplicate is a packaging bug: refuse loudly rather than skip a schema step.
    if (migration.version !== i + 1) {
      throw new Error(`Migration ${migration.file} in ${dir} should be number ${i + 1}.`);
    }
  });
  return migrations;
}

export function latestSchemaVersion(dir: string): number {
  const migrations = readMigrations(dir);
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the database's version, up to `target` (default: all). */
export function migrate(db: Database.Database, migrations: Migration[], target?: number): number {
  const upTo = target ?? (migrations.length === 0 ? 0 : migrations[migrations.length - 1].version);
  let version = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= version || migration.version > upTo) continue;
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      // Name the file, keep SQLite's code (the opener tells damage from other failures by it).
      const message = error instanceof Error ? error.message : String(error);
      const code = (error as { code?: unknown }).code;
      throw Object.assign(new Error(`Migration ${migration.file} failed: ${message}`), { code });
    }
    version = migration.version;
  }
  return version;
}

export type HeaderCheck =
  { kind: 'absent' } | { kind: 'sqlite'; userVersion: number } | { kind: 'not-sqlite' };

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;

/**
 * Reads the schema version straight from the file's header, without SQLite: merely opening a
 * WAL-mode database creates -wal and -shm files, and a database too new for this app must be
 * left exactly as it was found.
 */
export function readHeader(path: string): HeaderCheck {
  if (!existsSync(path) || statSync(path).size === 0) return { kind: 'absent' };
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (read < HEADER_BYTES || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) {
    return { kind: 'not-sqlite' };
  }
  return { kind: 'sqlite', userVersion: header.readInt32BE(USER_VERSION_OFFSET) };
}
