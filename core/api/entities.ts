// The plain typed entities the store hands out and the lab API carries. Nothing above the store
// sees SQL or rows; rows become these in one place (the repositories' mappers).

import type { TrainConfig } from '../train/config';

export type RunStatus =
  'queued' | 'running' | 'completed' | 'stopped' | 'diverged' | 'failed' | 'interrupted';

export const RUN_STATUSES: readonly RunStatus[] = [
  'queued',
  'running',
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted',
];

export const FINISHED_STATUSES: readonly RunStatus[] = [
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted',
];

export interface DatasetRecord {
  id: number;
  name: string;
  /** 'builtin', 'ts', 'arff', 'ucr', 'long-csv' or 'json'. */
  format: string;
  /** The file names (or the builtin spec) it was imported from, training first. */
  sources: string[];
  /** sha256 of the canonical training data (core/data/fingerprint). */
  fingerprint: string;
  numSequences: number;
  numFeatures: number;
  classLabels: string[];
  classCounts: number[];
  minLength: number;
  maxLength: number;
  /** Sequences in the test part, or null when there is none. */
  testSequences: number | null;
  missingValues: number;
  createdAt: string;
}

export interface ExperimentRecord {
  id: number;
  name: string;
  description: string;
  createdAt: string;
  runCount: number;
}

export interface RunSummary {
  epochs: number;
  steps: number;
  bestValAccuracy: number | null;
  bestEpoch: number | null;
  finalTestAccuracy: number | null;
  finalTrainLoss: number | null;
  /** The step at which a diverged run's loss or gradient stopped being finite. */
  divergedAtStep: number | null;
  seconds: number | null;
}

export interface RunRecord {
  id: number;
  datasetId: number;
  experimentId: number | null;
  /** A short label, e.g. the grid cell "layers=2 clip-norm=1". */
  name: string;
  config: TrainConfig;
  seed: number;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  summary: RunSummary;
}

/** One recorded training step (MATH.md, "What is measured": per step). */
export interface StepRow {
  step: number;
  epoch: number;
  /** Seconds since the run started. */
  wall: number;
  loss: number;
  gradNormBefore: number;
  gradNormAfter: number;
  clipped: boolean;
  /** Gradient norm of each parameter tensor, by tensor name (`layers.0.W`, `head.V`, ...). */
  tensorGradNorms: Record<string, number>;
}

/** One recorded epoch (MATH.md, "What is measured": per epoch). */
export interface EpochRow {
  epoch: number;
  step: number;
  wall: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  /** Largest singular value of each layer's W. */
  spectralNorms: number[];
  /** Per layer, mean ||dE/dh_t|| by k = steps before the end. */
  temporalProfile: number[][];
}

/** last, min, max and the step of the best value of one metric of one run. */
export interface MetricSummary {
  metric: string;
  count: number;
  last: number | null;
  lastStep: number | null;
  min: number | null;
  max: number | null;
  /** The best value: the max for accuracies, the min for everything else. */
  best: number | null;
  bestStep: number | null;
}

export type SeriesAxis = 'step' | 'epoch' | 'wall';

export interface SeriesQuery {
  runIds: number[];
  /** Metric names: 'loss', 'grad_norm_before', 'val_accuracy', 'grad_norm/layers.0.W', ... */
  metrics: string[];
  x?: SeriesAxis;
  /** Debiased EMA weight in [0, 1); 0 or absent: raw. Applied before downsampling. */
  smoothing?: number;
  /** At most this many points per series, keeping each bucket's min and max. */
  maxPoints?: number;
}

export interface Series {
  runId: number;
  metric: string;
  x: number[];
  y: number[];
}
