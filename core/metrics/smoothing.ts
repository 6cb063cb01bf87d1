// TensorBoard's scalar smoothing: a debiased exponential moving average. Plain EMA starts at 0
// and so drags the first values toward 0; dividing by the accumulated weight (1 - w^n) removes
// that bias, so the first smoothed value equals the first raw value.

/**
 * For each finite v: last = last*w + (1-w)*v, debiasWeight = debiasWeight*w + (1-w),
 * smoothed = last / debiasWeight. Non-finite values pass through unsmoothed and leave the
 * average as it was. A constant series comes back unchanged (TensorBoard does the same, so a
 * flat line is not bent by rounding). `weight` is in [0, 1); 0 returns the input.
 */
export function debiasedEma(values: ArrayLike<number>, weight: number): Float64Array {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`Smoothing weight ${weight} is not in [0, 1).`);
  const smoothed = Float64Array.from(values);
  if (weight === 0 || isConstant(values)) return smoothed;
  let last = 0;
  let debiasWeight = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    last = last * weight + (1 - weight) * v;
    debiasWeight = debiasWeight * weight + (1 - weight);
    smoothed[i] = last / debiasWeight;
  }
  return smoothed;
}

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
