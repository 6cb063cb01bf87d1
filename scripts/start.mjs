// `npm start`: the desktop app in development (electron-vite dev). It needs the Electron
// binary (downloaded from GitHub at first start) and better-sqlite3 built for Electron's ABI
// (scripts/electronSqlite.mjs); where either cannot be had, it says so in one line and points
// to the browser version instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectronSqlite } from './electronSqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules/electron');

/** The Electron executable, if it is on disk (node_modules/electron/index.js would download it). */
export function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

function fail(message) {
  console.error(`rnn-lab: ${message}`);
  process.exit(1);
}

if (electronBinary() === null) {
  console.log('Downloading the Electron binary (first start)...');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 10 * 60_000 });
}
if (electronBinary() === null) {
  fail(
    'the Electron binary is missing and could not be downloaded (it comes from github.com); ' +
      'run the lab in your browser instead: npm run web',
  );
}
const sqlite = buildElectronSqlite();
if (!sqlite.ok) fail(`${sqlite.message}; run the lab in your browser instead: npm run web`);

const child = spawn(
  process.execPath,
  [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'dev', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
child.on('exit', (code) => process.exit(code ?? 1));
