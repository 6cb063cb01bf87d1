import { describe, expect, it } from 'vitest';
import {
  argmaxOf,
  classesToDraw,
  cursorSeries,
  gradNormPlot,
  gradNormSeries,
  inputSeries,
  MAX_LINES,
  seriesRange,
  SMALLEST_LOG_AXIS_VALUE,
  stepProbabilitySeries,
} from '../../../renderer/src/sequence/unrollCharts';

describe('the line charts of the sequence screen', () => {
  it('draws one line per input feature over t = 1..T, at most MAX_LINES', () => {
    const series = inputSeries([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(series.map((s) => s.label)).toEqual(['x[1]', 'x[2]']);
    expect(series[1].points).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 6 },
    ]);
    expect(inputSeries([[0.5]])[0].label).toBe('x');
    expect(inputSeries([new Array<number>(25).fill(0)])).toHaveLength(MAX_LINES);
    expect(inputSeries([])).toEqual([]);
  });

  it('draws ||dE/dh_t|| of each layer', () => {
    const series = gradNormSeries([{ gradNorms: [0.1, 0.2] }, { gradNorms: [0.3, 0.4] }]);
    expect(series.map((s) => s.label)).toEqual(['layer 1', 'layer 2']);
    expect(series[1].points).toEqual([
      { x: 1, y: 0.3 },
      { x: 2, y: 0.4 },
    ]);
  });

  it('draws the actual and predicted classes first, then those that came closest', () => {
    const steps = [
      [0.1, 0.2, 0.3, 0.4],
      [0.05, 0.6, 0.05, 0.3],
    ];
    expect(classesToDraw(steps, 0, 3)).toEqual([0, 3, 1, 2]);
    expect(classesToDraw(steps, 3, 3)).toEqual([3, 1, 2, 0]);
    const many = [Array.from({ length: 20 }, (_, k) => k / 190)];
    const drawn = classesToDraw(many, 0, 19);
    expect(drawn).toHaveLength(MAX_LINES);
    expect(drawn.slice(0, 3)).toEqual([0, 19, 18]);
    const series = stepProbabilitySeries(steps, ['a', 'b', 'c', 'd'], 0, 3);
    expect(series.map((s) => [s.label, s.dashed])).toEqual([
      ['a (actual)', true],
      ['d', false],
      ['b', false],
      ['c', false],
    ]);
  });

  it('draws the cursor as a vertical line across the finite (positive, for a log axis) range', () => {
    const series = [
      {
        label: 's',
        color: '#000000',
        points: [
          { x: 1, y: 0 },
          { x: 2, y: 0.5 },
          { x: 3, y: 2 },
          { x: 4, y: Number.NaN },
        ],
      },
    ];
    expect(seriesRange(series)).toEqual([0, 2]);
    expect(seriesRange(series, true)).toEqual([0.5, 2]);
    expect(seriesRange([])).toBeNull();
    const [cursor] = cursorSeries(4, [0.5, 2], '#111111');
    expect(cursor.points).toEqual([
      { x: 5, y: 0.5 },
      { x: 5, y: 2 },
    ]);
    expect(cursor.hiddenFromLegend).toBe(true);
    expect(cursorSeries(4, null, '#111111')).toEqual([]);
  });

  it('finds the likeliest class', () => {
    expect(argmaxOf([0.2, 0.5, 0.5])).toBe(1);
    expect(argmaxOf([])).toBe(0);
  });
});

describe('the ||dE/dh_t|| chart', () => {
  it('uses a log axis while chart.js can draw one', () => {
    const plot = gradNormPlot([{ gradNorms: [1e-12, 0.5, 0] }]);
    expect(plot.logY).toBe(true);
    expect(plot.yLabel).toBe('‖dE/dh_t‖');
    expect(plot.series[0].points.map((p) => p.y)).toEqual([1e-12, 0.5, 0]);
  });

  it('draws log10 of the norms on a linear axis once they vanish below SMALLEST_LOG_AXIS_VALUE', () => {
    const plot = gradNormPlot([{ gradNorms: [1e-26, 1e-3, 0, 10] }, { gradNorms: [1, 1, 1, 1] }]);
    expect(SMALLEST_LOG_AXIS_VALUE).toBe(1e-20);
    expect(plot.logY).toBe(false);
    expect(plot.yLabel).toBe('log₁₀ ‖dE/dh_t‖');
    // Zero has no logarithm: left out, like the log axis leaves it out.
    expect(plot.series[0].points).toEqual([
      { x: 1, y: -26 },
      { x: 2, y: -3 },
      { x: 4, y: 1 },
    ]);
    expect(plot.series[1].points.map((p) => p.y)).toEqual([0, 0, 0, 0]);
  });

  it('has nothing to draw without layers', () => {
    expect(gradNormPlot([])).toEqual({ series: [], logY: true, yLabel: '‖dE/dh_t‖' });
  });
});
