// better-sqlite3 for the app: in development, the addon that `npm start` built for Electron's
// ABI into .electron-native/ (node_modules keeps the build for Node that the tests and the CLI
// load); in a packaged app, the one the packaging put inside the package (scripts/afterPack.cjs).

import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ElectronTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

/** Where scripts/electronSqlite.mjs puts the addon built for an Electron version and system. */
export function electronSqliteBindingPath(projectRoot: string, target: ElectronTarget): string {
  const folder = `electron-${target.electronVersion}-${target.platform}-${target.arch}`;
  return join(projectRoot, '.electron-native', folder, 'better_sqlite3.node');
}

/** The addon to load, or undefined for better-sqlite3's own build (the packaged app's). */
export function sqliteBindingFor(
  isPackaged: boolean,
  projectRoot: string,
  target: ElectronTarget,
): string | undefined {
  if (isPackaged) return undefined;
  const path = electronSqliteBindingPath(projectRoot, target);
  return existsSync(path) ? path : undefined;
}
