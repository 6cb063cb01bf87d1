// `npm run web` as a user runs it: it prints the address with the token, serves the lab API,
// and on SIGINT stops the running run, records it as stopped, and exits cleanly.

import type { ChildProcessByStdio } from 'node:child_process';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLabClient } from '../../../core/api/labClient';
import { createWebSocketTransport } from '../../../core/api/webSocketTransport';
import { LabStore } from '../../../electron/store/labStore';
import { repoRoot, tempDir } from '../../helpers/runLab';
import { tinyConfig, TINY_SPEC } from '../api/labFixtures';
import { openSocket } from './webTestClient';

type Server = ChildProcessByStdio<null, Readable, Readable>;

function serve(args: string[]): { child: Server; output: () => string; exit: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'electron/web/serveWeb.ts'), ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitForUrl(output: () => string): Promise<URL> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const match = /served at (http:\/\/\S+)/.exec(output());
    if (match) return new URL(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the web host printed no address:\n${output()}`);
}

describe('npm run web', () => {
  it('serves the lab, and on SIGINT records the running run as stopped', async () => {
    const db = join(tempDir('rnn-lab-web-'), 'lab.db');
    const server = serve(['--db', db, '--port', '0', '--pool', '1']);
    try {
      const url = await waitForUrl(server.output);
      expect(url.hostname).toBe('127.0.0.1');
      const token = url.searchParams.get('token') ?? '';
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      const socket = await openSocket(`ws://${url.host}/api?token=${token}`);
      const client = createLabClient(createWebSocketTransport(socket));
      expect((await client.invoke('app.info')).databasePath).toBe(db);
      const dataset = await client.invoke('datasets.importBuiltin', { spec: TINY_SPEC });
      const training = new Promise<void>((resolve) => {
        const off = client.on('run.progress', () => {
          off();
          resolve();
        });
      });
      const run = await client.invoke('runs.create', {
        datasetId: dataset.id,
        config: tinyConfig({ epochs: 100_000, patience: null }),
      });
      await training;
      server.child.kill('SIGINT');
      expect(await server.exit).toBe(0);
      expect(server.output()).toContain('Stopped.');

      const opened = LabStore.open(db);
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.runs.get(run.id)?.status).toBe('stopped');
      opened.value.close();
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('refuses a file that is not a lab database, saying why', async () => {
    const db = join(tempDir('rnn-lab-web-'), 'notes.txt');
    writeFileSync(db, 'these are my notes, not a database');
    const server = serve(['--db', db]);
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain('is not an RNN Lab database');
  });
});
