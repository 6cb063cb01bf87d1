import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const electronDir = join(root, 'node_modules/electron');

function electronBinaryPresent(): boolean {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

describe.skipIf(electronBinaryPresent())('npm start without the Electron binary', () => {
  it('says so in one line, with the way out, instead of a stack trace', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      // Electron's installer honours this: the test never downloads 100 MB.
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rnn-lab: the Electron binary is missing/);
    expect(lines[0]).toContain('npm run web');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
