// Min-max downsampling of a long series for drawing: the points are cut into buckets (by
// index, in x order) and each bucket keeps its lowest and highest point, plus the very first
// and last point. Unlike averaging or taking every k-th point, an exploding-gradient spike or a
// loss dip can never disappear from the chart.

export interface XYSeries {
  x: number[];
  y: number[];
}

/**
 * At most `maxPoints` points (>= 4) in x order, keeping the first, the last, the global min
 * and max, and each bucket's min and max. A NaN counts as a bucket's max: a divergence is
 * worth seeing. Series of at most `maxPoints` points come back as copies, unchanged.
 */
export function downsampleMinMax(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): XYSeries {
  if (x.length !== y.length) throw new RangeError(`x has ${x.length} points but y has ${y.length}.`);
  const limit = Math.floor(maxPoints);
  if (!(limit >= 4)) throw new RangeError(`maxPoints must be at least 4, not ${maxPoints}.`);
  const n = x.length;
  if (n <= limit) return { x: Array.from(x), y: Array.from(y) };

  const out: XYSeries = { x: [x[0]], y: [y[0]] };
  const keep = (i: number): void => {
    out.x.push(x[i]);
    out.y.push(y[i]);
  };
  // The interior points 1 .. n-2, in `buckets` runs of near-equal length, two points each.
  const interior = n - 2;
  const buckets = Math.floor((limit - 2) / 2);
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * interior) / buckets);
    const end = 1 + Math.floor(((b + 1) * interior) / buckets);
    // lo: the lowest non-NaN point (-1 if all are NaN); hi: the first NaN, else the highest.
    let lo = -1;
    let hi = start;
    for (let i = start; i < end; i++) {
      const v = y[i];
      if (!Number.isNaN(v) && (lo < 0 || v < y[lo])) lo = i;
      if (!Number.isNaN(y[hi]) && (Number.isNaN(v) || v > y[hi])) hi = i;
    }
    if (lo < 0 || lo === hi) keep(hi);
    else {
      keep(Math.min(lo, hi));
      keep(Math.max(lo, hi));
    }
  }
  keep(n - 1);
  return out;
}
