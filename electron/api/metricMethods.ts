// The lab API's metrics.* methods: chart series, summaries, temporal gradient profiles, the
// hyperparameters that differ between runs, and exports as files.

import { labOk } from '../../core/api/labError';
import type { LabFailure } from '../../core/api/labError';
import type { ExportedFile } from '../../core/api/labResults';
import type { LabContext, LabHandlers } from './labHandlers';
import { notFound } from './labHandlers';

/** `rnn-lab-run-3-metrics.csv`, `rnn-lab-runs-3-4-5-metrics.json`, `rnn-lab-12-runs-metrics.csv`. */
function exportFileName(runIds: number[], extension: string): string {
  if (runIds.length === 1) return `rnn-lab-run-${runIds[0]}-metrics.${extension}`;
  if (runIds.length <= 5) return `rnn-lab-runs-${runIds.join('-')}-metrics.${extension}`;
  return `rnn-lab-${runIds.length}-runs-metrics.${extension}`;
}

export function metricHandlers(context: LabContext): LabHandlers<'metrics.'> {
  const { store } = context;
  /** The first id that names no run, as an error naming the argument. */
  const unknownRun = (ids: number[], field: string): LabFailure | null => {
    const index = ids.findIndex((id) => store.runs.get(id) === null);
    if (index < 0) return null;
    const at = field === 'runId' ? field : `${field}[${index}]`;
    return notFound(`There is no run ${ids[index]}.`, at);
  };
  return {
    'metrics.series': (query) => unknownRun(query.runIds, 'runIds') ?? labOk(store.metrics.series(query)),
    'metrics.summaries': ({ runId }) => unknownRun([runId], 'runId') ?? labOk(store.metrics.summaries(runId)),
    'metrics.profiles': ({ runId }) => unknownRun([runId], 'runId') ?? labOk(store.metrics.profiles(runId)),
    'metrics.differingParams': ({ runIds }) =>
      unknownRun(runIds, 'runIds') ?? labOk(store.runs.differingParams(runIds)),
    'metrics.export': ({ runIds, format }) => {
      const missing = unknownRun(runIds, 'runIds');
      if (missing !== null) return missing;
      const file: ExportedFile =
        format === 'csv'
          ? {
              fileName: exportFileName(runIds, 'csv'),
              mimeType: 'text/csv',
              text: store.metrics.exportCsv(runIds),
            }
          : {
              fileName: exportFileName(runIds, 'json'),
              mimeType: 'application/json',
              text: JSON.stringify(store.metrics.exportJson(runIds)),
            };
      return labOk(file);
    },
  };
}
