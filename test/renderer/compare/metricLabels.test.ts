import { describe, expect, it } from 'vitest';
import type { MetricSummary } from '../../../core/api/entities';
import { chartMetrics, formatMetricValue, metricTitle } from '../../../renderer/src/compare/metricLabels';

const summary = (metric: string): MetricSummary => ({
  metric,
  count: 1,
  last: 1,
  lastStep: 1,
  min: 1,
  max: 1,
  best: 1,
  bestStep: 1,
});

describe('chartMetrics', () => {
  it('lists the main metrics in a fixed order, then the tensor norms all runs share', () => {
    const elman = [
      'val_accuracy',
      'loss',
      'clipped',
      'grad_norm_before',
      'grad_norm/layers.0.W',
      'grad_norm/head.V',
      'spectral_norm/layers.0',
    ].map(summary);
    const highway = [
      'loss',
      'grad_norm/layers.0.W',
      'grad_norm/layers.0.Wg',
      'grad_norm/head.V',
      'spectral_norm/layers.0',
    ].map(summary);
    expect(chartMetrics([elman, highway])).toEqual([
      'loss',
      'val_accuracy',
      'grad_norm_before',
      'grad_norm/head.V',
      'grad_norm/layers.0.W',
      'spectral_norm/layers.0',
    ]);
  });

  it('ignores runs that recorded nothing yet when deciding what is shared', () => {
    expect(chartMetrics([[summary('loss'), summary('grad_norm/head.V')], []])).toEqual([
      'loss',
      'grad_norm/head.V',
    ]);
    expect(chartMetrics([[], []])).toEqual([]);
  });
});

describe('metricTitle and formatMetricValue', () => {
  it('names metrics for people', () => {
    expect(metricTitle('grad_norm_before')).toBe('Gradient norm before clipping');
    expect(metricTitle('grad_norm/layers.1.U')).toBe('Gradient norm of layers.1.U');
    expect(metricTitle('spectral_norm/layers.0')).toBe("Spectral norm of layer 0's W");
  });
  it('formats accuracies as percentages and the rest compactly', () => {
    expect(formatMetricValue('val_accuracy', 0.98765)).toBe('98.77 %');
    expect(formatMetricValue('loss', 0.123456)).toBe('0.1235');
    expect(formatMetricValue('loss', 0.0000123)).toBe('1.230e-5');
    expect(formatMetricValue('loss', null)).toBe('-');
    expect(formatMetricValue('grad_norm_before', Infinity)).toBe('Infinity');
  });
});
