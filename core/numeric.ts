// Float buffers of either precision. Training runs in float32; gradient checks and the
// `grad` command run the same code in float64 (MATH.md, "The model, exactly").

export type FloatArray = Float32Array | Float64Array;
export type Precision = 'float32' | 'float64';

export function allocate(precision: Precision, length: number): FloatArray {
  return precision === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

export function precisionOf(array: FloatArray): Precision {
  return array instanceof Float32Array ? 'float32' : 'float64';
}

/** Euclidean norm of a buffer, accumulated in float64. */
export function l2Norm(values: ArrayLike<number>, start = 0, end = values.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}
