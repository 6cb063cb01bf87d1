// Everything the Run screen draws, fetched from the host and kept live: while the run trains,
// every progress event asks for a refetch of the downsampled series (at most every ~500 ms,
// slower if fetching is slow), and every recorded epoch also refetches the run record, the
// metric summaries and the temporal profiles. Once the run has finished, one last fetch and no
// more. Only downsampled series are held, never a run's raw points.

import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import type { MetricSummary, RunRecord, Series } from '../../../../core/api/entities';
import { FINISHED_STATUSES } from '../../../../core/api/entities';
import type { EpochProfile } from '../../../../core/api/labResults';
import { EPOCH_METRICS, STEP_METRICS } from '../../../../core/metrics/metricNames';
import { lab } from '../../lab/lab';
import { createRefreshScheduler } from '../../run/refreshScheduler';
import { spectralNormMetrics, tensorGradMetrics } from '../../run/seriesPoints';
import { describeError } from '../../stores/notices';
import { useRuns } from '../../stores/runs';

/** Points per series asked of the host: enough for a sharp line, few enough to redraw often. */
export const MAX_POINTS = 800;
const MIN_REFRESH_MS = 500;
/**
 * While a run is live the page also polls this often, events or not: a run trained by the CLI
 * into the same database sends the web host no events, and a dropped event must not freeze
 * the charts.
 */
const POLL_MS = 2000;

export function useRunData(runId: Ref<number | undefined>) {
  const runs = useRuns();
  const run = ref<RunRecord | null>(null);
  const series = shallowRef<Series[]>([]);
  const summaries = shallowRef<MetricSummary[]>([]);
  const profiles = shallowRef<EpochProfile[]>([]);
  /** Why the run could not be shown (no such run, host unreachable), or null. */
  const loadError = ref<string | null>(null);
  /** A refetch that failed while the run is shown (kept in place, the charts stay). */
  const refreshError = ref<string | null>(null);
  const loading = ref(true);

  const isLive = computed(() => run.value !== null && !FINISHED_STATUSES.includes(run.value.status));
  const tensorMetrics = computed(() => tensorGradMetrics(summaries.value));
  const spectralMetrics = computed(() => spectralNormMetrics(summaries.value));

  // Epoch-level data (record, summaries, profiles) changes only when an epoch is recorded.
  let epochDataStale = true;
  let lastEventAt = 0;

  async function refresh(): Promise<void> {
    const id = runId.value;
    if (id === undefined) return;
    // Until the first steps are recorded the tensors' names are unknown: ask again.
    const tensorsUnknown = isLive.value && tensorMetrics.value.length === 0;
    if (epochDataStale || run.value === null || tensorsUnknown) {
      epochDataStale = false;
      const [record, sums, profs] = await Promise.all([
        lab().invoke('runs.get', { id }),
        lab().invoke('metrics.summaries', { runId: id }),
        lab().invoke('metrics.profiles', { runId: id }),
      ]);
      run.value = record;
      summaries.value = sums;
      profiles.value = profs;
    }
    series.value = await lab().invoke('metrics.series', {
      runIds: [id],
      metrics: [...STEP_METRICS, ...EPOCH_METRICS, ...tensorMetrics.value, ...spectralMetrics.value],
      maxPoints: MAX_POINTS,
    });
    loadError.value = null;
    refreshError.value = null;
  }

  const scheduler = createRefreshScheduler({
    refresh,
    minIntervalMs: MIN_REFRESH_MS,
    onError: (error) => {
      if (run.value === null) loadError.value = describeError(error);
      else refreshError.value = describeError(error);
    },
  });

  async function reloadAll(): Promise<void> {
    epochDataStale = true;
    await scheduler.now();
    loading.value = false;
  }

  watch(runId, () => {
    run.value = null;
    loadError.value = null;
    loading.value = true;
    void reloadAll();
  });
  void reloadAll();

  watch(
    () => (runId.value === undefined ? undefined : runs.progress.get(runId.value)),
    (progress) => {
      if (progress === undefined) return;
      lastEventAt = Date.now();
      scheduler.request();
    },
  );
  watch(
    () => runs.epochTick,
    () => {
      if (!isLive.value) return;
      epochDataStale = true;
      scheduler.request();
    },
  );
  // The runs store reloads on every status change: a run that starts or ends is fetched whole.
  watch(
    () => (runId.value === undefined ? undefined : runs.byId.get(runId.value)?.status),
    (status, previous) => {
      if (status !== undefined && previous !== undefined && status !== run.value?.status) void reloadAll();
    },
  );

  let poll: ReturnType<typeof setInterval> | null = null;
  watch(
    isLive,
    (live) => {
      if (poll !== null) clearInterval(poll);
      poll = null;
      if (!live) return;
      poll = setInterval(() => {
        if (Date.now() - lastEventAt < POLL_MS) return;
        epochDataStale = true;
        scheduler.request();
      }, POLL_MS);
    },
    { immediate: true },
  );

  onBeforeUnmount(() => {
    if (poll !== null) clearInterval(poll);
    scheduler.dispose();
  });

  return {
    run,
    series,
    summaries,
    profiles,
    tensorMetrics,
    spectralMetrics,
    isLive,
    loading,
    loadError,
    refreshError,
    reload: reloadAll,
  };
}
