// How the datasets screen shows a dataset: its figures as short text, its class balance as
// shares, and a preview's sequences as line-chart series, one chart per class.

import type { DatasetRecord } from '../../../core/api/entities';
import type { DatasetPreview } from '../../../core/api/labResults';
import type { ChartSeries } from '../charts/chartTypes';
import { seriesColor } from '../charts/chartTypes';

/** The first characters of a sha256 fingerprint: enough to tell datasets apart at a glance. */
export function shortFingerprint(fingerprint: string, length = 10): string {
  return fingerprint.length <= length ? fingerprint : `${fingerprint.slice(0, length)}…`;
}

/** "29" when every sequence has the same length, "7–29" otherwise. */
export function lengthRange(minLength: number, maxLength: number): string {
  return minLength === maxLength ? String(minLength) : `${minLength}–${maxLength}`;
}

/** A source's file name without its folder (a builtin spec stays whole). */
export function sourceName(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}

/** "270 / 370", or "270 / –" without a test part. */
export function trainTestCounts(record: Pick<DatasetRecord, 'numSequences' | 'testSequences'>): string {
  return `${record.numSequences} / ${record.testSequences ?? '–'}`;
}

export interface ClassShare {
  label: string;
  count: number;
  /** count / all sequences, in [0, 1]. */
  share: number;
  /** count / the largest class's count, in [0, 1]: the bar's length. */
  relative: number;
}

export function classShares(labels: readonly string[], counts: readonly number[]): ClassShare[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const largest = Math.max(0, ...counts);
  return labels.map((label, k) => {
    const count = counts[k] ?? 0;
    return {
      label,
      count,
      share: total === 0 ? 0 : count / total,
      relative: largest === 0 ? 0 : count / largest,
    };
  });
}

/** The feature's short name in legends: x1, x2, ... (1-based, like the steps). */
export function featureName(feature: number): string {
  return `x${feature + 1}`;
}

/** Ten colours, then the same ten dashed: twenty features stay apart; more share styles. */
export function featureStyle(feature: number): { color: string; dashed: boolean } {
  return { color: seriesColor(feature), dashed: Math.floor(feature / 10) % 2 === 1 };
}

/** Past this many features a legend would name lines a reader cannot tell apart. */
export const MAX_LEGEND_FEATURES = 20;

export interface ClassPreview {
  label: string;
  /** The sequences' indices in their part. */
  indices: number[];
  /** One line per sequence and feature, styled by feature (featureStyle), or by sequence for one feature. */
  series: ChartSeries[];
}

/**
 * The preview's sequences grouped by class, in the dataset's class order. `features` picks
 * the features drawn (all when absent); x is the step t = 1..T. With one feature drawn the
 * lines are coloured by sequence instead, and each chart's legend names the sequences.
 */
export function previewByClass(preview: DatasetPreview, features?: readonly number[]): ClassPreview[] {
  const drawn = features ?? Array.from({ length: preview.numFeatures }, (_, j) => j);
  const bySequence = drawn.length === 1;
  return preview.classLabels.map((label) => {
    const sequences = preview.sequences.filter((sequence) => sequence.label === label);
    const series = sequences.flatMap((sequence, s) =>
      drawn.map((feature) => ({
        label: bySequence ? `#${sequence.index}` : `${featureName(feature)} of #${sequence.index}`,
        ...(bySequence ? { color: seriesColor(s), dashed: false } : featureStyle(feature)),
        points: sequence.values.map((step, t) => ({ x: t + 1, y: step[feature] })),
        hiddenFromLegend: !bySequence,
      })),
    );
    return { label, indices: sequences.map((sequence) => sequence.index), series };
  });
}
