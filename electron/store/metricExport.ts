// The recorded metrics of runs as files a user takes elsewhere: CSV in long form (one row per
// value, as pandas or R read it) and JSON with one column array per field.

export interface MetricColumns {
  step: number[];
  epoch: number[];
  wall: number[];
  value: number[];
}

/** Everything one run recorded of one metric, in step order. */
export interface ExportSeries {
  runId: number;
  metric: string;
  columns: MetricColumns;
}

export const METRICS_CSV_HEADER = 'run_id,metric,step,epoch,wall,value';

/** JSON export. +-Infinity (a diverged value) stays a number here; JSON.stringify writes null. */
export interface MetricsExport {
  format: 'rnn-lab/metrics';
  version: 1;
  runs: { runId: number; metrics: Record<string, MetricColumns> }[];
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** String(number) is the shortest text that parses back to the same double. */
export function metricsCsv(series: Iterable<ExportSeries>): string {
  let csv = METRICS_CSV_HEADER + '\n';
  for (const { runId, metric, columns } of series) {
    const prefix = `${runId},${csvField(metric)},`;
    const { step, epoch, wall, value } = columns;
    for (let i = 0; i < step.length; i++) csv += `${prefix}${step[i]},${epoch[i]},${wall[i]},${value[i]}\n`;
  }
  return csv;
}

export function metricsJson(runIds: number[], series: Iterable<ExportSeries>): MetricsExport {
  const byRun = new Map<number, Record<string, MetricColumns>>(runIds.map((id) => [id, {}]));
  for (const { runId, metric, columns } of series) {
    const metrics = byRun.get(runId);
    if (metrics !== undefined) metrics[metric] = columns;
  }
  return {
    format: 'rnn-lab/metrics',
    version: 1,
    runs: [...byRun].map(([runId, metrics]) => ({ runId, metrics })),
  };
}
