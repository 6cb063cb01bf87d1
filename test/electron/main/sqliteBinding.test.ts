import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronSqliteBindingPath, sqliteBindingFor } from '../../../electron/main/sqliteBinding';

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

describe("better-sqlite3's addon for the app", () => {
  it('is kept apart from node_modules, per Electron version, platform and architecture', () => {
    expect(electronSqliteBindingPath('/lab', target)).toBe(
      '/lab/.electron-native/electron-45.5.0-linux-x64/better_sqlite3.node',
    );
  });

  it('is used in development when it has been built, and never in a packaged app', () => {
    const root = mkdtempSync(join(tmpdir(), 'rnn-lab-binding-'));
    folders.push(root);
    expect(sqliteBindingFor(false, root, target)).toBeUndefined();
    const path = electronSqliteBindingPath(root, target);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    expect(sqliteBindingFor(false, root, target)).toBe(path);
    expect(sqliteBindingFor(true, root, target)).toBeUndefined();
  });
});
