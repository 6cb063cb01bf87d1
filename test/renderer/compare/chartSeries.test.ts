import { describe, expect, it } from 'vitest';
import { metricChartSeries, type LineStyle } from '../../../renderer/src/compare/chartSeries';

const raw = new Map([
  [1, { x: [0, 10], y: [1, 3] }],
  [2, { x: [0, 10], y: [3, 5] }],
  [3, { x: [0, 10], y: [0, 0] }],
]);
const smoothed = new Map([
  [1, { x: [0, 10], y: [1, 2] }],
  [2, { x: [0, 10], y: [3, 4] }],
  [3, { x: [0, 10], y: [0, 0] }],
]);
const style: LineStyle = {
  runIds: [1, 2, 3],
  labels: new Map([
    [1, 'seed=1'],
    [2, 'seed=2'],
    [3, 'seed=3'],
  ]),
  colors: new Map([
    [1, '#111111'],
    [2, '#222222'],
    [3, '#333333'],
  ]),
  groups: null,
  groupColors: [],
  band: 'minmax',
  maxPoints: 600,
  logY: false,
};

describe('metricChartSeries', () => {
  it('draws one line per run in its colour when smoothing is off', () => {
    const series = metricChartSeries({ raw, smoothed: null }, style);
    expect(series.map((s) => [s.label, s.color, s.faint ?? false])).toEqual([
      ['seed=1', '#111111', false],
      ['seed=2', '#222222', false],
      ['seed=3', '#333333', false],
    ]);
    expect(series[0].points).toEqual([
      { x: 0, y: 1 },
      { x: 10, y: 3 },
    ]);
  });

  it('puts a faint raw line behind each smoothed line', () => {
    const series = metricChartSeries({ raw, smoothed }, style);
    expect(series).toHaveLength(6);
    expect(series[0]).toMatchObject({ label: 'seed=1 (raw)', faint: true });
    expect(series[1]).toMatchObject({
      label: 'seed=1',
      points: [
        { x: 0, y: 1 },
        { x: 10, y: 2 },
      ],
    });
  });

  it('skips a run that has not recorded the metric', () => {
    const series = metricChartSeries({ raw: new Map([[2, { x: [1], y: [1] }]]), smoothed: null }, style);
    expect(series.map((s) => s.label)).toEqual(['seed=2']);
  });

  it('draws a group as its mean over a band, lower then upper filled down to it', () => {
    const grouped: LineStyle = {
      ...style,
      groups: [
        { label: 'cell=elman', value: 'elman', runIds: [1, 2] },
        { label: 'cell=highway', value: 'highway', runIds: [3] },
      ],
      groupColors: ['#aaaaaa', '#bbbbbb'],
    };
    const series = metricChartSeries({ raw, smoothed: null }, grouped);
    expect(series.map((s) => s.label)).toEqual([
      'cell=elman (2 runs) lower',
      'cell=elman (2 runs) upper',
      'cell=elman (2 runs)',
      'cell=highway (1 run)',
    ]);
    expect(series[1].fillToPrevious).toBe(true);
    expect(series[0].points.map((p) => p.y)).toEqual([1, 3]);
    expect(series[1].points.map((p) => p.y)).toEqual([3, 5]);
    expect(series[2].points.map((p) => p.y)).toEqual([2, 4]);
    expect(series[3].color).toBe('#bbbbbb');
  });

  it('averages the smoothed lines of a group, with the raw mean faintly behind', () => {
    const grouped: LineStyle = {
      ...style,
      groups: [{ label: 'all', value: undefined, runIds: [1, 2] }],
      groupColors: ['#aaaaaa'],
    };
    const series = metricChartSeries({ raw, smoothed }, grouped);
    expect(series[0]).toMatchObject({ faint: true });
    expect(series[0].points.map((p) => p.y)).toEqual([2, 4]);
    expect(series[series.length - 1].points.map((p) => p.y)).toEqual([2, 3]);
  });
});
