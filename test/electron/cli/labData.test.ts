// `lab inspect` and `lab train` on every file format, real archive files, and bad input.

import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runLab, tempDir } from '../../helpers/runLab';

const fixture = (...parts: string[]) => join(repoRoot, 'test/fixtures', ...parts);

async function inspect(...args: string[]) {
  const run = await runLab(['inspect', ...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('lab inspect reads every format', () => {
  it('UEA/UCR .ts (given explicitly), .arff, UCR wide, long CSV', async () => {
    expect((await inspect('--data', fixture('ts/univariate_TRAIN.ts.txt'), '--format', 'ts')).format).toBe(
      'ts',
    );
    expect((await inspect('--data', fixture('arff/multivariate.arff'))).format).toBe('arff');
    expect((await inspect('--data', fixture('ucr/tabs_TRAIN.tsv'))).format).toBe('ucr');
    const long = await inspect('--data', fixture('csv/interleaved.csv'));
    expect(long.format).toBe('long-csv');
  });

  it('fills missing values when asked and counts them', async () => {
    const refused = await runLab(['inspect', '--data', fixture('ts/missing.ts.txt'), '--format', 'ts']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('missing.ts.txt');
    expect(refused.stderr).toMatch(/line \d+/);
    const filled = await inspect(
      '--data',
      fixture('ts/missing.ts.txt'),
      '--format',
      'ts',
      '--missing',
      'forward',
    );
    expect(filled.missingValues).toBeGreaterThan(0);
  });

  it('refuses bad files with the file, the line and the reason, and exit 1', async () => {
    const dir = tempDir();
    const cases: [string, string, RegExp][] = [
      ['ragged.ts', '@classLabel true a b\n@data\n1,2:3,4:a\n1,2:3:b\n', /line 4/],
      ['empty.csv', '', /empty/],
      ['text.tsv', 'a\t1\t2\nb\t3\tx\n', /line 2/],
      ['picture.png', 'PNG', /expected/],
      [
        'one-class.arff',
        '@relation r\n@attribute a numeric\n@attribute class {x}\n@data\n1,x\n2,x\n',
        /class/,
      ],
    ];
    for (const [name, text, pattern] of cases) {
      writeFileSync(join(dir, name), text);
      const run = await runLab(['inspect', '--data', join(dir, name)]);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toContain(name);
      expect(run.stderr, name).toMatch(pattern);
    }
  });

  it('refuses a test file with a class the training file lacks', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'X_TRAIN.tsv'), '1\t0.1\t0.2\n2\t0.3\t0.4\n');
    writeFileSync(join(dir, 'X_TEST.tsv'), '1\t0.1\t0.2\n3\t0.3\t0.4\n');
    const run = await runLab(['inspect', '--data', join(dir, 'X_TRAIN.tsv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('X_TEST.tsv');
    expect(run.stderr).toContain('"3"');
  });
});

const shared = process.env.RNN_LAB_SHARED_DATASETS ?? resolve(repoRoot, '../shared/datasets');
const haveShared = existsSync(join(shared, 'JapaneseVowels'));

describe.skipIf(!haveShared)(
  'real archive files (../shared/datasets is absent: the real archive files are third-party data and are not in the repository)',
  () => {
    it('JapaneseVowels_TRAIN.ts brings its TEST file along', async () => {
      const doc = await inspect('--data', join(shared, 'JapaneseVowels/JapaneseVowels_TRAIN.ts'));
      expect(doc.format).toBe('ts');
      expect(doc.sequences).toBe(270);
      expect(doc.features).toBe(12);
      expect(doc.classes.map((c: { label: string }) => c.label)).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
      ]);
      expect([doc.minLength, doc.maxLength, doc.equalLength]).toEqual([7, 26, false]);
      expect(doc.test.sequences).toBe(370);
    });

    it('trains on BasicMotions .arff with its TEST file', async () => {
      const run = await runLab([
        'train',
        '--data',
        join(shared, 'BasicMotions/BasicMotions_TRAIN.arff'),
        '--epochs',
        '5',
        '--hidden',
        '16',
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const doc = JSON.parse(run.stdout);
      expect(doc.dataset.sources).toHaveLength(2);
      expect(doc.testAccuracy).toBeGreaterThan(0.25);
    }, 120_000);
  },
);
