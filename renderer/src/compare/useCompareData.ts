// What the Compare screen draws, fetched from the host and kept fresh: the runs' differing
// hyperparameters, their metric summaries, and each shown metric's series, raw and (when
// smoothing is on) smoothed.
//
// Long runs make the host read every recorded step of every series asked for, so:
// - series are asked for a few metrics at a time, top charts first, and drawn as they arrive;
// - while a compared run trains, only its data is fetched again (about once a second), and only
//   for the charts on screen; a chart scrolled into view catches up then. Finished runs are
//   never fetched again;
// - a slow host stretches the live interval (twice the time the last refresh took) instead of
//   queueing requests.

import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import type { MetricSummary, Series, SeriesAxis } from '../../../core/api/entities';
import type { ParamDifference } from '../../../core/api/labResults';
import { lab } from '../lab/lab';
import { useDatasets } from '../stores/datasets';
import { describeError } from '../stores/notices';
import { useRuns } from '../stores/runs';
import type { XYSeries } from './aggregate';
import { useCompareSettings } from './compareSettings';
import { estimatedStepsPerEpoch, recordedStepsPerEpoch, stepsToEpochs } from './epochAxis';
import { chartMetrics, isTensorMetric } from './metricLabels';

/** Points per series asked of the host: enough for a chart's width, few enough for 100,000 steps. */
export const MAX_POINTS = 600;
const LIVE_INTERVAL_MS = 1000;
const SMOOTHING_DEBOUNCE_MS = 250;
const METRICS_PER_REQUEST = 2;

/** metric -> run id -> series. */
export type SeriesTable = ReadonlyMap<string, ReadonlyMap<number, XYSeries>>;

function merged(table: SeriesTable, fetched: readonly Series[]): SeriesTable {
  const next = new Map<string, Map<number, XYSeries>>();
  for (const [metric, byRun] of table) next.set(metric, new Map(byRun));
  for (const s of fetched) {
    let byRun = next.get(s.metric);
    if (byRun === undefined) next.set(s.metric, (byRun = new Map()));
    if (s.x.length === 0) byRun.delete(s.runId);
    else byRun.set(s.runId, { x: s.x, y: s.y });
  }
  return next;
}

export function useCompareData(runIds: readonly number[]) {
  const runs = useRuns();
  const datasets = useDatasets();
  const settings = useCompareSettings();

  const isRunning = (id: number): boolean => runs.byId.get(id)?.status === 'running';
  const anyRunning = computed(() => runIds.some(isRunning));

  const differences = shallowRef<ParamDifference[]>([]);
  const summaries = shallowRef<ReadonlyMap<number, MetricSummary[]>>(new Map());
  const raw = shallowRef<SeriesTable>(new Map());
  const smoothed = shallowRef<SeriesTable | null>(null);
  const loading = ref(true);
  const error = ref<string | null>(null);

  const metrics = computed(() => chartMetrics(runIds.map((id) => summaries.value.get(id) ?? [])));
  const shownMetrics = computed(() =>
    settings.showTensorMetrics ? metrics.value : metrics.value.filter((m) => !isTensorMetric(m)),
  );
  const fetchAxis = computed<SeriesAxis>(() => (settings.xAxis === 'wall' ? 'wall' : 'step'));

  // Answers to requests made before the axis or the smoothing changed are dropped.
  let axisGeneration = 0;
  let smoothingGeneration = 0;

  async function fetchSummaries(ids: readonly number[]): Promise<void> {
    const answers = await Promise.all(ids.map((runId) => lab().invoke('metrics.summaries', { runId })));
    const next = new Map(summaries.value);
    ids.forEach((id, i) => next.set(id, answers[i]));
    summaries.value = next;
  }

  async function fetchSeries(
    ids: readonly number[],
    names: readonly string[],
    parts: { raw: boolean; smoothed: boolean },
  ): Promise<void> {
    if (ids.length === 0 || names.length === 0) return;
    const axis = axisGeneration;
    const smoothingAt = smoothingGeneration;
    const weight = settings.smoothing;
    // One chunk after the other: the host answers a burst of requests in one go, so chunks
    // sent together would all arrive at the end; sent in turn, each is drawn as it arrives.
    for (let i = 0; i < names.length; i += METRICS_PER_REQUEST) {
      const query = {
        runIds: [...ids],
        metrics: names.slice(i, i + METRICS_PER_REQUEST),
        x: fetchAxis.value,
        maxPoints: MAX_POINTS,
      };
      const [rawAnswer, smoothAnswer] = await Promise.all([
        parts.raw ? lab().invoke('metrics.series', query) : null,
        parts.smoothed && weight > 0 ? lab().invoke('metrics.series', { ...query, smoothing: weight }) : null,
      ]);
      if (axis !== axisGeneration || (!parts.raw && smoothingAt !== smoothingGeneration)) return;
      if (rawAnswer !== null) raw.value = merged(raw.value, rawAnswer);
      if (smoothAnswer !== null && smoothingAt === smoothingGeneration) {
        smoothed.value = merged(smoothed.value ?? new Map(), smoothAnswer);
      }
    }
  }

  async function guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      error.value = null;
    } catch (e) {
      error.value = describeError(e);
    }
  }

  /** The charts on screen (MetricChartGrid reports them); null until it has. */
  const visibleMetrics = shallowRef<ReadonlySet<string> | null>(null);
  /** Metrics whose live runs' series were not fetched while their chart was off screen. */
  const stale = new Set<string>();

  /** Everything about these runs again: summaries first (they say which metrics exist), then series. */
  async function refreshRuns(ids: readonly number[], onScreenOnly = false): Promise<void> {
    await fetchSummaries(ids);
    const visible = visibleMetrics.value;
    let names = shownMetrics.value;
    if (onScreenOnly && visible !== null) {
      for (const m of names) if (!visible.has(m)) stale.add(m);
      names = names.filter((m) => visible.has(m));
    }
    await fetchSeries(ids, names, { raw: true, smoothed: true });
  }

  function setVisibleMetrics(metrics: ReadonlySet<string>): void {
    visibleMetrics.value = metrics;
    const catchUp = [...stale].filter((m) => metrics.has(m));
    if (catchUp.length === 0) return;
    for (const m of catchUp) stale.delete(m);
    const live = runIds.filter(isRunning);
    if (live.length > 0) void guarded(() => fetchSeries(live, catchUp, { raw: true, smoothed: true }));
  }

  async function loadAll(): Promise<void> {
    loading.value = true;
    await guarded(async () => {
      const [diff] = await Promise.all([
        lab().invoke('metrics.differingParams', { runIds: [...runIds] }),
        fetchSummaries(runIds),
      ]);
      differences.value = diff;
      await fetchSeries(runIds, shownMetrics.value, { raw: true, smoothed: true });
    });
    loading.value = false;
  }

  watch(fetchAxis, () => {
    axisGeneration++;
    raw.value = new Map();
    smoothed.value = settings.smoothing > 0 ? new Map() : null;
    void guarded(() => fetchSeries(runIds, shownMetrics.value, { raw: true, smoothed: true }));
  });

  let smoothingTimer: ReturnType<typeof setTimeout> | null = null;
  watch(
    () => settings.smoothing,
    (weight) => {
      smoothingGeneration++;
      if (smoothingTimer !== null) clearTimeout(smoothingTimer);
      if (weight === 0) {
        smoothed.value = null;
        return;
      }
      // The old smoothed lines stay up until the new ones arrive: no flicker while sliding.
      smoothingTimer = setTimeout(() => {
        smoothingTimer = null;
        void guarded(() => fetchSeries(runIds, shownMetrics.value, { raw: false, smoothed: true }));
      }, SMOOTHING_DEBOUNCE_MS);
    },
  );

  // Metrics that appear (the first epoch's figures, per-tensor norms switched on) are fetched.
  watch(shownMetrics, (now, before) => {
    const added = now.filter((m) => !before.includes(m) && !raw.value.has(m));
    if (added.length > 0 && !loading.value) {
      void guarded(() => fetchSeries(runIds, added, { raw: true, smoothed: true }));
    }
  });

  // A run that stops training is fetched once more, for its last steps and every chart.
  let statuses = new Map(runIds.map((id) => [id, runs.byId.get(id)?.status]));
  watch(
    () => runIds.map((id) => runs.byId.get(id)?.status).join(),
    () => {
      const changed = runIds.filter((id) => {
        const status = runs.byId.get(id)?.status;
        return status !== statuses.get(id) && status !== 'running' && status !== 'queued';
      });
      statuses = new Map(runIds.map((id) => [id, runs.byId.get(id)?.status]));
      if (changed.length > 0 && !loading.value) void guarded(() => refreshRuns(changed));
    },
  );

  let liveTimer: ReturnType<typeof setTimeout> | null = null;
  let lastSignature = '';
  let disposed = false;
  async function liveTick(): Promise<void> {
    liveTimer = null;
    const live = runIds.filter(isRunning);
    const signature = `${runs.epochTick}|${live.map((id) => `${id}:${runs.progress.get(id)?.step ?? ''}`).join()}`;
    let elapsed = 0;
    if (live.length > 0 && signature !== lastSignature && !loading.value) {
      lastSignature = signature;
      const started = performance.now();
      await guarded(() => refreshRuns(live, true));
      elapsed = performance.now() - started;
    }
    if (!disposed && anyRunning.value) {
      liveTimer = setTimeout(() => void liveTick(), Math.max(LIVE_INTERVAL_MS, 2 * elapsed));
    }
  }
  watch(
    anyRunning,
    (running) => {
      if (running && liveTimer === null) liveTimer = setTimeout(() => void liveTick(), LIVE_INTERVAL_MS);
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    disposed = true;
    if (liveTimer !== null) clearTimeout(liveTimer);
    if (smoothingTimer !== null) clearTimeout(smoothingTimer);
  });

  /** Steps per epoch for the epoch axis: recorded once an epoch has ended, estimated before. */
  function stepsPerEpoch(id: number): number | null {
    const recorded = recordedStepsPerEpoch(summaries.value.get(id) ?? []);
    if (recorded !== null) return recorded;
    const run = runs.byId.get(id);
    const dataset = run === undefined ? undefined : datasets.byId.get(run.datasetId);
    if (run === undefined || dataset === undefined) return null;
    return estimatedStepsPerEpoch(dataset.numSequences, run.config.valSplit, run.config.batchSize);
  }

  /** A table as drawn on the chosen x axis. */
  function onAxis(table: SeriesTable | null): SeriesTable | null {
    if (table === null || settings.xAxis !== 'epoch') return table;
    const out = new Map<string, Map<number, XYSeries>>();
    for (const [metric, byRun] of table) {
      const converted = new Map<number, XYSeries>();
      for (const [id, series] of byRun) {
        const perEpoch = stepsPerEpoch(id);
        if (perEpoch !== null) converted.set(id, stepsToEpochs(series, perEpoch));
      }
      out.set(metric, converted);
    }
    return out;
  }
  const rawOnAxis = computed(() => onAxis(raw.value) ?? new Map());
  const smoothedOnAxis = computed(() => onAxis(smoothed.value));

  void loadAll();

  return {
    differences,
    summaries,
    metrics,
    shownMetrics,
    raw: rawOnAxis,
    smoothed: smoothedOnAxis,
    loading,
    error,
    anyRunning,
    setVisibleMetrics,
    reload: loadAll,
  };
}
