// `lab bench`: training throughput on the reference configurations; then, unless --only picks
// configurations, what flushing the vanishing gradient saves, how the cost scales with T, the
// batch and L, and the peak memory of a training run of each configuration.

import { referenceConfigs } from '../../bench/referenceConfigs';
import type { PeakMemory } from '../../bench/peakMemory';
import { measurePeakMemory } from '../../bench/peakMemory';
import type { ScalingAxis } from '../../bench/scaling';
import { measureScaling } from '../../bench/scaling';
import type { ThroughputResult } from '../../bench/trainingThroughput';
import { measureThroughput } from '../../bench/trainingThroughput';
import type { KernelChoice } from '../../../core/wasm/wasmKernels';
import { resolveKernels, wasmKernelsUnavailableReason } from '../../../core/wasm/wasmKernels';
import { laneThreadsAvailable, setLaneThreadSpawner } from '../../../core/wasm/wasmThreads';
import { nodeLaneThreadSpawner } from '../../bench/laneThreads';
import { usageError } from '../cliError';
import { formatTable, printJson, printLines } from '../output';

export interface FlushComparison {
  name: string;
  /** ms per step with dE/dh flushed below 1e-30 (the default) and with subnormals kept. */
  flushedMsPerStep: number;
  subnormalMsPerStep: number;
  speedup: number;
}

function positive(name: string, text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!(value > 0)) throw usageError(`--${name}: "${text}" is not a positive number`);
  return value;
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

export async function benchCommand(options: {
  only?: string;
  seconds?: string;
  repeat?: string;
  kernels?: string;
  threads?: string;
  scaling?: boolean;
  memory?: boolean;
  json?: boolean;
}): Promise<void> {
  const names = options.only
    ? options.only.split(',').map((s) => s.trim())
    : referenceConfigs.map((c) => c.name);
  const unknown = names.filter((n) => !referenceConfigs.some((c) => c.name === n));
  if (unknown.length > 0) {
    throw usageError(
      `--only: unknown configuration ${unknown.join(', ')}; expected ${referenceConfigs.map((c) => c.name).join(', ')}`,
    );
  }
  const seconds = positive('seconds', options.seconds, 2);
  const repeat = Math.round(positive('repeat', options.repeat, 3));
  const kernels = (options.kernels ?? 'auto') as KernelChoice;
  if (!['auto', 'wasm', 'plain'].includes(kernels)) {
    throw usageError(`--kernels: "${options.kernels}" is not one of auto, wasm, plain`);
  }
  if (kernels === 'wasm' && resolveKernels('auto') !== 'wasm') {
    throw usageError(`--kernels wasm: ${wasmKernelsUnavailableReason()}`);
  }
  const threads = Math.round(positive('threads', options.threads, 1));
  if (threads > 1) {
    setLaneThreadSpawner(nodeLaneThreadSpawner);
    if (resolveKernels(kernels) !== 'wasm' || !laneThreadsAvailable()) {
      throw usageError('--threads: more than one thread needs the wasm kernels and WebAssembly threads');
    }
  }
  const extras = options.only === undefined;
  const progress = (text: string): void => {
    if (!options.json) process.stderr.write(`  ${text}\n`);
  };
  const configs = referenceConfigs.filter((c) => names.includes(c.name));

  const results: ThroughputResult[] = [];
  for (const config of configs) {
    results.push(measureThroughput(config, { seconds, repeat, kernels, threads }));
    progress(`${config.name} done`);
  }

  let flush: FlushComparison | null = null;
  const vanish = referenceConfigs.find((c) => c.name === 'vanish');
  if (extras && vanish && resolveKernels(kernels) === 'wasm') {
    const flushed =
      results.find((r) => r.name === 'vanish') ??
      measureThroughput(vanish, { seconds, repeat, kernels, threads });
    const subnormal = measureThroughput(vanish, { seconds, repeat, kernels, threads, flushBelow: 0 });
    flush = {
      name: vanish.name,
      flushedMsPerStep: flushed.msPerStep,
      subnormalMsPerStep: subnormal.msPerStep,
      speedup: subnormal.msPerStep / flushed.msPerStep,
    };
    progress('flush comparison done');
  }

  let scaling: ScalingAxis[] | null = null;
  if (extras && options.scaling !== false) {
    scaling = measureScaling({ seconds: Math.min(seconds, 0.5), repeat, kernels, threads });
    progress('scaling done');
  }

  let memory: PeakMemory[] | null = null;
  if (extras && options.memory !== false) {
    memory = configs.map((c) => measurePeakMemory(c, kernels, threads));
    progress('peak memory done');
  }

  if (options.json) {
    printJson({
      seconds,
      repeat,
      kernels: resolveKernels(kernels),
      threads,
      configs: results,
      flush,
      scaling,
      memory,
    });
    return;
  }
  const lines = [
    `Training throughput (float32, ${threads === 1 ? 'one thread' : `${threads} threads`}, ${resolveKernels(kernels)} kernels; ` +
      `best of ${repeat} windows of ${seconds} s):`,
    ...formatTable(
      ['config', 'N,L,K,T,batch,D', 'seq/s', 'ms/step', 'GFLOP/s'],
      results.map((r) => [
        r.name,
        Object.values(r.shape).join(','),
        r.sequencesPerSecond.toFixed(0),
        r.msPerStep.toFixed(2),
        r.gflops.toFixed(2),
      ]),
    ),
  ];
  if (flush) {
    lines.push(
      '',
      `Vanishing gradient (${flush.name}): ${flush.flushedMsPerStep.toFixed(2)} ms/step flushing dE/dh below 1e-30, ` +
        `${flush.subnormalMsPerStep.toFixed(2)} ms/step keeping subnormal floats (x${flush.speedup.toFixed(2)}).`,
    );
  }
  if (scaling) {
    lines.push('', 'Scaling (N=4, K=4, D=1; one axis varied from T=50, batch=32, L=128):');
    lines.push(
      ...formatTable(
        ['axis', 'value', 'ms/step', 'seq/s', 'GFLOP/s'],
        scaling.flatMap((a) =>
          a.points.map((p) => [
            a.axis,
            String(p.value),
            p.msPerStep.toFixed(3),
            p.sequencesPerSecond.toFixed(0),
            p.gflops.toFixed(1),
          ]),
        ),
      ),
    );
    for (const a of scaling) {
      lines.push(
        `  cost ~ ${a.axis}^${a.exponent.toFixed(2)} (expected ${a.axis}^${a.expected}): ${a.verdict}`,
      );
    }
  }
  if (memory) {
    lines.push('', 'Peak memory of a training run (2 epochs of 4 batches + validation, fresh process):');
    lines.push(
      ...formatTable(
        ['config', 'baseline MiB', 'peak MiB', 'run MiB'],
        memory.map((m) => [m.name, mib(m.baselineRssBytes), mib(m.peakRssBytes), mib(m.runBytes)]),
      ),
    );
  }
  printLines(lines);
}
