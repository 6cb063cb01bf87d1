// Axis tick labels that stay short: "0.01" or "1e-6" rather than chart.js's "0.000001000".

/** A number in at most `digits` significant digits; exponent form when very small or large. */
export function shortNumber(value: number, digits = 2): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    return `${trimmed === '1' ? '' : `${trimmed}×`}1e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(digits)));
}

/**
 * A logarithmic axis's label: spanning more than two decades, only powers of ten are labelled
 * (null hides the others); within a narrow range every tick is.
 */
export function logTickLabel(value: number, min: number, max: number): string | null {
  if (value <= 0) return null;
  const wide = min > 0 && max / min > 100;
  if (!wide) return shortNumber(value);
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? shortNumber(value, 1) : null;
}
