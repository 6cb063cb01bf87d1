// The metrics table group: what a run records per step and per epoch, appended in batches
// (one transaction each, running summaries updated inside it), and read back as summaries,
// chart series, temporal profiles and exports.

import type Database from 'better-sqlite3';
import { downsampleMinMax } from '../../core/metrics/downsample';
import { debiasedEma } from '../../core/metrics/smoothing';
import type {
  EpochRow,
  MetricSummary,
  Series,
  SeriesAxis,
  SeriesQuery,
  StepRow,
} from '../../core/api/entities';
import { metricsCsv, metricsJson } from './metricExport';
import type { ExportSeries, MetricColumns, MetricsExport } from './metricExport';
import { epochPoints, stepPoints } from './metricPoints';
import type { MetricPoint } from './metricPoints';
import { emptySummary, foldPoint, mergeSummaries } from './runningSummary';
import { SeriesCache } from './seriesCache';

interface SummaryRow {
  metric: string;
  count: number;
  last: number | null;
  last_step: number | null;
  min: number | null;
  max: number | null;
  best: number | null;
  best_step: number | null;
}

function toSummary(row: SummaryRow): MetricSummary {
  return {
    metric: row.metric,
    count: row.count,
    last: row.last,
    lastStep: row.last_step,
    min: row.min,
    max: row.max,
    best: row.best,
    bestStep: row.best_step,
  };
}

export interface EpochProfile {
  epoch: number;
  /** Per layer, mean ||dE/dh_t|| by k = steps before the end. */
  layers: number[][];
}

interface ProfileRow {
  epoch: number;
  layer: number;
  profile: Buffer;
}

type Figure = number | null;
type SummaryColumns = [runId: number, metricId: number, count: number, ...figures: Figure[]];

interface SeriesRow {
  /** JSON arrays of numbers. */
  x: string;
  y: string;
}

export class MetricRepository {
  /** Metric name -> id. Ids never change once committed; a failed batch clears the cache. */
  private readonly nameIds = new Map<string, number>();
  private readonly statements: {
    insertName: Database.Statement<[string]>;
    selectNameId: Database.Statement<[string], number>;
    insertMetric: Database.Statement<[number, number, number, number, number, number]>;
    selectSummary: Database.Statement<[number, number], SummaryRow>;
    upsertSummary: Database.Statement<SummaryColumns>;
    insertProfile: Database.Statement<[number, number, number, Buffer]>;
    summaries: Database.Statement<[number], SummaryRow>;
    names: Database.Statement<[number], string>;
    profiles: Database.Statement<[number], ProfileRow>;
    metricIds: Database.Statement<[number], { id: number; name: string }>;
    columns: Database.Statement<[number, number], Record<keyof MetricColumns, string>>;
    series: Record<SeriesAxis, Database.Statement<[number, number], SeriesRow>>;
  };

  private readonly seriesCache = new SeriesCache();

  constructor(private readonly db: Database.Database) {
    // One row per series: both columns as JSON arrays, built by SQLite. For long series this
    // is about twice as fast as handing 100,000 rows to JS one by one, and SQLite writes
    // doubles with 17 digits, so they parse back exactly. The range scan over the primary key
    // (run, metric, step) already yields step order, which the aggregate consumes as it comes.
    const seriesOf = (column: SeriesAxis): Database.Statement<[number, number], SeriesRow> =>
      db.prepare<[number, number], SeriesRow>(
        `SELECT json_group_array(${column}) AS x, json_group_array(value) AS y
         FROM (SELECT ${column}, value FROM metrics WHERE run_id = ? AND metric_id = ? ORDER BY step)`,
      );
    this.statements = {
      insertName: db.prepare('INSERT INTO metric_names (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
      selectNameId: db.prepare<[string], number>('SELECT id FROM metric_names WHERE name = ?').pluck(),
      insertMetric: db.prepare(
        'INSERT INTO metrics (run_id, metric_id, step, epoch, wall, value) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      selectSummary: db.prepare(
        `SELECT '' AS metric, count, last, last_step, min, max, best, best_step
         FROM metric_summaries WHERE run_id = ? AND metric_id = ?`,
      ),
      upsertSummary: db.prepare(
        `REPLACE INTO metric_summaries (run_id, metric_id, count, last, last_step, min, max, best, best_step)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertProfile: db.prepare(
        'INSERT INTO epoch_profiles (run_id, epoch, layer, profile) VALUES (?, ?, ?, ?)',
      ),
      summaries: db.prepare(
        `SELECT n.name AS metric, s.count, s.last, s.last_step, s.min, s.max, s.best, s.best_step
         FROM metric_summaries s JOIN metric_names n ON n.id = s.metric_id
         WHERE s.run_id = ? ORDER BY n.name`,
      ),
      names: db
        .prepare<[number], string>(
          `SELECT n.name FROM metric_summaries s JOIN metric_names n ON n.id = s.metric_id
           WHERE s.run_id = ? ORDER BY n.name`,
        )
        .pluck(),
      profiles: db.prepare(
        'SELECT epoch, layer, profile FROM epoch_profiles WHERE run_id = ? ORDER BY epoch, layer',
      ),
      // By metric id: the order the metrics were first recorded in.
      metricIds: db.prepare(
        `SELECT n.id, n.name FROM metric_summaries s JOIN metric_names n ON n.id = s.metric_id
         WHERE s.run_id = ? ORDER BY n.id`,
      ),
      columns: db.prepare(
        `SELECT json_group_array(step) AS step, json_group_array(epoch) AS epoch,
           json_group_array(wall) AS wall, json_group_array(value) AS value
         FROM (SELECT step, epoch, wall, value FROM metrics WHERE run_id = ? AND metric_id = ? ORDER BY step)`,
      ),
      series: { step: seriesOf('step'), epoch: seriesOf('epoch'), wall: seriesOf('wall') },
    };
  }

  /** Records a batch of steps in one transaction. A step recorded twice is a caller's bug and throws. */
  appendSteps(runId: number, rows: StepRow[]): void {
    this.append(runId, rows.flatMap(stepPoints), []);
  }

  /** Records a batch of epochs (figures, spectral norms, temporal profiles) in one transaction. */
  appendEpochs(runId: number, rows: EpochRow[]): void {
    const profiles = rows.flatMap((row) =>
      row.temporalProfile.map((profile, layer) => ({ epoch: row.epoch, layer, profile })),
    );
    this.append(runId, rows.flatMap(epochPoints), profiles);
  }

  summaries(runId: number): MetricSummary[] {
    return this.statements.summaries.all(runId).map(toSummary);
  }

  /** The metrics a run has recorded, by name. */
  metricNames(runId: number): string[] {
    return this.statements.names.all(runId);
  }

  /**
   * One series per run and metric, in the query's order (empty when nothing was recorded).
   * Smoothing runs on the full-resolution series and only then is it downsampled, so the
   * curve drawn is the curve of all the data. With x = 'epoch', per-step metrics give several
   * points at each epoch.
   */
  series(query: SeriesQuery): Series[] {
    const statement = this.statements.series[query.x ?? 'step'];
    const result: Series[] = [];
    for (const runId of query.runIds) {
      for (const metric of query.metrics) {
        const id = this.lookupNameId(metric);
        const summary = id === undefined ? undefined : this.statements.selectSummary.get(runId, id);
        if (summary === undefined) {
          result.push({ runId, metric, x: [], y: [] });
          continue;
        }
        // Any new point changes the count and the last step; the figures guard against a
        // deleted run's id coming back with as many points.
        const version = [summary.count, summary.last_step, summary.last, summary.min, summary.max].join(':');
        const key = [runId, id, query.x ?? 'step', query.smoothing ?? 0, query.maxPoints ?? 'all'].join(':');
        const cached = this.seriesCache.get(key, version);
        if (cached !== undefined) {
          result.push({ ...cached, metric });
          continue;
        }
        const row = id === undefined ? undefined : statement.get(runId, id);
        const x = row === undefined ? [] : (JSON.parse(row.x) as number[]);
        let y: ArrayLike<number> = row === undefined ? [] : (JSON.parse(row.y) as number[]);
        if (query.smoothing !== undefined && query.smoothing > 0) y = debiasedEma(y, query.smoothing);
        const points =
          query.maxPoints === undefined ? { x, y: Array.from(y) } : downsampleMinMax(x, y, query.maxPoints);
        const series = { runId, metric, ...points };
        this.seriesCache.set(key, version, series);
        result.push(series);
      }
    }
    return result;
  }

  /** The temporal gradient profiles of a run, by epoch, each with one array per layer. */
  profiles(runId: number): EpochProfile[] {
    const profiles: EpochProfile[] = [];
    for (const row of this.statements.profiles.all(runId)) {
      const bytes = new Uint8Array(row.profile.byteLength);
      bytes.set(row.profile);
      const values = Array.from(new Float64Array(bytes.buffer));
      const current = profiles[profiles.length - 1];
      // Rows come by epoch, then layer 0, 1, ...: each row is the next layer of its epoch.
      if (current !== undefined && current.epoch === row.epoch) current.layers.push(values);
      else profiles.push({ epoch: row.epoch, layers: [values] });
    }
    return profiles;
  }

  /** Long-form CSV with a header: run_id,metric,step,epoch,wall,value. */
  exportCsv(runIds: number[]): string {
    return metricsCsv(this.exportSeries(runIds));
  }

  exportJson(runIds: number[]): MetricsExport {
    return metricsJson(runIds, this.exportSeries(runIds));
  }

  /** One metric of one run at a time, fetched as JSON columns (see the series statement). */
  private *exportSeries(runIds: number[]): Generator<ExportSeries> {
    for (const runId of runIds) {
      for (const { id, name } of this.statements.metricIds.all(runId)) {
        const row = this.statements.columns.get(runId, id);
        if (row === undefined) continue;
        const columns: MetricColumns = {
          step: JSON.parse(row.step) as number[],
          epoch: JSON.parse(row.epoch) as number[],
          wall: JSON.parse(row.wall) as number[],
          value: JSON.parse(row.value) as number[],
        };
        yield { runId, metric: name, columns };
      }
    }
  }

  private append(
    runId: number,
    points: MetricPoint[],
    profiles: { epoch: number; layer: number; profile: number[] }[],
  ): void {
    const s = this.statements;
    try {
      this.db.transaction(() => {
        const batch = new Map<number, MetricSummary>();
        for (const p of points) {
          const id = this.nameId(p.metric);
          s.insertMetric.run(runId, id, p.step, p.epoch, p.wall, p.value);
          let summary = batch.get(id);
          if (summary === undefined) batch.set(id, (summary = emptySummary(p.metric)));
          foldPoint(summary, p.step, p.value);
        }
        for (const [id, summary] of batch) {
          const stored = s.selectSummary.get(runId, id);
          const merged =
            stored === undefined
              ? summary
              : mergeSummaries({ ...toSummary(stored), metric: summary.metric }, summary);
          s.upsertSummary.run(
            runId,
            id,
            merged.count,
            merged.last,
            merged.lastStep,
            merged.min,
            merged.max,
            merged.best,
            merged.bestStep,
          );
        }
        for (const { epoch, layer, profile } of profiles) {
          const values = Float64Array.from(profile);
          s.insertProfile.run(
            runId,
            epoch,
            layer,
            Buffer.from(values.buffer, values.byteOffset, values.byteLength),
          );
        }
      })();
    } catch (error) {
      // Names inserted by the rolled-back transaction are gone again; their cached ids must go too.
      this.nameIds.clear();
      throw error;
    }
  }

  /** The id of a metric name, recording the name if it is new (call inside a transaction). */
  private nameId(name: string): number {
    const cached = this.lookupNameId(name);
    if (cached !== undefined) return cached;
    this.statements.insertName.run(name);
    const id = this.statements.selectNameId.get(name);
    if (id === undefined) throw new Error(`Metric name "${name}" was not recorded.`);
    this.nameIds.set(name, id);
    return id;
  }

  private lookupNameId(name: string): number | undefined {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.statements.selectNameId.get(name);
      if (id !== undefined) this.nameIds.set(name, id);
    }
    return id;
  }
}
