// Does the host stay responsive while four runs train at once? The lab host (the same code the
// Electron main process and the web host run) trains four runs in four trainer processes, and
// meanwhile measures its own event-loop delay and the round trip of a lab API call every 50 ms.
// In the app the window talks to this process: its delays are the UI's. Not a test: it trains
// for about a minute.
//
//   npx tsx bench/hostResponsiveness.ts [--epochs 4] [--hidden 128] [--json]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { RunRecord } from '../core/api/entities';
import { openLabHost } from '../electron/api/labHost';
import { nodeTrainerLauncher } from '../electron/runs/trainerLauncher';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '4' },
    hidden: { type: 'string', default: '128' },
    json: { type: 'boolean', default: false },
  },
});

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'rnn-lab-responsive-'));
  const opened = openLabHost({
    databasePath: join(folder, 'lab.db'),
    launcher: nodeTrainerLauncher,
    poolSize: 4,
  });
  if (!opened.ok) throw new Error(opened.message);
  const { service, shutdown } = opened.host;
  try {
    const dataset = await service.call('datasets.importBuiltin', { spec: 'temporal-order?T=50' });
    if (!dataset.ok) throw new Error(dataset.error.message);
    const defaults = await service.call('runs.defaults', {});
    if (!defaults.ok) throw new Error(defaults.error.message);
    const base = {
      ...(defaults.value as object),
      hiddenSize: Number(values.hidden),
      epochs: Number(values.epochs),
      patience: null,
    };
    const grid = await service.call('runs.createGrid', {
      name: 'responsiveness',
      datasetId: (dataset.value as { id: number }).id,
      base,
      axes: [
        { key: 'cell', values: ['elman', 'highway'] },
        { key: 'layers', values: ['1', '2'] },
      ],
    });
    if (!grid.ok) throw new Error(grid.error.message);
    const runIds = (grid.value as { runs: RunRecord[] }).runs.map((run) => run.id);

    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const roundTrips: number[] = [];
    let events = 0;
    const stopListening = service.on(() => events++);
    const started = performance.now();
    for (;;) {
      const t0 = performance.now();
      await service.call('runs.progress', {});
      await service.call('metrics.series', { runIds, metrics: ['loss'], maxPoints: 600 });
      roundTrips.push(performance.now() - t0);
      const list = await service.call('runs.list', {});
      const runs = list.ok ? (list.value as RunRecord[]) : [];
      if (runs.every((run) => run.status !== 'queued' && run.status !== 'running')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    loop.disable();
    stopListening();
    const seconds = (performance.now() - started) / 1000;
    roundTrips.sort((a, b) => a - b);
    const ms = (ns: number): number => ns / 1e6;
    const report = {
      runs: runIds.length,
      seconds,
      eventsPerSecond: events / seconds,
      eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      apiRoundTripMs: {
        p50: quantile(roundTrips, 0.5),
        p99: quantile(roundTrips, 0.99),
        max: roundTrips[roundTrips.length - 1],
      },
    };
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      const f = (n: number): string => n.toFixed(1);
      process.stdout.write(
        `${report.runs} runs trained at once in ${f(seconds)} s (${f(report.eventsPerSecond)} events/s to the UI)\n` +
          `host event-loop delay: p50 ${f(report.eventLoopDelayMs.p50)} ms, p99 ${f(report.eventLoopDelayMs.p99)} ms, max ${f(report.eventLoopDelayMs.max)} ms\n` +
          `lab API round trip (progress + a 4-run loss series): p50 ${f(report.apiRoundTripMs.p50)} ms, p99 ${f(report.apiRoundTripMs.p99)} ms, max ${f(report.apiRoundTripMs.max)} ms\n`,
      );
    }
  } finally {
    await shutdown();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
