// Gradient clipping against exploding gradients (MATH.md, "Gradient clipping"): by value, then by
// global norm, in place on the flat gradient buffer, reporting the norms a training step records.

import type { FloatArray } from '../numeric';
import { l2Norm } from '../numeric';
import type { ClipConfig } from './config';

export interface ClipOutcome {
  /** Global norm before any clipping. */
  normBefore: number;
  /** Global norm after all clipping (normBefore when nothing changed). */
  normAfter: number;
  /** Whether value or norm clipping changed any element. */
  clipped: boolean;
}

export function clipGradients(grads: FloatArray, clip: ClipConfig): ClipOutcome {
  const normBefore = l2Norm(grads);
  let norm = normBefore;
  let clipped = false;

  if (clip.maxValue !== null && clipByValue(grads, clip.maxValue)) {
    clipped = true;
    norm = l2Norm(grads);
  }

  // A non-finite norm means the run has diverged: scaling by theta/Infinity would only turn the
  // infinities into NaN, so the gradient is left for the training loop to report.
  if (clip.maxNorm !== null && Number.isFinite(norm) && norm > clip.maxNorm) {
    const scale = clip.maxNorm / norm;
    for (let i = 0; i < grads.length; i++) grads[i] *= scale;
    clipped = true;
    norm = l2Norm(grads);
  }

  return { normBefore, normAfter: norm, clipped };
}

/** Clamps every element to [-c, c]; returns whether any element changed. */
function clipByValue(grads: FloatArray, c: number): boolean {
  let changed = false;
  for (let i = 0; i < grads.length; i++) {
    const g = grads[i];
    if (g > c) {
      grads[i] = c;
      changed = true;
    } else if (g < -c) {
      grads[i] = -c;
      changed = true;
    }
  }
  return changed;
}
