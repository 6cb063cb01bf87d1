// A child process of `lab bench` (peakMemory.ts): trains one configuration through the real
// training loop (two epochs of four batches, a validation split evaluated every epoch) and
// prints its resident memory before training and at its peak, as one JSON line.
//
//   node --import tsx electron/bench/memoryProbe.ts '{"config": {...}, "kernels": "auto"}'

import { defaultTrainConfig } from '../../core/train/defaults';
import { train } from '../../core/train/trainLoop';
import type { KernelChoice } from '../../core/wasm/wasmKernels';
import { setLaneThreadSpawner } from '../../core/wasm/wasmThreads';
import { nodeLaneThreadSpawner } from './laneThreads';
import type { BenchConfig } from './referenceConfigs';
import { randomBatchData } from './trainingThroughput';

async function main(): Promise<void> {
  const {
    config: c,
    kernels,
    threads,
  } = JSON.parse(process.argv[2]) as {
    config: BenchConfig;
    kernels: KernelChoice;
    threads?: number;
  };
  if ((threads ?? 1) > 1) setLaneThreadSpawner(nodeLaneThreadSpawner);
  // Four training batches once a fifth of the sequences is held out for validation.
  const data = randomBatchData(c, 1, 5 * c.batchSize);
  const baselineRssBytes = process.memoryUsage().rss;
  const result = await train(
    {
      config: {
        ...defaultTrainConfig,
        hiddenSize: c.hiddenSize,
        numLayers: c.numLayers,
        init: 'uniform',
        batchSize: c.batchSize,
        epochs: 2,
        valSplit: 0.2,
        patience: null,
      },
      train: data,
      kernels,
      threads,
    },
    { yieldEveryMs: 1e9 },
  );
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ name: c.name, baselineRssBytes, peakRssBytes, steps: result.steps, status: result.status })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
