// Peak memory of a training run of each reference configuration: every configuration trains in
// a fresh process (memoryProbe.ts), so one's peak never hides another's.

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { KernelChoice } from '../../core/wasm/wasmKernels';
import type { BenchConfig } from './referenceConfigs';

export interface PeakMemory {
  name: string;
  /** Resident set size once the modules are loaded, before training. */
  baselineRssBytes: number;
  /** Largest resident set size of the process. */
  peakRssBytes: number;
  /** peak - baseline: what the run itself added, at most. */
  runBytes: number;
}

const repoRoot = resolve(__dirname, '../..');
const probe = join(__dirname, 'memoryProbe.ts');

export function measurePeakMemory(c: BenchConfig, kernels: KernelChoice, threads = 1): PeakMemory {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', probe, JSON.stringify({ config: c, kernels, threads })],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  if (run.status !== 0) {
    throw new Error(
      `the memory probe for ${c.name} failed: ${(run.stderr || run.error?.message || '').trim()}`,
    );
  }
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const doc = JSON.parse(line) as { baselineRssBytes: number; peakRssBytes: number };
  return {
    name: c.name,
    baselineRssBytes: doc.baselineRssBytes,
    peakRssBytes: doc.peakRssBytes,
    runBytes: Math.max(0, doc.peakRssBytes - doc.baselineRssBytes),
  };
}
