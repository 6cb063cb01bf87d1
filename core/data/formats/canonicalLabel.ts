// The label cell of a delimited form (wide UCR, long CSV): the class it names, or none.

/**
 * Numeric labels take their shortest form, so "1", "1.0" and "1.0000000e+00" (as old UCR .txt
 * files write them) name one class.
 */
export function canonicalLabel(label: string): string {
  const x = Number(label);
  return Number.isFinite(x) ? String(x) : label;
}

/** An empty or NaN label (already trimmed): the class is missing. */
export function isMissingLabel(label: string): boolean {
  return label === '' || label.toLowerCase() === 'nan';
}
