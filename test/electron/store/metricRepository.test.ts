// Metrics: batches appended in transactions keep exact running summaries; series come back by
// step, epoch or wall time, smoothed before they are downsampled; exports parse back.

import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downsampleMinMax } from '../../../core/metrics/downsample';
import { debiasedEma } from '../../../core/metrics/smoothing';
import { createRng } from '../../../core/random';
import type { MetricSummary, StepRow } from '../../../core/api/entities';
import { METRICS_CSV_HEADER } from '../../../electron/store/metricExport';
import type { MetricsExport } from '../../../electron/store/metricExport';
import { config, epochRow, insertDataset, openTempStore, stepRow } from './storeFixtures';
import type { TempStore } from './storeFixtures';

let t: TempStore;
beforeEach(() => (t = openTempStore()));
afterEach(() => t.dispose());

function newRun(name = 'r'): number {
  const dataset = insertDataset(t.store);
  return t.store.runs.create({ datasetId: dataset.id, experimentId: null, name, config: config() }).id;
}

/** The summary computed the plain way, over the whole history at once. */
function naiveSummary(metric: string, points: { step: number; value: number }[]): MetricSummary {
  const values = points.map((p) => p.value);
  const higher = metric.includes('accuracy');
  const best = higher ? Math.max(...values) : Math.min(...values);
  const last = points.reduce((a, b) => (b.step > a.step ? b : a));
  return {
    metric,
    count: points.length,
    last: last.value,
    lastStep: last.step,
    min: Math.min(...values),
    max: Math.max(...values),
    best,
    bestStep: Math.min(...points.filter((p) => p.value === best).map((p) => p.step)),
  };
}

/** A noisy falling loss with exact ties and an explosion or two. */
function randomSteps(n: number, seed: number): StepRow[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const step = i + 1;
    let loss = Math.round((2 / Math.sqrt(step) + rng.uniform(0, 0.5)) * 100) / 100;
    if (rng.next() < 0.001) loss = 1e4;
    return {
      ...stepRow(step, loss, Math.ceil(step / 100)),
      gradNormBefore: rng.uniform(0, 10),
      wall: step * 0.003,
    };
  });
}

describe('MetricRepository', () => {
  it('keeps summaries of 10,000 steps in batches equal to the naive ones', () => {
    const runId = newRun();
    const steps = randomSteps(10_000, 3);
    // Batches of uneven size, one of them out of order: summaries must not depend on order.
    const batches: StepRow[][] = [];
    for (let i = 0; i < steps.length;) {
      const size = 50 + (batches.length % 7) * 25;
      batches.push(steps.slice(i, i + size));
      i += size;
    }
    expect(batches.flat()).toHaveLength(10_000);
    [batches[3], batches[10]] = [batches[10], batches[3]];
    for (const batch of batches) t.store.metrics.appendSteps(runId, batch);
    const epochs = Array.from({ length: 100 }, (_, e) =>
      epochRow(e + 1, (e + 1) * 100, Math.round(Math.sin(e) * 10) / 20 + 0.5),
    );
    t.store.metrics.appendEpochs(runId, epochs.slice(0, 60));
    t.store.metrics.appendEpochs(runId, epochs.slice(60));

    const summaries = new Map(t.store.metrics.summaries(runId).map((s) => [s.metric, s]));
    const pointsOf = (pick: (row: StepRow) => number) =>
      steps.map((row) => ({ step: row.step, value: pick(row) }));
    expect(summaries.get('loss')).toEqual(
      naiveSummary(
        'loss',
        pointsOf((r) => r.loss),
      ),
    );
    expect(summaries.get('grad_norm_before')).toEqual(
      naiveSummary(
        'grad_norm_before',
        pointsOf((r) => r.gradNormBefore),
      ),
    );
    expect(summaries.get('clipped')).toEqual(
      naiveSummary(
        'clipped',
        pointsOf((r) => (r.clipped ? 1 : 0)),
      ),
    );
    expect(summaries.get('grad_norm/layers.0.W')).toEqual(
      naiveSummary(
        'grad_norm/layers.0.W',
        pointsOf((r) => r.tensorGradNorms['layers.0.W']),
      ),
    );
    const valPoints = epochs.map((e) => ({ step: e.step, value: e.valAccuracy ?? NaN }));
    expect(summaries.get('val_accuracy')).toEqual(naiveSummary('val_accuracy', valPoints));
    expect(summaries.get('val_accuracy')?.best).toBe(1);
    expect(summaries.get('spectral_norm/layers.1')).toMatchObject({ count: 100, last: 1.1 });
    expect(t.store.metrics.metricNames(runId)).toEqual([...summaries.keys()].sort());
    expect(t.store.metrics.metricNames(runId)).toContain('grad_norm/head.V');
  });

  it('rolls back a failing batch whole, new metric names included', () => {
    const runId = newRun();
    t.store.metrics.appendSteps(runId, [stepRow(1, 3), stepRow(2, 2)]);
    const before = t.store.metrics.summaries(runId);
    const withNewTensor = (step: number): StepRow => ({
      ...stepRow(step, 1),
      tensorGradNorms: { 'layers.1.W': 0.5 },
    });
    // Step 2 again: a caller's bug, refused as a whole.
    expect(() => t.store.metrics.appendSteps(runId, [withNewTensor(3), withNewTensor(2)])).toThrow();
    expect(t.store.metrics.summaries(runId)).toEqual(before);
    expect(t.store.metrics.metricNames(runId)).not.toContain('grad_norm/layers.1.W');

    t.store.metrics.appendSteps(runId, [withNewTensor(3)]);
    expect(t.store.metrics.summaries(runId).find((s) => s.metric === 'grad_norm/layers.1.W')).toMatchObject({
      count: 1,
      last: 0.5,
      lastStep: 3,
    });
  });

  it('stores no point for a missing or NaN value, but keeps an infinite one', () => {
    const runId = newRun();
    t.store.metrics.appendSteps(runId, [stepRow(1, 1), { ...stepRow(2, NaN), gradNormBefore: Infinity }]);
    const [loss, norm] = t.store.metrics.series({ runIds: [runId], metrics: ['loss', 'grad_norm_before'] });
    expect(loss.x).toEqual([1]);
    expect(norm.y).toEqual([2, Infinity]);
    expect(t.store.metrics.summaries(runId).find((s) => s.metric === 'grad_norm_before')?.max).toBe(Infinity);
    t.store.metrics.appendEpochs(runId, [epochRow(1, 2, null)]);
    expect(t.store.metrics.metricNames(runId)).not.toContain('val_accuracy');
    expect(t.store.metrics.metricNames(runId)).not.toContain('test_loss');
  });

  it('answers a repeated series query from its cache until the run records more', () => {
    const runId = newRun();
    t.store.metrics.appendSteps(runId, [stepRow(1, 3), stepRow(2, 2)]);
    const query = { runIds: [runId], metrics: ['loss'], smoothing: 0.5, maxPoints: 10 };
    const first = t.store.metrics.series(query);
    expect(t.store.metrics.series(query)).toEqual(first);
    t.store.metrics.appendSteps(runId, [stepRow(3, 1)]);
    const [after] = t.store.metrics.series(query);
    expect(after.x).toEqual([1, 2, 3]);
    // Other smoothing, other answer: the cache is per query.
    const [raw] = t.store.metrics.series({ ...query, smoothing: 0 });
    expect(raw.y).toEqual([3, 2, 1]);
    expect(after.y).not.toEqual(raw.y);
  });

  it('gives series by step, epoch or wall time for several runs at once', () => {
    const a = newRun('a');
    const b = newRun('b');
    const rows = [stepRow(1, 3, 1), stepRow(2, 2, 1), stepRow(3, 1, 2)];
    t.store.metrics.appendSteps(a, rows);
    t.store.metrics.appendSteps(b, rows.slice(0, 2));
    t.store.metrics.appendEpochs(a, [epochRow(1, 2, 0.5), epochRow(2, 3, 0.75)]);

    const series = t.store.metrics.series({
      runIds: [a, b],
      metrics: ['loss', 'val_accuracy', 'nonexistent'],
    });
    expect(series.map((s) => [s.runId, s.metric, s.x.length])).toEqual([
      [a, 'loss', 3],
      [a, 'val_accuracy', 2],
      [a, 'nonexistent', 0],
      [b, 'loss', 2],
      [b, 'val_accuracy', 0],
      [b, 'nonexistent', 0],
    ]);
    expect(series[0]).toEqual({ runId: a, metric: 'loss', x: [1, 2, 3], y: [3, 2, 1] });
    expect(series[1]).toEqual({ runId: a, metric: 'val_accuracy', x: [2, 3], y: [0.5, 0.75] });
    const [byEpoch] = t.store.metrics.series({ runIds: [a], metrics: ['loss'], x: 'epoch' });
    expect(byEpoch.x).toEqual([1, 1, 2]);
    const [valByEpoch] = t.store.metrics.series({ runIds: [a], metrics: ['val_accuracy'], x: 'epoch' });
    expect(valByEpoch.x).toEqual([1, 2]);
    const [byWall] = t.store.metrics.series({ runIds: [a], metrics: ['loss'], x: 'wall' });
    expect(byWall.x).toEqual([0.01, 0.02, 0.03]);
  });

  it('smooths the full series and only then downsamples, keeping every spike', () => {
    const runId = newRun();
    const steps = randomSteps(20_000, 11);
    const spikes = [777, 5_432, 12_345, 19_000];
    for (const s of spikes) steps[s - 1].loss = 1e6;
    for (let i = 0; i < steps.length; i += 1000) t.store.metrics.appendSteps(runId, steps.slice(i, i + 1000));

    const [raw] = t.store.metrics.series({ runIds: [runId], metrics: ['loss'], maxPoints: 500 });
    expect(raw.x.length).toBeLessThanOrEqual(500);
    for (const s of spikes) expect(raw.x).toContain(s);
    expect(Math.min(...raw.y)).toBe(Math.min(...steps.map((r) => r.loss)));

    const [smooth] = t.store.metrics.series({
      runIds: [runId],
      metrics: ['loss'],
      smoothing: 0.9,
      maxPoints: 500,
    });
    const byHand = downsampleMinMax(
      steps.map((r) => r.step),
      debiasedEma(
        steps.map((r) => r.loss),
        0.9,
      ),
      500,
    );
    expect(smooth).toEqual({ runId, metric: 'loss', ...byHand });
    const [full] = t.store.metrics.series({ runIds: [runId], metrics: ['loss'], smoothing: 0.6 });
    expect(full.y).toEqual(
      Array.from(
        debiasedEma(
          steps.map((r) => r.loss),
          0.6,
        ),
      ),
    );
  });

  it('gives back the temporal profiles of each epoch and layer', () => {
    const runId = newRun();
    const first = epochRow(1, 10, 0.5);
    const second = { ...epochRow(2, 20, 0.6), temporalProfile: [[0.1], [Math.PI, 1e-300]] };
    t.store.metrics.appendEpochs(runId, [first, second]);
    expect(t.store.metrics.profiles(runId)).toEqual([
      { epoch: 1, layers: first.temporalProfile },
      { epoch: 2, layers: second.temporalProfile },
    ]);
    expect(t.store.metrics.profiles(newRun('empty'))).toEqual([]);
  });

  it('exports CSV and JSON that parse back to the recorded values', () => {
    const a = newRun('a');
    const b = newRun('b');
    t.store.metrics.appendSteps(a, [stepRow(1, 0.1 + 0.2), stepRow(2, 1 / 3)]);
    t.store.metrics.appendEpochs(a, [epochRow(1, 2, 0.5)]);
    t.store.metrics.appendSteps(b, [stepRow(1, 7)]);

    const csv = t.store.metrics.exportCsv([a, b]);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.join(',')).toBe(METRICS_CSV_HEADER);
    expect(parsed.data).toHaveLength(2 * 7 + 6 + 7);
    const loss = parsed.data.filter((r) => r.run_id === String(a) && r.metric === 'loss');
    expect(loss.map((r) => Number(r.value))).toEqual([0.1 + 0.2, 1 / 3]);
    expect(loss.map((r) => [Number(r.step), Number(r.epoch), Number(r.wall)])).toEqual([
      [1, 1, 0.01],
      [2, 1, 0.02],
    ]);
    const series = t.store.metrics.series({ runIds: [a], metrics: ['val_accuracy'] })[0];
    const val = parsed.data.find((r) => r.metric === 'val_accuracy');
    expect(Number(val?.value)).toBe(series.y[0]);

    const json = JSON.parse(JSON.stringify(t.store.metrics.exportJson([a, b]))) as MetricsExport;
    expect(json.format).toBe('rnn-lab/metrics');
    expect(json.runs.map((r) => r.runId)).toEqual([a, b]);
    expect(json.runs[0].metrics.loss).toEqual({
      step: [1, 2],
      epoch: [1, 1],
      wall: [0.01, 0.02],
      value: [0.1 + 0.2, 1 / 3],
    });
    expect(json.runs[1].metrics.loss.value).toEqual([7]);
    expect(Object.keys(json.runs[0].metrics)).toContain('spectral_norm/layers.0');
    expect(t.store.metrics.exportCsv([])).toBe(`${METRICS_CSV_HEADER}\n`);
  });
});
