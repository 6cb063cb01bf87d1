// The web host as the end-to-end tests use it: `npm run web` in a child process, on a fresh
// database in a temporary folder, serving the built renderer (out/renderer).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '../..');

export interface RunningWebHost {
  /** The address with its token, as the host printed it. */
  url: string;
  origin: string;
  token: string;
  folder: string;
  stop(): Promise<void>;
}

export async function startWebHost(): Promise<RunningWebHost> {
  const folder = mkdtempSync(join(tmpdir(), 'rnn-lab-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'electron/web/serveWeb.ts'),
      '--db',
      join(folder, 'lab.db'),
      '--port',
      '0',
      '--static',
      join(repoRoot, 'out/renderer'),
      '--pool',
      '2',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /served at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the web host exited (${code}):\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    folder,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
