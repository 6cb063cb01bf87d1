// Refetching a live run's charts: asked for on every progress event, but never more often than
// every `minIntervalMs`, never two fetches at once, and slower when fetching itself is slow
// (a 100,000-step run costs the host more per fetch), so a long run never floods the host.

export interface RefreshScheduler {
  /** Asks for a refresh: it runs now, or once the interval has passed, or after the one in flight. */
  request(): void;
  /** Refreshes now (after the one in flight, if any); resolves when done. */
  now(): Promise<void>;
  /** No refresh runs after this. */
  dispose(): void;
}

export interface RefreshSchedulerOptions {
  refresh: () => Promise<void>;
  minIntervalMs: number;
  /** The wait between fetches is at least this many times the last fetch's duration (default 1.5). */
  slowdownFactor?: number;
  onError?: (error: unknown) => void;
  clock?: () => number;
}

export function createRefreshScheduler(options: RefreshSchedulerOptions): RefreshScheduler {
  const clock = options.clock ?? (() => Date.now());
  const slowdown = options.slowdownFactor ?? 1.5;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let pending = false;
  let disposed = false;
  let lastStart = -Infinity;
  let lastDuration = 0;

  const interval = (): number => Math.max(options.minIntervalMs, lastDuration * slowdown);

  function run(): Promise<void> {
    const start = clock();
    lastStart = start;
    inFlight = (async () => {
      try {
        await options.refresh();
      } catch (error) {
        options.onError?.(error);
      } finally {
        lastDuration = clock() - start;
        inFlight = null;
      }
      if (pending && !disposed) {
        pending = false;
        request();
      }
    })();
    return inFlight;
  }

  function request(): void {
    if (disposed) return;
    if (inFlight !== null) {
      pending = true;
      return;
    }
    if (timer !== null) return;
    const wait = lastStart + interval() - clock();
    if (wait <= 0) {
      void run();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      if (!disposed) void run();
    }, wait);
  }

  async function now(): Promise<void> {
    if (disposed) return;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    while (inFlight !== null) {
      pending = false;
      await inFlight;
    }
    if (!disposed) await run();
  }

  function dispose(): void {
    disposed = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  return { request, now, dispose };
}
