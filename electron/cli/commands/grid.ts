// `lab grid`: a comparison grid through the run manager, recorded in the database.

import { loadData, missingPolicy } from '../dataInput';
import { formatPercent, formatTable, printJson, printLines } from '../output';
import { openStore } from '../storeAccess';
import type { TrainFlags } from '../trainOptions';
import { trainConfigFromFlags } from '../trainOptions';
import { usageError } from '../cliError';
import { parseAxes, recordedGrid, recordedSummary } from './recordedRuns';

export interface GridCommandOptions extends TrainFlags {
  db: string;
  data: string;
  test?: string;
  missing?: string;
  vary: string[];
  name?: string;
  pool?: string;
  json?: boolean;
}

export async function gridCommand(options: GridCommandOptions): Promise<void> {
  const base = trainConfigFromFlags(options);
  const axes = parseAxes(options.vary);
  const poolSize = options.pool === undefined ? undefined : Number(options.pool);
  if (poolSize !== undefined && !(Number.isInteger(poolSize) && poolSize >= 1)) {
    throw usageError(`--pool: "${options.pool}" is not a positive whole number`);
  }
  const data = await loadData(options.data, { test: options.test, missing: missingPolicy(options.missing) });
  const store = openStore(options.db);
  try {
    const name = options.name ?? axes.map((a) => a.key).join(' x ');
    const result = await recordedGrid(store, data, { name, base, axes, poolSize }, options.json === true);
    const summaries = result.runs.map((run) => recordedSummary(store, run));
    if (options.json) {
      printJson({ experimentId: result.experimentId, name, datasetId: result.dataset.id, runs: summaries });
      return;
    }
    printLines([
      `experiment ${result.experimentId} "${name}" in ${options.db}`,
      ...formatTable(
        ['run', 'name', 'status', 'epochs', 'best val', 'test'],
        summaries.map((s) => [
          String(s.runId),
          s.name,
          s.status,
          String(s.epochs),
          formatPercent(s.bestValAccuracy),
          formatPercent(s.testAccuracy),
        ]),
      ),
    ]);
  } finally {
    store.close();
  }
}
