// How the Run screen writes its figures: accuracies as percentages, durations in the largest
// sensible unit, times in the user's locale, and norms that span many decades compactly.

export function formatPercent(fraction: number | null, digits = 2): string {
  return fraction === null || !Number.isFinite(fraction) ? '–' : `${(fraction * 100).toFixed(digits)} %`;
}

/** 42 s, 3 min 5 s, 2 h 04 min. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.floor((whole % 3600) / 60);
  return `${Math.floor(whole / 3600)} h ${String(minutes).padStart(2, '0')} min`;
}

/** A stored ISO time in the user's locale, or a dash when it has not happened. */
export function formatDateTime(iso: string | null, locale?: string): string {
  if (iso === null) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** 0.5, 12.3, 0.0003, 1.2e-5, 3.4e+6: readable whether a norm is tiny, ordinary or exploding. */
export function formatNumber(value: number | null, digits = 3): string {
  if (value === null || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e5) return String(Number(value.toPrecision(digits)));
  return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/** Integers with thousands separators (steps). */
export function formatCount(value: number | null, locale?: string): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toLocaleString(locale);
}
