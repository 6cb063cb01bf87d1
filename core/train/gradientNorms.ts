// The per-tensor gradient norms recorded every step (MATH.md, "What is measured while training").

import type { FloatArray } from '../numeric';
import { l2Norm } from '../numeric';
import type { ParameterLayout } from '../model/parameters';

/** One Euclidean norm per tensor, in `layout.tensors` order. */
export function tensorGradientNorms(grads: FloatArray, layout: ParameterLayout): Float64Array {
  if (grads.length !== layout.size) {
    throw new Error(`gradient has ${grads.length} values, layout has ${layout.size}`);
  }
  const norms = new Float64Array(layout.tensors.length);
  layout.tensors.forEach((spec, k) => {
    norms[k] = l2Norm(grads, spec.offset, spec.offset + spec.size);
  });
  return norms;
}
