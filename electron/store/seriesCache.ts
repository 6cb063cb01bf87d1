// Chart series already computed (smoothed and downsampled), kept while their run's metric has
// not changed: the UI asks for the same long series again and again (a finished 100,000-step
// run, or the runs that are not training in a comparison), and reading, smoothing and
// downsampling them costs far more than the few hundred points it draws.

import type { Series } from '../../core/api/entities';

const MAX_ENTRIES = 512;

export class SeriesCache {
  private readonly entries = new Map<string, { version: string; series: Series }>();

  /** The series computed for `key` when its data was at `version`, or undefined. */
  get(key: string, version: string): Series | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) return undefined;
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.series;
  }

  set(key: string, version: string, series: Series): void {
    this.entries.delete(key);
    this.entries.set(key, { version, series });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
