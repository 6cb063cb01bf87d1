// The one contract suite of the lab API, run against every transport (IPC, WebSocket): the
// same calls must give the same answers, the same events and the same refusals. Runs train
// for real, kept tiny (8 hidden units, 2 epochs, temporal-order with T = 10 and n = 80).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabMethodName } from '../../../core/api/labApi';
import type { LabClient } from '../../../core/api/labClient';
import { defaultTrainConfig } from '../../../core/train/defaults';
import {
  BAD_JSON,
  malformedCalls,
  tinyConfig,
  TINY_SPEC,
  TREND_FIXTURE,
  writeImportFiles,
} from './labFixtures';
import type { LabConnection } from './labHarness';
import { EventLog, rejection, TEST_VERSION } from './labHarness';

export function describeLabContract(transport: string, connect: () => Promise<LabConnection>): void {
  describe(`the lab API through ${transport}`, () => {
    let connection: LabConnection;
    let client: LabClient;
    let log: EventLog;
    let dir: string;
    const ids = { builtin: 0, trend: 0, trendPair: 0, run: 0, rerun: 0 };

    beforeAll(async () => {
      connection = await connect();
      client = connection.client;
      log = new EventLog(client);
      dir = writeImportFiles();
    });
    afterAll(async () => {
      await connection?.close();
    });

    it('tells what it is (app.info)', async () => {
      expect(await client.invoke('app.info')).toEqual({
        version: TEST_VERSION,
        databasePath: connection.lab.databasePath,
        poolSize: 2,
        platform: process.platform,
      });
    });

    it('lists the built-in tasks and imports one', async () => {
      const builtins = await client.invoke('datasets.builtins');
      expect(builtins.map((b) => b.name)).toContain('temporal-order');
      expect(builtins.find((b) => b.name === 'temporal-order')?.defaultSpec).toMatch(
        /^builtin:temporal-order\?T=50&n=2000/,
      );
      const record = await client.invoke('datasets.importBuiltin', { spec: TINY_SPEC });
      ids.builtin = record.id;
      expect(record).toMatchObject({
        format: 'builtin',
        numSequences: 80,
        numFeatures: 6,
        testSequences: 40,
      });
      expect(record.classLabels).toEqual(['AA', 'AB', 'BA', 'BB']);
      await log.waitFor('datasets.changed', (e) => e.event === 'datasets.changed');
      expect(await client.invoke('datasets.get', { id: record.id })).toEqual(record);

      const refused = await rejection(
        client.invoke('datasets.importBuiltin', { spec: 'temporal-order?T=x' }),
      );
      expect(refused.code).toBe('bad-data');
      expect(refused.message).toContain('T is "x"');
    });

    it('imports files, pairing NAME_TRAIN with NAME_TEST, whole or not at all', async () => {
      const before = (await client.invoke('datasets.list')).length;
      const names = [
        'trend_TRAIN.json',
        'trend_TEST.json',
        'bad.json',
        'broken_TRAIN.json',
        'broken_TEST.json',
      ];
      const outcome = await client.invoke('datasets.importFiles', {
        paths: [TREND_FIXTURE, ...names.map((name) => join(dir, name)), join(dir, 'absent.json')],
      });
      // Pairs come first, then the files that stand alone.
      expect(outcome.imported.map((d) => d.sources.length)).toEqual([2, 1]);
      const [pair, alone] = outcome.imported;
      expect(pair.sources.map((s) => s.split('/').pop())).toEqual(['trend_TRAIN.json', 'trend_TEST.json']);
      expect(alone.testSequences).toBeNull();
      expect(pair.testSequences).toBe(alone.numSequences);
      ids.trend = alone.id;
      ids.trendPair = pair.id;
      expect(outcome.errors.map((e) => [e.file, e.line])).toEqual([
        ['broken_TEST.json', 3],
        ['bad.json', 3],
        ['absent.json', undefined],
      ]);
      expect(outcome.errors[1].message).toMatch(/^bad\.json, line 3, column \d+: .*oops/);
      // The broken pair's training half was not imported on its own.
      expect((await client.invoke('datasets.list')).length).toBe(before + 2);
    });

    it('imports uploaded contents with the same pairing', async () => {
      const text = readFileSync(TREND_FIXTURE, 'utf8');
      const outcome = await client.invoke('datasets.importContent', {
        files: [
          { name: 'trend_TEST.json', text },
          { name: 'bad.json', text: BAD_JSON },
          { name: 'trend_TRAIN.json', text },
        ],
      });
      // The same data as the imported pair: the same record.
      expect(outcome.imported.map((d) => d.id)).toEqual([ids.trendPair]);
      expect(outcome.errors).toHaveLength(1);
      expect(outcome.errors[0]).toMatchObject({ file: 'bad.json', line: 3, code: 'bad-json' });
    });

    it('previews a few sequences of each class', async () => {
      const preview = await client.invoke('datasets.preview', { id: ids.builtin, perClass: 2 });
      expect(preview.classLabels).toEqual(['AA', 'AB', 'BA', 'BB']);
      expect(preview.sequences.map((s) => s.label)).toEqual(['AA', 'AA', 'AB', 'AB', 'BA', 'BA', 'BB', 'BB']);
      for (const sequence of preview.sequences) {
        expect(sequence.values).toHaveLength(10);
        expect(sequence.values[0]).toHaveLength(6);
      }
      const test = await client.invoke('datasets.preview', { id: ids.builtin, split: 'test' });
      expect(test.sequences).toHaveLength(12);
      const noTest = await rejection(client.invoke('datasets.preview', { id: ids.trend, split: 'test' }));
      expect(noTest.code).toBe('not-found');
    });

    it('trains a run, with its progress, epochs and completion as events', async () => {
      expect(await client.invoke('runs.defaults')).toEqual(defaultTrainConfig);
      const run = await client.invoke('runs.create', {
        datasetId: ids.builtin,
        config: tinyConfig(),
        name: 'tiny',
      });
      ids.run = run.id;
      expect(run).toMatchObject({ name: 'tiny', datasetId: ids.builtin, seed: 1 });
      await log.waitForStatus(run.id, 'completed');
      expect(log.count((e) => e.event === 'run.epoch' && e.payload.runId === run.id)).toBe(2);
      expect(log.count((e) => e.event === 'run.progress' && e.payload.runId === run.id)).toBeGreaterThan(0);
      const done = await client.invoke('runs.get', { id: run.id });
      expect(done.status).toBe('completed');
      expect(done.summary.epochs).toBe(2);
      const listed = await client.invoke('runs.list', { datasetId: ids.builtin, status: ['completed'] });
      expect(listed.map((r) => r.id)).toEqual([run.id]);
    });

    it("answers the run's series, summaries, profiles and exports", async () => {
      const steps = (await client.invoke('runs.get', { id: ids.run })).summary.steps;
      const series = await client.invoke('metrics.series', {
        runIds: [ids.run],
        metrics: ['loss', 'val_accuracy'],
        smoothing: 0.5,
        maxPoints: 100,
      });
      expect(series.map((s) => [s.metric, s.y.length])).toEqual([
        ['loss', steps],
        ['val_accuracy', 2],
      ]);
      const summaries = await client.invoke('metrics.summaries', { runId: ids.run });
      expect(summaries.find((s) => s.metric === 'loss')?.count).toBe(steps);
      const profiles = await client.invoke('metrics.profiles', { runId: ids.run });
      expect(profiles.map((p) => p.epoch)).toEqual([1, 2]);
      expect(profiles[0].layers[0]).toHaveLength(10);

      const csv = await client.invoke('metrics.export', { runIds: [ids.run], format: 'csv' });
      expect(csv.fileName).toBe(`rnn-lab-run-${ids.run}-metrics.csv`);
      expect(csv.mimeType).toBe('text/csv');
      expect(csv.text.split('\n')[0]).toBe('run_id,metric,step,epoch,wall,value');
      const json = await client.invoke('metrics.export', { runIds: [ids.run], format: 'json' });
      expect(JSON.parse(json.text)).toMatchObject({ format: 'rnn-lab/metrics', runs: [{ runId: ids.run }] });
      expect((await rejection(client.invoke('metrics.summaries', { runId: 9999 }))).code).toBe('not-found');
    });

    it("hands out the run's models, and inspects, evaluates and predicts with one", async () => {
      const best = await client.invoke('models.get', { runId: ids.run, kind: 'best' });
      expect(best.fileName).toBe(`rnn-lab-run-${ids.run}-best.json`);
      const final = await client.invoke('models.get', { runId: ids.run, kind: 'final' });
      expect(final.text).toContain('"rnn-lab/model"');
      const inspected = await client.invoke('models.inspect', { text: best.text });
      expect(inspected.architecture).toMatchObject({
        inputSize: 6,
        hiddenSize: 8,
        numClasses: 4,
        numLayers: 1,
      });
      expect(inspected.classLabels).toEqual(['AA', 'AB', 'BA', 'BB']);
      expect(inspected.normalization).toBe(true);
      expect(inspected.provenance.seed).toBe(1);

      const evaluation = await client.invoke('models.evaluate', {
        text: best.text,
        datasetId: ids.builtin,
        split: 'test',
      });
      expect(evaluation.count).toBe(40);
      expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(40);
      expect(evaluation.accuracy).toBeGreaterThanOrEqual(0);
      const prediction = await client.invoke('models.predict', {
        text: best.text,
        datasetId: ids.builtin,
        split: 'test',
        index: 3,
      });
      expect(prediction.classLabels).toContain(prediction.predicted);
      expect(prediction.classLabels).toContain(prediction.actual);
      expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);

      const broken = JSON.parse(best.text) as Record<string, unknown>;
      delete broken.head;
      const badModel = await rejection(client.invoke('models.inspect', { text: JSON.stringify(broken) }));
      expect(badModel).toMatchObject({ code: 'bad-model', field: 'head' });
      const notJson = await rejection(client.invoke('models.inspect', { text: '{"format": ' }));
      expect(notJson.code).toBe('bad-model');
      const wrongData = await rejection(
        client.invoke('models.evaluate', { text: best.text, datasetId: ids.trend, split: 'train' }),
      );
      expect(wrongData.code).toBe('bad-data');
      expect(wrongData.message).toContain('inputSize');
      const outOfRange = await rejection(
        client.invoke('models.predict', {
          text: best.text,
          datasetId: ids.builtin,
          split: 'test',
          index: 40,
        }),
      );
      expect(outOfRange).toMatchObject({ code: 'invalid-arguments', field: 'index' });
    });

    it('unrolls a model over one sequence, answering as models.predict does', async () => {
      const { text } = await client.invoke('models.get', { runId: ids.run, kind: 'best' });
      const where = { text, datasetId: ids.builtin, split: 'test', index: 3 } as const;
      const unrolled = await client.invoke('models.unroll', where);
      const prediction = await client.invoke('models.predict', where);
      expect(unrolled).toMatchObject({
        index: 3,
        label: prediction.actual,
        predicted: prediction.predicted,
        classLabels: prediction.classLabels,
        probabilities: prediction.probabilities,
        steps: 10,
      });
      expect(unrolled.loss).toBeCloseTo(
        -Math.log(prediction.probabilities[prediction.classLabels.indexOf(prediction.actual)]),
        10,
      );
      expect(unrolled.inputs).toHaveLength(10);
      expect(unrolled.inputs[0]).toHaveLength(6);
      expect(unrolled.layers).toHaveLength(1);
      const [layer] = unrolled.layers;
      expect(layer.hidden).toHaveLength(10);
      expect(layer.hidden[0]).toHaveLength(8);
      expect(layer.gates).toBeNull();
      expect(layer.gradNorms).toHaveLength(10);
      layer.gradNorms.forEach((norm) => expect(norm).toBeGreaterThan(0));
      expect(unrolled.stepProbabilities).toHaveLength(10);
      expect(unrolled.stepProbabilities[9]).toEqual(unrolled.probabilities);

      // The model normalizes its inputs: the raw preview's values are not what it reads.
      const preview = await client.invoke('datasets.preview', {
        id: ids.builtin,
        perClass: 100,
        split: 'test',
      });
      const raw = preview.sequences.find((s) => s.index === 3)?.values;
      expect(raw).toHaveLength(10);
      expect(unrolled.inputs).not.toEqual(raw);

      const outOfRange = await rejection(client.invoke('models.unroll', { ...where, index: 40 }));
      expect(outOfRange).toMatchObject({ code: 'invalid-arguments', field: 'index' });
      expect(outOfRange.message).toBe('index: is 40; expected 0 to 39');
      const noTest = await rejection(client.invoke('models.unroll', { ...where, datasetId: ids.trend }));
      expect(noTest).toMatchObject({ code: 'not-found', field: 'split' });
      const wrongData = await rejection(
        client.invoke('models.unroll', { ...where, datasetId: ids.trend, split: 'train' }),
      );
      expect(wrongData).toMatchObject({ code: 'bad-data', field: 'datasetId' });
      const malformed = await connection.rawInvoke('models.unroll', { ...where, split: 'val' });
      expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'split' } });
      const negative = await connection.rawInvoke('models.unroll', { ...where, index: -1 });
      expect(negative).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'index' } });
      const badModel = await rejection(client.invoke('models.unroll', { ...where, text: '{}' }));
      expect(badModel.code).toBe('bad-model');
      const unknown = await rejection(client.invoke('models.unroll', { ...where, datasetId: 9999 }));
      expect(unknown).toMatchObject({ code: 'not-found', field: 'datasetId' });
    });

    it('runs a grid of 2 cells, repeats grids over seeds, and tells which parameters differ', async () => {
      const grid = await client.invoke('runs.createGrid', {
        name: 'clipping',
        datasetId: ids.builtin,
        base: tinyConfig(),
        axes: [{ key: 'clip-norm', values: ['none', 1] }],
      });
      expect(grid.runs.map((r) => r.name)).toEqual(['clip-norm=none', 'clip-norm=1']);
      expect(grid.experiment).toMatchObject({ name: 'clipping', runCount: 2 });
      const seeded = await client.invoke('runs.createGrid', {
        name: 'seeds',
        datasetId: ids.builtin,
        base: tinyConfig(),
        axes: [],
        seeds: [3, 4],
      });
      expect(seeded.runs.map((r) => [r.name, r.seed])).toEqual([
        ['seed=3', 3],
        ['seed=4', 4],
      ]);
      // Only their records matter here: stop them (still queued, or just started).
      for (const run of seeded.runs) await client.invoke('runs.stop', { id: run.id });
      for (const run of [...grid.runs, ...seeded.runs]) {
        await log.waitFor(
          `run ${run.id} ended`,
          (e) =>
            e.event === 'run.status' &&
            e.payload.runId === run.id &&
            ['completed', 'stopped'].includes(e.payload.status),
        );
      }
      for (const run of grid.runs)
        expect((await client.invoke('runs.get', { id: run.id })).status).toBe('completed');
      const differing = await client.invoke('metrics.differingParams', {
        runIds: grid.runs.map((r) => r.id),
      });
      expect(differing.map((d) => d.key)).toEqual(['clip.maxNorm']);
      expect(differing[0].values[grid.runs[0].id]).toBeNull();
      const experiments = await client.invoke('experiments.list');
      expect(experiments.map((e) => e.name)).toEqual(['clipping', 'seeds']);

      const twice = await rejection(
        client.invoke('runs.createGrid', {
          name: 'x',
          datasetId: ids.builtin,
          base: tinyConfig(),
          axes: [{ key: 'seed', values: [1] }],
          seeds: [2],
        }),
      );
      expect(twice).toMatchObject({ code: 'invalid-arguments', field: 'seeds' });
      const unknownAxis = await rejection(
        client.invoke('runs.createGrid', {
          name: 'x',
          datasetId: ids.builtin,
          base: tinyConfig(),
          axes: [{ key: 'depth', values: [1] }],
        }),
      );
      expect(unknownAxis).toMatchObject({ code: 'invalid-arguments', field: 'axes' });
      expect(unknownAxis.message).toContain('unknown axis "depth"');
    });

    it('stops a running run, which cannot be deleted until it stops', async () => {
      const run = await client.invoke('runs.create', {
        datasetId: ids.builtin,
        config: tinyConfig({ epochs: 100_000, patience: null }),
      });
      await log.waitFor('progress', (e) => e.event === 'run.progress' && e.payload.runId === run.id);
      const progress = await client.invoke('runs.progress');
      expect(progress.map((p) => p.runId)).toContain(run.id);
      expect(progress.find((p) => p.runId === run.id)?.totalEpochs).toBe(100_000);
      const refused = await rejection(client.invoke('runs.delete', { id: run.id }));
      expect(refused.code).toBe('conflict');
      expect(await client.invoke('runs.stop', { id: run.id })).toBeNull();
      await log.waitForStatus(run.id, 'stopped');
      expect((await client.invoke('runs.get', { id: run.id })).status).toBe('stopped');
      expect((await client.invoke('runs.progress')).map((p) => p.runId)).not.toContain(run.id);
      expect(await client.invoke('runs.delete', { id: run.id })).toBeNull();
      expect((await rejection(client.invoke('runs.get', { id: run.id }))).code).toBe('not-found');
    });

    it('reruns a run with the same numbers', async () => {
      const rerun = await client.invoke('runs.rerun', { id: ids.run });
      ids.rerun = rerun.id;
      expect(rerun.id).not.toBe(ids.run);
      expect(rerun.config).toEqual(tinyConfig());
      await log.waitForStatus(rerun.id, 'completed');
      const [first, second] = await client.invoke('metrics.series', {
        runIds: [ids.run, rerun.id],
        metrics: ['loss'],
      });
      expect(second.y).toEqual(first.y);
      expect((await rejection(client.invoke('runs.rerun', { id: 9999 }))).code).toBe('not-found');
      expect(await client.invoke('runs.delete', { id: rerun.id })).toBeNull();
      expect((await rejection(client.invoke('runs.delete', { id: rerun.id }))).code).toBe('not-found');
    });

    it('refuses to delete a dataset that runs use, and deletes one that none use', async () => {
      const inUse = await rejection(client.invoke('datasets.delete', { id: ids.builtin }));
      expect(inUse.code).toBe('conflict');
      expect(inUse.message).toContain('used by');
      const changes = log.count((e) => e.event === 'datasets.changed');
      expect(await client.invoke('datasets.delete', { id: ids.trend })).toBeNull();
      await log.waitFor('datasets.changed', () => log.count((e) => e.event === 'datasets.changed') > changes);
      expect((await rejection(client.invoke('datasets.get', { id: ids.trend }))).code).toBe('not-found');
    });

    it('refuses malformed calls with invalid-arguments naming the field', async () => {
      const cases = malformedCalls(ids.builtin);
      for (const [method, args, field] of cases) {
        const envelope = await connection.rawInvoke(method, args);
        expect(envelope.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
        if (envelope.ok) continue;
        expect(envelope.error.code).toBe('invalid-arguments');
        expect(envelope.error.field).toBe(field);
        expect(envelope.error.message.startsWith(`${field}: `)).toBe(true);
      }
      const typed = await rejection(client.invoke('nope' as LabMethodName, {}));
      expect(typed).toMatchObject({ code: 'invalid-arguments', field: 'method' });
      expect(typed.message).toBe('method: "nope" is not a lab API method');
      expect(
        (await rejection(client.invoke('runs.create', { datasetId: 9999, config: tinyConfig() }))).field,
      ).toBe('datasetId');
    });

    it('answers through the transport exactly what the service answers', async () => {
      const model = await client.invoke('models.get', { runId: ids.run, kind: 'best' });
      const calls: [LabMethodName, unknown][] = [
        ['datasets.list', {}],
        ['runs.list', { orderBy: 'bestValAccuracy', descending: true }],
        ['experiments.list', {}],
        ['metrics.summaries', { runId: ids.run }],
        ['metrics.profiles', { runId: ids.run }],
        ['metrics.series', { runIds: [ids.run], metrics: ['loss', 'grad_norm/layers.0.W'], x: 'wall' }],
        ['datasets.preview', { id: ids.trendPair, perClass: 1, split: 'test' }],
        ['models.unroll', { text: model.text, datasetId: ids.builtin, split: 'train', index: 5 }],
      ];
      for (const [method, args] of calls) {
        const direct = await connection.lab.service.call(method, args);
        expect(direct.ok).toBe(true);
        expect(await connection.rawInvoke(method, args)).toEqual(direct);
      }
    });
  });
}
