// The datasets screen's text and chart shaping: fingerprints, ranges, class shares and the
// per-class preview series.

import { describe, expect, it } from 'vitest';
import type { DatasetPreview } from '../../../core/api/labResults';
import { seriesColor } from '../../../renderer/src/charts/chartTypes';
import {
  classShares,
  featureStyle,
  lengthRange,
  previewByClass,
  shortFingerprint,
  sourceName,
  trainTestCounts,
} from '../../../renderer/src/datasets/datasetFormat';

describe('dataset figures as text', () => {
  it('shortens a fingerprint and keeps a short one whole', () => {
    expect(shortFingerprint('db3897c555e5d6ea8184', 8)).toBe('db3897c5…');
    expect(shortFingerprint('abc', 8)).toBe('abc');
  });

  it('writes one length when all sequences are equally long, a range otherwise', () => {
    expect(lengthRange(50, 50)).toBe('50');
    expect(lengthRange(7, 26)).toBe('7–26');
  });

  it('writes the train and test counts, with a dash for no test part', () => {
    expect(trainTestCounts({ numSequences: 270, testSequences: 370 })).toBe('270 / 370');
    expect(trainTestCounts({ numSequences: 100, testSequences: null })).toBe('100 / –');
  });

  it('drops the folders of a source, on any platform, and keeps a builtin spec', () => {
    expect(sourceName('/data/JapaneseVowels_TRAIN.ts')).toBe('JapaneseVowels_TRAIN.ts');
    expect(sourceName('C:\\data\\a_TEST.arff')).toBe('a_TEST.arff');
    expect(sourceName('builtin:temporal-order?T=50&n=2000')).toBe('builtin:temporal-order?T=50&n=2000');
  });
});

describe('classShares', () => {
  it('gives each class its share of all sequences and its length against the largest', () => {
    expect(classShares(['a', 'b', 'c'], [30, 10, 0])).toEqual([
      { label: 'a', count: 30, share: 0.75, relative: 1 },
      { label: 'b', count: 10, share: 0.25, relative: 1 / 3 },
      { label: 'c', count: 0, share: 0, relative: 0 },
    ]);
  });

  it('gives empty classes zero shares instead of NaN', () => {
    expect(classShares(['a'], [0])).toEqual([{ label: 'a', count: 0, share: 0, relative: 0 }]);
  });
});

describe('previewByClass', () => {
  const preview: DatasetPreview = {
    classLabels: ['up', 'down', 'flat'],
    numFeatures: 2,
    sequences: [
      {
        index: 0,
        label: 'up',
        values: [
          [1, 10],
          [2, 20],
        ],
      },
      { index: 3, label: 'up', values: [[3, 30]] },
      {
        index: 1,
        label: 'down',
        values: [
          [2, 5],
          [1, 4],
          [0, 3],
        ],
      },
    ],
  };

  it('draws every feature of every sequence against t = 1..T, one group per class in class order', () => {
    const groups = previewByClass(preview);
    expect(groups.map((g) => g.label)).toEqual(['up', 'down', 'flat']);
    expect(groups[0].indices).toEqual([0, 3]);
    expect(groups[0].series).toHaveLength(4);
    expect(groups[0].series[1].points).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 20 },
    ]);
    expect(groups[1].series[0].points.map((p) => p.x)).toEqual([1, 2, 3]);
    expect(groups[2]).toEqual({ label: 'flat', indices: [], series: [] });
  });

  it('colours by feature when several are drawn, and leaves the legend to the shared one', () => {
    const [up] = previewByClass(preview);
    expect(up.series.map((s) => s.color)).toEqual([
      seriesColor(0),
      seriesColor(1),
      seriesColor(0),
      seriesColor(1),
    ]);
    expect(up.series.every((s) => s.hiddenFromLegend)).toBe(true);
  });

  it('colours by sequence when one feature is drawn, and names the sequences in the legend', () => {
    const [up] = previewByClass(preview, [1]);
    expect(up.series.map((s) => s.label)).toEqual(['#0', '#3']);
    expect(up.series.map((s) => s.color)).toEqual([seriesColor(0), seriesColor(1)]);
    expect(up.series.every((s) => !s.hiddenFromLegend)).toBe(true);
    expect(up.series[0].points).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 20 },
    ]);
  });
});

describe('featureStyle', () => {
  it('repeats the ten colours dashed for features 11 to 20', () => {
    expect(featureStyle(0)).toEqual({ color: seriesColor(0), dashed: false });
    expect(featureStyle(10)).toEqual({ color: seriesColor(0), dashed: true });
    expect(featureStyle(20).dashed).toBe(false);
  });
});
