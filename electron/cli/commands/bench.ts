// `lab bench`: training throughput on the reference configurations.

import { referenceConfigs } from '../../bench/referenceConfigs';
import type { ThroughputResult } from '../../bench/trainingThroughput';
import { measureThroughput } from '../../bench/trainingThroughput';
import { usageError } from '../cliError';
import { formatTable, printJson, printLines } from '../output';

export async function benchCommand(options: {
  only?: string;
  seconds?: string;
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
  const seconds = options.seconds === undefined ? 2 : Number(options.seconds);
  if (!(seconds > 0)) throw usageError(`--seconds: "${options.seconds}" is not a positive number`);
  const results: ThroughputResult[] = [];
  for (const config of referenceConfigs.filter((c) => names.includes(c.name))) {
    results.push(measureThroughput(config, seconds));
    if (!options.json) process.stderr.write(`  ${config.name} done\n`);
  }
  if (options.json) {
    printJson({ configs: results });
    return;
  }
  printLines(
    formatTable(
      ['config', 'N,L,K,T,batch,D', 'seq/s', 'ms/step', 'GFLOP/s'],
      results.map((r) => [
        r.name,
        Object.values(r.shape).join(','),
        r.sequencesPerSecond.toFixed(0),
        r.msPerStep.toFixed(2),
        r.gflops.toFixed(2),
      ]),
    ),
  );
}
