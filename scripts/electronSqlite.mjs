// better-sqlite3 built for Electron's ABI, beside (never instead of) the build for Node in
// node_modules that the tests and the CLI load: a copy of the package is built in a temporary
// folder, with a prebuilt binary when one exists (prebuild-install) or from source against
// Electron's headers (node-gyp), and its addon lands in
//   .electron-native/electron-<version>-<platform>-<arch>/better_sqlite3.node
// The app passes that file to better-sqlite3 as `nativeBinding` (electron/main/sqliteBinding.ts);
// packaging copies it into the package (scripts/afterPack.cjs).
//
//   node scripts/electronSqlite.mjs [--platform linux|darwin|win32] [--arch x64|arm64]
// Exits 0 when the addon is there (already or now), 1 with one line saying why not.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

export function bindingPath(version, platform, arch) {
  return join(root, '.electron-native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

function run(command, args, cwd) {
  const result = spawnSync(process.execPath, [command, ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });
  return result.status === 0;
}

export function buildElectronSqlite({ platform = process.platform, arch = process.arch } = {}) {
  const version = electronVersion();
  const target = bindingPath(version, platform, arch);
  if (existsSync(target)) return { ok: true, path: target, built: false };
  const work = mkdtempSync(join(tmpdir(), 'rnn-lab-sqlite-'));
  try {
    const pkg = join(work, 'better-sqlite3');
    cpSync(join(root, 'node_modules/better-sqlite3'), pkg, {
      recursive: true,
      filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
    });
    const common = ['--runtime=electron', `--target=${version}`, `--arch=${arch}`];
    const prebuilt = run(
      join(root, 'node_modules/prebuild-install/bin.js'),
      [...common, `--platform=${platform}`],
      pkg,
    );
    const built =
      prebuilt ||
      (platform === process.platform &&
        run(
          join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
          ['rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'],
          pkg,
        ));
    const addon = join(pkg, 'build/Release/better_sqlite3.node');
    if (!built || !existsSync(addon)) {
      return {
        ok: false,
        message:
          `better-sqlite3 could not be built for Electron ${version} (${platform}-${arch}): ` +
          'no prebuilt binary could be downloaded and Electron headers were not reachable',
      };
    }
    mkdirSync(dirname(target), { recursive: true });
    cpSync(addon, target);
    return { ok: true, path: target, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const result = buildElectronSqlite({ platform: option('platform'), arch: option('arch') });
  if (!result.ok) {
    console.error(`rnn-lab: ${result.message}.`);
    process.exit(1);
  }
  console.log(result.built ? `Built ${result.path}` : `Already built: ${result.path}`);
}
