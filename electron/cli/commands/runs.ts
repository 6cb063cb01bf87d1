// `lab runs`, `lab export`, `lab metrics`: what the database holds.

import type { RunStatus } from '../../../core/api/entities';
import { RUN_STATUSES } from '../../../core/api/entities';
import { usageError, inputError } from '../cliError';
import { writeModelFile } from '../modelFile';
import { formatNumber, formatPercent, formatTable, printJson, printLines } from '../output';
import { openStore, parseRunId } from '../storeAccess';

const statuses = RUN_STATUSES;

export async function runsCommand(options: {
  db: string;
  status?: string;
  experiment?: string;
  json?: boolean;
}) {
  const status = options.status?.split(',') as RunStatus[] | undefined;
  const unknown = status?.filter((s) => !statuses.includes(s)) ?? [];
  if (unknown.length > 0)
    throw usageError(`--status: ${unknown.join(', ')}; expected ${statuses.join(', ')}`);
  const store = openStore(options.db);
  try {
    const experimentId = options.experiment === undefined ? undefined : parseRunId(options.experiment);
    const runs = store.runs.list({ status, experimentId });
    if (options.json) {
      printJson({ runs });
      return;
    }
    printLines(
      formatTable(
        ['id', 'status', 'experiment', 'name', 'dataset', 'epochs', 'steps', 'best val', 'test', 'seconds'],
        runs.map((r) => [
          String(r.id),
          r.status,
          r.experimentId === null ? '-' : String(r.experimentId),
          r.name || '-',
          String(r.datasetId),
          String(r.summary.epochs),
          String(r.summary.steps),
          formatPercent(r.summary.bestValAccuracy),
          formatPercent(r.summary.finalTestAccuracy),
          formatNumber(r.summary.seconds, 1),
        ]),
      ),
    );
  } finally {
    store.close();
  }
}

export async function exportCommand(options: { db: string; run: string; out: string; kind?: string }) {
  const kind = options.kind ?? 'best';
  if (kind !== 'best' && kind !== 'final') throw usageError(`--kind: "${kind}" is not best or final`);
  const runId = parseRunId(options.run);
  const store = openStore(options.db);
  try {
    if (!store.runs.get(runId)) throw inputError(`${options.db}: there is no run ${runId}`);
    const model = store.models.get(runId, kind);
    if (!model)
      throw inputError(`${options.db}: run ${runId} has no ${kind} model (it did not finish an epoch)`);
    await writeModelFile(options.out, model);
  } finally {
    store.close();
  }
}

export async function metricsCommand(options: { db: string; run: string; csv?: boolean; json?: boolean }) {
  const runIds = options.run.split(',').map(parseRunId);
  const store = openStore(options.db);
  try {
    for (const id of runIds)
      if (!store.runs.get(id)) throw inputError(`${options.db}: there is no run ${id}`);
    if (options.json) {
      printJson(store.metrics.exportJson(runIds));
      return;
    }
    if (options.csv) {
      process.stdout.write(store.metrics.exportCsv(runIds));
      return;
    }
    for (const id of runIds) {
      printLines([
        `run ${id}`,
        ...formatTable(
          ['metric', 'count', 'last', 'min', 'max', 'best', 'best step'],
          store.metrics
            .summaries(id)
            .map((s) => [
              s.metric,
              String(s.count),
              formatNumber(s.last),
              formatNumber(s.min),
              formatNumber(s.max),
              formatNumber(s.best),
              s.bestStep === null ? '-' : String(s.bestStep),
            ]),
        ),
      ]);
    }
  } finally {
    store.close();
  }
}
