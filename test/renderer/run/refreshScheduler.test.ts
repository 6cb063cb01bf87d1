// Live refetching: at most one fetch at a time, never more often than the interval, slower
// when fetches are slow, and nothing after disposal.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshScheduler } from '../../../renderer/src/run/refreshScheduler';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A refresh that takes `ms` of (fake) time and records when each started. */
function slowRefresh(ms: number) {
  const starts: number[] = [];
  const refresh = vi.fn(async () => {
    starts.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
  return { refresh, starts };
}

describe('createRefreshScheduler', () => {
  it('runs the first request at once and spaces later ones by the interval', async () => {
    const { refresh, starts } = slowRefresh(10);
    const scheduler = createRefreshScheduler({ refresh, minIntervalMs: 500 });
    scheduler.request();
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 20; i++) scheduler.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts).toEqual([0, 500]);
    scheduler.dispose();
  });

  it('never overlaps fetches: a request during one runs after it', async () => {
    const { refresh, starts } = slowRefresh(800);
    const scheduler = createRefreshScheduler({ refresh, minIntervalMs: 500, slowdownFactor: 1 });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(100);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(600);
    expect(starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(200);
    expect(starts).toEqual([0, 800]);
    scheduler.dispose();
  });

  it('waits longer when fetching is slow (start to start: the duration times the factor)', async () => {
    const { refresh, starts } = slowRefresh(1000);
    const scheduler = createRefreshScheduler({ refresh, minIntervalMs: 500, slowdownFactor: 2 });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(1000);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(900);
    expect(starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(100);
    expect(starts).toEqual([0, 2000]);
    scheduler.dispose();
  });

  it('now() skips the wait and resolves when its fetch is done', async () => {
    const { refresh, starts } = slowRefresh(50);
    const scheduler = createRefreshScheduler({ refresh, minIntervalMs: 500 });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(60);
    scheduler.request();
    const done = scheduler.now();
    await vi.advanceTimersByTimeAsync(50);
    await done;
    expect(starts).toEqual([0, 60]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts).toEqual([0, 60]);
    scheduler.dispose();
  });

  it('reports errors and keeps going', async () => {
    const onError = vi.fn();
    let calls = 0;
    const scheduler = createRefreshScheduler({
      refresh: async () => {
        calls++;
        if (calls === 1) throw new Error('host gone');
      },
      minIntervalMs: 100,
      onError,
    });
    await scheduler.now();
    expect(onError).toHaveBeenCalledWith(new Error('host gone'));
    await vi.advanceTimersByTimeAsync(100);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    scheduler.dispose();
  });

  it('runs nothing after dispose', async () => {
    const { refresh } = slowRefresh(10);
    const scheduler = createRefreshScheduler({ refresh, minIntervalMs: 500 });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(20);
    scheduler.request();
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    scheduler.request();
    await scheduler.now();
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
