// The database commands of `lab`, and a host killed mid-run, in real processes.

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabStore } from '../../../electron/store/labStore';
import { repoRoot, runLab, tempDir } from '../../helpers/runLab';

const data = 'builtin:temporal-order?T=10&n=120&nTest=60';
const small = ['--hidden', '8', '--epochs', '3', '--batch', '16'];

function countSteps(path: string, runId: number): number {
  const opened = LabStore.open(path);
  if (!opened.ok) return 0;
  try {
    return opened.value.metrics.summaries(runId).find((s) => s.metric === 'loss')?.count ?? 0;
  } finally {
    opened.value.close();
  }
}

describe('lab with a database', () => {
  const dir = tempDir();
  const db = join(dir, 'lab.db');

  it('records a trained run, lists it, exports its model and prints its metrics', async () => {
    const train = await runLab(['train', '--db', db, '--data', data, ...small, '--json']);
    expect(train.code, train.stderr).toBe(0);
    const doc = JSON.parse(train.stdout);
    expect(doc.status).toBe('completed');
    expect(doc.runId).toBe(1);
    expect(doc.testAccuracy).toBeGreaterThan(0);

    const runs = await runLab(['runs', '--db', db, '--json']);
    expect(JSON.parse(runs.stdout).runs.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual(
      [[1, 'completed']],
    );

    const modelPath = join(dir, 'm.json');
    const exported = await runLab(['export', '--db', db, '--run', '1', '--out', modelPath]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(readFileSync(modelPath, 'utf8')).format).toBe('rnn-lab/model');

    const csv = await runLab(['metrics', '--db', db, '--run', '1', '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('run_id,metric,step,epoch,wall,value');
    expect(lines.filter((l) => l.startsWith('1,loss,'))).toHaveLength(doc.steps);
  }, 120_000);

  it('runs a grid with two axes and reports every run', async () => {
    const grid = await runLab([
      'grid',
      '--db',
      db,
      '--data',
      data,
      ...small,
      '--vary',
      'layers=1,2',
      '--vary',
      'clip-norm=none,1',
      '--json',
    ]);
    expect(grid.code, grid.stderr).toBe(0);
    const doc = JSON.parse(grid.stdout);
    expect(doc.runs).toHaveLength(4);
    expect(doc.runs.every((r: { status: string }) => r.status === 'completed')).toBe(true);
    const listed = JSON.parse(
      (await runLab(['runs', '--db', db, '--experiment', String(doc.experimentId), '--json'])).stdout,
    );
    expect(listed.runs).toHaveLength(4);
  }, 180_000);

  it('refuses bad database arguments with the right exit code', async () => {
    expect((await runLab(['grid', '--db', db, '--data', data, '--vary', 'depth=1,2'])).code).toBe(2);
    expect((await runLab(['export', '--db', db, '--run', '99', '--out', join(dir, 'x.json')])).code).toBe(1);
    expect((await runLab(['metrics', '--db', db, '--run', 'abc'])).code).toBe(2);
  }, 60_000);

  it('leaves a run interrupted, with every committed metric intact, when the host is killed mid-run', async () => {
    const path = join(tempDir(), 'crash.db');
    const host = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'electron/cli/lab.ts'),
        'train',
        '--db',
        path,
        '--data',
        data,
        '--hidden',
        '8',
        '--epochs',
        '100000',
        '--patience',
        'none',
        '--json',
      ],
      { cwd: repoRoot, stdio: 'ignore' },
    );
    let committed = 0;
    for (let i = 0; i < 600 && committed < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if (existsSync(path)) committed = countSteps(path, 1);
    }
    expect(committed).toBeGreaterThanOrEqual(50);
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
    await new Promise((r) => setTimeout(r, 500));

    const opened = LabStore.open(path);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    opened.value.runs.markInterruptedRuns();
    const run = opened.value.runs.get(1)!;
    expect(run.status).toBe('interrupted');
    expect(opened.value.metrics.summaries(1).find((s) => s.metric === 'loss')!.count).toBeGreaterThanOrEqual(
      committed,
    );
    opened.value.close();
    const raw = new Database(path);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 120_000);
});
