// The desktop app itself, launched with Playwright's Electron support: it runs where the
// Electron binary is installed and reports itself skipped, with the reason, where it is not
// (the binary downloads from github.com at first start; this project's CI cannot reach it).
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './webHost';

function electronBinary(): string | null {
  const dir = join(repoRoot, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('the Electron app', () => {
  test.skip(
    binary === null,
    'the Electron binary is not installed on this machine (npm start downloads it from github.com); the UI is tested through the web host instead',
  );

  test('opens a secure window whose page reaches the lab only through window.lab', async () => {
    const { buildElectronSqlite } = (await import(join(repoRoot, 'scripts/electronSqlite.mjs'))) as {
      buildElectronSqlite: () => { ok: boolean; message?: string };
    };
    const sqlite = buildElectronSqlite();
    test.skip(!sqlite.ok, `better-sqlite3 could not be built for Electron here: ${sqlite.message ?? ''}`);
    const folder = mkdtempSync(join(tmpdir(), 'rnn-lab-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [join(repoRoot, 'out/main/main.js')],
      env: { ...process.env, RNN_LAB_DB: join(folder, 'lab.db') },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('RNN Lab');
      await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/rnn-lab\//);
      const exposure = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { lab?: object }).lab ?? {}).sort(),
      }));
      expect(exposure).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['invoke', 'onCommand', 'pathForFile', 'saveFile', 'subscribe'],
      });
      const info = await page.evaluate(() =>
        (globalThis as { lab?: { invoke(m: string, a: unknown): Promise<unknown> } }).lab?.invoke(
          'app.info',
          {},
        ),
      );
      expect(info).toMatchObject({ ok: true, value: { databasePath: join(folder, 'lab.db') } });
      const malformed = await page.evaluate(() =>
        (globalThis as { lab?: { invoke(m: string, a: unknown): Promise<unknown> } }).lab?.invoke(
          'runs.get',
          {
            id: 'seven',
          },
        ),
      );
      expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      // The page runs without Node: the preload's bridge is its only way out.
      const nodeInPage = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0].webContents.executeJavaScript('typeof globalThis.process'),
      );
      expect(nodeInPage).toBe('undefined');
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
