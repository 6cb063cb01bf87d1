// What the training loop reports (MATH.md, "What is measured while training").

export interface StepMetrics {
  /** 1-based optimizer step. */
  step: number;
  /** 1-based epoch the step belongs to. */
  epoch: number;
  /** Batch loss: mean cross-entropy plus the L2 term. */
  loss: number;
  gradNormBefore: number;
  gradNormAfter: number;
  clipped: boolean;
  /** ||dE/dtheta|| of each tensor, in the parameter layout's order (tensorNames). */
  tensorGradNorms: Float64Array;
}

export interface EpochMetrics {
  epoch: number;
  /** Steps taken so far. */
  step: number;
  /** Mean loss and accuracy of the epoch's batches as they were trained. */
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  /** Seconds since training began. */
  seconds: number;
  /** Largest singular value of each layer's W. */
  spectralNorms: number[];
  /** Per layer, the mean ||dE/dh_t|| over the epoch's sequences, by k = steps before the end. */
  temporalProfile: number[][];
}

export type TrainStatus = 'completed' | 'stopped' | 'diverged';

export interface Divergence {
  step: number;
  epoch: number;
  /** What was not finite. */
  quantity: 'loss' | 'gradient norm';
  /** The last step whose figures were all finite, if any. */
  lastFinite: StepMetrics | null;
}
