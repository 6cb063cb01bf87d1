// The store's speed, measured (not a test): rows per second written while a run trains,
// the time to fetch downsampled series of ten 100,000-step runs, and how much recording
// slows a run down compared with training the same run unrecorded.
//
//   npx tsx bench/storeBench.ts [--json]

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { datasetFingerprint } from '../core/data/fingerprint';
import { generateBuiltin, parseBuiltinSpec } from '../core/data/synthetic/index';
import { defaultTrainConfig } from '../core/train/defaults';
import { train } from '../core/train/trainLoop';
import { RunManager } from '../electron/runs/runManager';
import { nodeTrainerLauncher } from '../electron/runs/trainerLauncher';
import type { StepRow } from '../core/api/entities';
import { LabStore } from '../electron/store/labStore';

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

function openStore(): LabStore {
  const opened = LabStore.open(join(mkdtempSync(join(tmpdir(), 'rnn-lab-bench-')), 'bench.db'));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

function fakeSteps(from: number, count: number): StepRow[] {
  return Array.from({ length: count }, (_, i) => {
    const step = from + i;
    return {
      step,
      epoch: 1 + Math.floor(step / 1000),
      wall: step / 1000,
      loss: 1 / (1 + step) + 0.01 * Math.sin(step),
      gradNormBefore: 1 + Math.abs(Math.sin(step)),
      gradNormAfter: 1,
      clipped: step % 3 === 0,
      tensorGradNorms: {
        'layers.0.U': 0.1,
        'layers.0.W': 0.2,
        'layers.0.b': 0.05,
        'head.V': 0.3,
        'head.B': 0.01,
      },
    };
  });
}

async function main(): Promise<void> {
  const spec = parseBuiltinSpec('builtin:temporal-order?T=20&n=2000&nTest=500');
  if (!spec.ok) throw new Error(spec.error.message);
  const data = generateBuiltin(spec.value);
  const config = { ...defaultTrainConfig, epochs: 8, patience: null };

  // 1. A real run, unrecorded (in this process) and recorded (trainer process + store).
  const unrecorded = await train({ config, train: data.train, test: data.test });
  const store = openStore();
  const dataset = store.datasets.insert({
    name: data.train.name,
    format: 'builtin',
    sources: ['bench'],
    fingerprint: datasetFingerprint(data.train),
    train: data.train,
    test: data.test,
    missingValues: 0,
  });
  const manager = new RunManager(store, { launcher: nodeTrainerLauncher, poolSize: 1 });
  const run = manager.submit({ datasetId: dataset.id, config });
  await manager.waitForIdle();
  const recorded = store.runs.get(run.id)!;
  const rowsPerStep = store.metrics.metricNames(run.id).length;
  const recordedSeconds = recorded.summary.seconds ?? NaN;

  // 2. Raw write speed: ten runs of 100,000 steps, appended in batches of 256 steps.
  const runIds: number[] = [];
  let rows = 0;
  const writeStart = performance.now();
  for (let r = 0; r < 10; r++) {
    const id = store.runs.create({
      datasetId: dataset.id,
      experimentId: null,
      name: `synthetic ${r}`,
      config,
    }).id;
    runIds.push(id);
    for (let from = 1; from <= 100_000; from += 256) {
      const batch = fakeSteps(from, Math.min(256, 100_001 - from));
      store.metrics.appendSteps(id, batch);
      rows += batch.length * 9;
    }
  }
  const writeSeconds = (performance.now() - writeStart) / 1000;

  // 3. Fetching the downsampled series of those ten runs.
  const fetchStart = performance.now();
  const series = store.metrics.series({
    runIds,
    metrics: ['loss', 'grad_norm_before'],
    maxPoints: 1000,
    smoothing: 0.6,
  });
  const fetchMs = performance.now() - fetchStart;
  store.close();

  const result = {
    recordedRun: {
      steps: recorded.summary.steps,
      metricRowsPerStep: rowsPerStep,
      secondsUnrecorded: unrecorded.seconds,
      secondsRecorded: recordedSeconds,
      slowdownPercent: (100 * (recordedSeconds - unrecorded.seconds)) / unrecorded.seconds,
      rowsPerSecondWhileTraining: (recorded.summary.steps * rowsPerStep) / recordedSeconds,
    },
    bulkWrite: { rows, seconds: writeSeconds, rowsPerSecond: rows / writeSeconds },
    seriesFetch: {
      runs: 10,
      stepsPerRun: 100_000,
      metrics: 2,
      maxPoints: 1000,
      series: series.length,
      milliseconds: fetchMs,
    },
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const r = result.recordedRun;
  console.log(
    `recorded run: ${r.steps} steps x ${r.metricRowsPerStep} metrics; ${r.secondsUnrecorded.toFixed(2)} s unrecorded, ${r.secondsRecorded.toFixed(2)} s recorded (${r.slowdownPercent.toFixed(1)} %), ${r.rowsPerSecondWhileTraining.toFixed(0)} rows/s written while training`,
  );
  console.log(
    `bulk write: ${rows} rows in ${writeSeconds.toFixed(2)} s = ${result.bulkWrite.rowsPerSecond.toFixed(0)} rows/s`,
  );
  console.log(
    `series fetch: 10 runs x 100,000 steps x 2 metrics, smoothed, downsampled to 1000 points: ${fetchMs.toFixed(0)} ms`,
  );
}

void main();
