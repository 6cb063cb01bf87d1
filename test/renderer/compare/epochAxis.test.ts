import { describe, expect, it } from 'vitest';
import type { MetricSummary } from '../../../core/api/entities';
import {
  estimatedStepsPerEpoch,
  recordedStepsPerEpoch,
  stepsToEpochs,
} from '../../../renderer/src/compare/epochAxis';

const trainLoss = (count: number, lastStep: number | null): MetricSummary => ({
  metric: 'train_loss',
  count,
  last: 0.5,
  lastStep,
  min: 0.5,
  max: 1,
  best: 0.5,
  bestStep: lastStep,
});

describe('epoch axis', () => {
  it('reads the steps per epoch from the recorded epochs', () => {
    expect(recordedStepsPerEpoch([trainLoss(6, 300)])).toBe(50);
    expect(recordedStepsPerEpoch([trainLoss(0, null)])).toBeNull();
    expect(recordedStepsPerEpoch([])).toBeNull();
  });

  it('estimates them from the data size before the first epoch ends', () => {
    expect(estimatedStepsPerEpoch(1000, 0.2, 32)).toBe(25);
    expect(estimatedStepsPerEpoch(10, 0, 64)).toBe(1);
  });

  it('draws step s at epoch s / steps per epoch', () => {
    expect(stepsToEpochs({ x: [25, 50, 125], y: [1, 2, 3] }, 50)).toEqual({ x: [0.5, 1, 2.5], y: [1, 2, 3] });
  });
});
