// The names of the recorded metrics (MATH.md, "What is measured while training"), shared by
// the store that writes them and the UI that asks for them.

/** Recorded at every training step. */
export const STEP_METRICS = ['loss', 'grad_norm_before', 'grad_norm_after', 'clipped'] as const;
/** Recorded at the end of every epoch, at x = the step at the epoch's end. */
export const EPOCH_METRICS = [
  'train_loss',
  'train_accuracy',
  'val_loss',
  'val_accuracy',
  'test_loss',
  'test_accuracy',
] as const;

/** `grad_norm/layers.0.W`: one parameter tensor's gradient norm, per step. */
export const TENSOR_GRAD_NORM_PREFIX = 'grad_norm/';
/** `spectral_norm/layers.0`: the largest singular value of layer 0's W, per epoch. */
export const SPECTRAL_NORM_PREFIX = 'spectral_norm/layers.';

/** Accuracies are better when higher; every other metric (losses, norms) when lower. */
export function higherIsBetter(metric: string): boolean {
  return metric.includes('accuracy');
}
