// The `lab` command end to end, in real child processes.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runLab, tempDir } from '../../helpers/runLab';

const trend = join(repoRoot, 'test/fixtures/datasets/trend.json');

describe('lab train, eval, predict, grad', () => {
  const dir = tempDir();
  const modelPath = join(dir, 'model.json');

  it('trains, reports the final figures as JSON and writes the model', async () => {
    const run = await runLab([
      'train',
      '--data',
      trend,
      '--test',
      trend,
      '--epochs',
      '15',
      '--hidden',
      '8',
      '--batch',
      '4',
      '--seed',
      '3',
      '--val-split',
      '0',
      '--out',
      modelPath,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.status).toBe('completed');
    expect(doc.epochs).toBe(15);
    for (const key of ['trainAccuracy', 'testAccuracy', 'seconds']) expect(typeof doc[key]).toBe('number');
    expect(doc.dataset.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const model = JSON.parse(readFileSync(modelPath, 'utf8'));
    expect(model.format).toBe('rnn-lab/model');
    expect(model.classLabels).toEqual(['down', 'up']);
    expect(model.training.datasetFingerprint).toBe(doc.dataset.fingerprint);
  });

  it('evaluates the model with its confusion matrix', async () => {
    const run = await runLab(['eval', '--model', modelPath, '--data', trend, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.sequences).toBe(24);
    expect(doc.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(24);
    expect(doc.accuracy).toBeGreaterThan(0.8);
    const text = await runLab(['eval', '--model', modelPath, '--data', trend]);
    expect(text.stdout).toContain('confusion');
  });

  it('predicts a class and probabilities per sequence', async () => {
    const run = await runLab(['predict', '--model', modelPath, '--data', trend, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.predictions).toHaveLength(24);
    const first = doc.predictions[0];
    expect(first.probabilities.up + first.probabilities.down).toBeCloseTo(1, 10);
    expect(['up', 'down']).toContain(first.predicted);
  });

  it('prints the float64 gradient in the model JSON layout', async () => {
    const run = await runLab(['grad', '--model', modelPath, '--data', trend, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.logits).toHaveLength(24);
    expect(doc.grads.layers).toHaveLength(1);
    expect(doc.grads.layers[0].U).toHaveLength(8);
    expect(doc.grads.layers[0].U[0]).toHaveLength(2);
    expect(doc.grads.layers[0].W).toHaveLength(8);
    expect(doc.grads.head.V).toHaveLength(2);
    expect(doc.grads.head.B).toHaveLength(2);
    expect(doc.loss).toBeGreaterThan(0);
  });
});

describe('lab inspect', () => {
  it('describes a built-in dataset', async () => {
    const run = await runLab(['inspect', '--data', 'builtin:temporal-order?T=20&n=40', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.features).toBe(6);
    expect(doc.sequences).toBe(40);
    expect(doc.classes.map((c: { label: string }) => c.label)).toEqual(['AA', 'AB', 'BA', 'BB']);
    expect(doc.minLength).toBe(20);
    expect(doc.test.sequences).toBeGreaterThan(0);
  });

  it('describes a file as text', async () => {
    const run = await runLab(['inspect', '--data', trend]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sequences    24');
    expect(run.stdout).toContain('3 to 8');
  });
});

describe('exit codes and messages', () => {
  it('exits 2 on usage errors', async () => {
    for (const args of [
      ['train'],
      ['train', '--data', trend, '--hidden', 'abc'],
      ['train', '--data', trend, '--lr', '-1'],
      ['train', '--data', trend, '--cell', 'lstm'],
      ['train', '--data', trend, '--bogus'],
      ['frobnicate'],
      ['bench', '--only', 'huge'],
    ]) {
      const run = await runLab(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('names the flag of a bad value', async () => {
    const run = await runLab(['train', '--data', trend, '--val-split', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--val-split');
  });

  it('exits 1 naming the file and the problem on bad data', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"sequences": [[[1, 2]], [[3, "x"]]], "labels": ["a", "b"]}');
    const run = await runLab(['train', '--data', broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken.json');
    expect(run.stderr).toContain('sequences[1][0][1]');

    const missing = await runLab(['inspect', '--data', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json');

    const unknown = await runLab(['inspect', '--data', 'builtin:no-such-task']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no-such-task');
  });

  it('exits 1 naming the field of a bad model', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad-model.json');
    writeFileSync(bad, JSON.stringify({ format: 'rnn-lab/model', version: 7 }));
    const run = await runLab(['eval', '--model', bad, '--data', trend]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad-model.json');
    expect(run.stderr).toContain('version');
    expect(existsSync(bad)).toBe(true);
  });
});

describe('lab bench', () => {
  it('measures training throughput as JSON', async () => {
    const run = await runLab(['bench', '--only', 'tiny,jv', '--seconds', '0.2', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.configs.map((c: { name: string }) => c.name)).toEqual(['jv', 'tiny']);
    for (const c of doc.configs) expect(c.sequencesPerSecond).toBeGreaterThan(0);
  });
});
