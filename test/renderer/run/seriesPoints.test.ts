// Shaping metric series for the Run screen's charts.

import { describe, expect, it } from 'vitest';
import type { MetricSummary } from '../../../core/api/entities';
import {
  clippedMarkers,
  horizontalLine,
  markLonePoints,
  nearestY,
  seriesOf,
  spectralNormMetrics,
  tensorGradMetrics,
  tensorLabel,
  toPoints,
  verticalLine,
  yExtent,
} from '../../../renderer/src/run/seriesPoints';

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

describe('toPoints and seriesOf', () => {
  it('pairs x and y and leaves out what cannot be drawn (an infinity arrives as null)', () => {
    const y = [1, null, Number.NaN, Infinity, 2] as unknown as number[];
    expect(toPoints({ x: [1, 2, 3, 4, 5], y })).toEqual([
      { x: 1, y: 1 },
      { x: 5, y: 2 },
    ]);
    expect(toPoints(undefined)).toEqual([]);
  });
  it('finds a series by metric', () => {
    const list = [{ runId: 1, metric: 'loss', x: [1], y: [2] }];
    expect(seriesOf(list, 'loss')).toBe(list[0]);
    expect(seriesOf(list, 'val_loss')).toBeUndefined();
  });
});

describe('horizontalLine and verticalLine', () => {
  it('spans the x range of all the points', () => {
    expect(
      horizontalLine(1, [
        [
          { x: 3, y: 0 },
          { x: 9, y: 0 },
        ],
        [{ x: 1, y: 5 }],
      ]),
    ).toEqual([
      { x: 1, y: 1 },
      { x: 9, y: 1 },
    ]);
    expect(horizontalLine(1, [[]])).toEqual([]);
    expect(horizontalLine(2, [[{ x: 4, y: 0 }]])).toEqual([{ x: 4, y: 2 }]);
  });

  it('spans the y range, from 0 on a linear axis and above 0 on a log one', () => {
    const points = [
      [
        { x: 1, y: 0.5 },
        { x: 2, y: 3 },
      ],
    ];
    expect(verticalLine(7, points, false)).toEqual([
      { x: 7, y: 0 },
      { x: 7, y: 3 },
    ]);
    expect(verticalLine(7, points, true)).toEqual([
      { x: 7, y: 0.5 },
      { x: 7, y: 3 },
    ]);
    expect(verticalLine(7, [[{ x: 1, y: 4 }]], true)).toEqual([
      { x: 7, y: 2 },
      { x: 7, y: 8 },
    ]);
    expect(verticalLine(7, [[]], true)).toEqual([]);
    expect(verticalLine(7, [[]], false)).toEqual([
      { x: 7, y: 0 },
      { x: 7, y: 1 },
    ]);
  });

  it('yExtent skips non-positive values for a log axis', () => {
    const points = [
      [
        { x: 1, y: 0 },
        { x: 2, y: 5 },
        { x: 3, y: 0.1 },
      ],
    ];
    expect(yExtent(points)).toEqual({ min: 0, max: 5 });
    expect(yExtent(points, true)).toEqual({ min: 0.1, max: 5 });
    expect(yExtent([])).toBeNull();
  });
});

describe('clippedMarkers', () => {
  const before = [
    { x: 1, y: 0.5 },
    { x: 2, y: 4 },
    { x: 3, y: 0.8 },
    { x: 10, y: 7 },
  ];

  it('puts a dot on the norm before clipping at each clipped step, never below the threshold', () => {
    const clipped = [
      { x: 1, y: 0 },
      { x: 2, y: 1 },
      { x: 3, y: 1 },
      { x: 9, y: 1 },
    ];
    expect(clippedMarkers(clipped, 1, before)).toEqual([
      { x: 2, y: 4 },
      { x: 3, y: 1 },
      { x: 9, y: 7 },
    ]);
  });

  it('with value clipping only, sits on the norm itself', () => {
    expect(clippedMarkers([{ x: 3, y: 1 }], null, before)).toEqual([{ x: 3, y: 0.8 }]);
    expect(clippedMarkers([{ x: 3, y: 1 }], null, [])).toEqual([]);
    expect(clippedMarkers([{ x: 3, y: 1 }], 2, [])).toEqual([{ x: 3, y: 2 }]);
  });

  it('nearestY picks the closest x, the earlier one on a tie', () => {
    expect(nearestY(before, 0)).toBe(0.5);
    expect(nearestY(before, 6)).toBe(0.8);
    expect(nearestY(before, 7)).toBe(7);
    expect(nearestY(before, 100)).toBe(7);
    expect(nearestY([], 1)).toBeNull();
  });
});

describe('markLonePoints', () => {
  it('shows a one-point series as a dot', () => {
    const [lone, line] = markLonePoints([
      { label: 'a', color: '#000000', points: [{ x: 1, y: 1 }] },
      {
        label: 'b',
        color: '#000000',
        points: [
          { x: 1, y: 1 },
          { x: 2, y: 2 },
        ],
      },
    ]);
    expect(lone.markers).toBe(true);
    expect(line.markers).toBeUndefined();
  });
});

describe('tensor and spectral norm metrics', () => {
  it('orders tensors by layer (U, W, b, gates), the head last', () => {
    const names = [
      'grad_norm/head.B',
      'grad_norm/head.V',
      'grad_norm/layers.1.W',
      'grad_norm/layers.0.bg',
      'grad_norm/layers.0.b',
      'grad_norm/layers.0.W',
      'grad_norm/layers.0.U',
      'grad_norm_before',
      'loss',
    ];
    expect(tensorGradMetrics(names.map(summary))).toEqual([
      'grad_norm/layers.0.U',
      'grad_norm/layers.0.W',
      'grad_norm/layers.0.b',
      'grad_norm/layers.0.bg',
      'grad_norm/layers.1.W',
      'grad_norm/head.V',
      'grad_norm/head.B',
    ]);
  });

  it('labels tensors for people', () => {
    expect(tensorLabel('layers.0.W')).toBe('W, layer 1');
    expect(tensorLabel('layers.11.Ug')).toBe('Ug, layer 12');
    expect(tensorLabel('head.V')).toBe('V (head)');
  });

  it('orders spectral norms by layer number, not by text', () => {
    const names = ['spectral_norm/layers.10', 'spectral_norm/layers.2', 'loss', 'spectral_norm/layers.0'];
    expect(spectralNormMetrics(names.map(summary))).toEqual([
      'spectral_norm/layers.0',
      'spectral_norm/layers.2',
      'spectral_norm/layers.10',
    ]);
  });
});
