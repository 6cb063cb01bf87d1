// The step cursor of the sequence screen: which t a key moves it to. Arrows move one step
// (ten with Shift), Home and End jump to the first and last step.

const BIG_STEP = 10;

/** The cursor's next step for a key, or null when the key does not move it. */
export function stepForKey(key: string, t: number, steps: number, shift = false): number | null {
  if (steps <= 0) return null;
  const last = steps - 1;
  const by = shift ? BIG_STEP : 1;
  switch (key) {
    case 'ArrowLeft':
      return clampStep(t - by, steps);
    case 'ArrowRight':
      return clampStep(t + by, steps);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

export function clampStep(t: number, steps: number): number {
  return Math.min(Math.max(0, Math.round(t)), Math.max(0, steps - 1));
}

/** Keys typed into form controls belong to them, not to the cursor. */
export function isTextEntry(target: EventTarget | null): boolean {
  // Structural, so that this file also type-checks without the DOM library (in the tests).
  const tagName = (target as { tagName?: unknown } | null)?.tagName;
  if (typeof tagName !== 'string') return false;
  const tag = tagName.toLowerCase();
  return tag === 'input' || tag === 'select' || tag === 'textarea';
}
