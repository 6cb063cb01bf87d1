// How the sequence screen writes its numbers: activations with three decimals, probabilities
// as percentages, gradient norms with three significant digits (they span many decades).

export function formatActivation(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return String(p);
  return `${(p * 100).toFixed(p >= 0.9995 || p < 0.0005 ? 0 : 1)} %`;
}

export function formatNorm(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 0.01 && magnitude < 1000 ? value.toPrecision(3) : value.toExponential(2);
}

/** min, max and mean of a vector, for a readout's summary line. */
export function vectorSummary(values: readonly number[]): { min: number; max: number; mean: number } {
  if (values.length === 0) return { min: NaN, max: NaN, mean: NaN };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { min, max, mean: sum / values.length };
}
