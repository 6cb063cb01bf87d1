// electron-builder's afterPack hook: puts better-sqlite3's addon built for Electron and for the
// package's platform and architecture (scripts/electronSqlite.mjs) into the unpacked copy of
// better-sqlite3, so the packaged app loads it; node_modules itself is never touched.
const { copyFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

// electron-builder's Arch enum.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

function resourcesDir(context) {
  if (context.electronPlatformName === 'darwin') {
    return join(
      context.appOutDir,
      `${context.packager.appInfo.productFilename}.app`,
      'Contents',
      'Resources',
    );
  }
  return join(context.appOutDir, 'resources');
}

exports.default = async function afterPack(context) {
  const { buildElectronSqlite } = await import('./electronSqlite.mjs');
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch];
  const built = buildElectronSqlite({ platform, arch });
  if (!built.ok) throw new Error(built.message);
  const release = join(resourcesDir(context), 'app.asar.unpacked/node_modules/better-sqlite3/build/Release');
  if (!existsSync(release))
    throw new Error(`afterPack: ${release} is missing; is better-sqlite3 unpacked from the asar?`);
  copyFileSync(built.path, join(release, 'better_sqlite3.node'));
};
