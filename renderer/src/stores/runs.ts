// The lab's runs, kept live: the list is reloaded when a run's status changes, and the
// progress of running runs arrives as events, applied at most four times a second so that
// four runs training at once never flood the page.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { RunProgress, RunRecord } from '../../../core/api/labApi';
import { lab } from '../lab/lab';
import { useNotices } from './notices';

const PROGRESS_INTERVAL_MS = 250;

export const useRuns = defineStore('runs', () => {
  const runs = ref<RunRecord[]>([]);
  const loaded = ref(false);
  const progress = shallowRef<ReadonlyMap<number, RunProgress>>(new Map());
  /** Bumped on every epoch a run records, so that open charts know to fetch. */
  const epochTick = ref(0);
  const notices = useNotices();

  const byId = computed(() => new Map(runs.value.map((run) => [run.id, run])));

  async function load(): Promise<void> {
    try {
      runs.value = await lab().invoke('runs.list', { orderBy: 'created', descending: true });
      loaded.value = true;
      const live = await lab().invoke('runs.progress');
      progress.value = new Map(live.map((p) => [p.runId, p]));
    } catch (error) {
      notices.error(error);
    }
  }

  let pending = new Map<number, RunProgress>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  function flush(): void {
    timer = null;
    const next = new Map(progress.value);
    for (const [id, p] of pending) next.set(id, p);
    pending = new Map();
    progress.value = next;
  }

  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  function reloadSoon(): void {
    reloadTimer ??= setTimeout(() => {
      reloadTimer = null;
      void load();
    }, 100);
  }

  lab().on('run.progress', (p) => {
    pending.set(p.runId, p);
    timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
  });
  lab().on('run.status', (change) => {
    if (change.status !== 'running') {
      const next = new Map(progress.value);
      next.delete(change.runId);
      pending.delete(change.runId);
      progress.value = next;
    }
    reloadSoon();
  });
  lab().on('run.epoch', () => {
    epochTick.value++;
  });

  async function stop(id: number): Promise<void> {
    try {
      await lab().invoke('runs.stop', { id });
    } catch (error) {
      notices.error(error);
    }
  }

  async function rerun(id: number): Promise<RunRecord | null> {
    try {
      const run = await lab().invoke('runs.rerun', { id });
      await load();
      return run;
    } catch (error) {
      notices.error(error);
      return null;
    }
  }

  async function remove(id: number): Promise<boolean> {
    try {
      await lab().invoke('runs.delete', { id });
      await load();
      return true;
    } catch (error) {
      notices.error(error);
      return false;
    }
  }

  return { runs, loaded, progress, epochTick, byId, load, stop, rerun, remove };
});
