// The .ts (UEA/UCR archive) parser: hand-written fixtures read in many chunk sizes, every
// validation error naming the file, the line and the reason, fast-check properties (never
// throws, round trip), and the real archive files when ../shared/datasets is present.

import fc from 'fast-check';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDataError, type DataResult } from '../../../../core/data/dataError';
import type { MissingPolicy, ParsedDataset } from '../../../../core/data/formats/parserTypes';
import { parseTsFile } from '../../../../core/data/formats/tsFormat';
import {
  ARCHIVE_ABSENT_REASON,
  CHUNK_SIZES,
  parserHarness,
  sharedDatasets,
} from '../../../helpers/parserHarness';

const FIXTURES = resolve(__dirname, '../../../fixtures/ts');
const { parse, parseOk, expectError } = parserHarness(parseTsFile, 'bad.ts');

/** Fixtures are named *.ts.txt so that tsc, ESLint and Prettier do not read them as TypeScript. */
function fixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
}

/** Rows of sequence i as [t][j], for readable expectations. */
function steps(parsed: ParsedDataset, i: number): number[][] {
  const { numFeatures, sequences } = parsed.dataset;
  const rows: number[][] = [];
  for (let t = 0; t < sequences[i].length / numFeatures; t++) {
    rows.push(Array.from(sequences[i].subarray(t * numFeatures, (t + 1) * numFeatures)));
  }
  return rows;
}

const HEAD = ['@problemName Demo', '@classLabel true a b', '@data'].join('\n');
const withRows = (...rows: string[]): string => `${HEAD}\n${rows.join('\n')}\n`;

describe('parseTsFile: the hand-written fixtures', () => {
  it.each(CHUNK_SIZES)('reads a univariate, equal-length file (chunks of %i)', async (chunkSize) => {
    const parsed = await parseOk(fixture('univariate_TRAIN.ts'), {
      chunkSize,
      fileName: 'univariate_TRAIN.ts',
    });
    expect(parsed.format).toBe('ts');
    expect(parsed.dataset.name).toBe('TinyUnivariate');
    expect(parsed.dataset.numFeatures).toBe(1);
    expect(Array.from(parsed.dataset.sequences[1])).toEqual([-1, -2.5, 300, 0.25]);
    expect(parsed.dataset.classLabels).toEqual(['1', '2']);
    expect(parsed.declaredClassLabels).toEqual(['1', '2']);
    expect(Array.from(parsed.dataset.labels)).toEqual([0, 1, 0]);
    expect(parsed.missingValues).toBe(0);
  });

  it.each(CHUNK_SIZES)(
    'reads a multivariate, unequal-length file with a BOM, CRLF and comments (chunks of %i)',
    async (chunkSize) => {
      const text = fixture('gestures_TEST.ts');
      expect(text.startsWith('\uFEFF') && text.includes('\r\n')).toBe(true);
      const parsed = await parseOk(text, { chunkSize, fileName: 'data/gestures_TEST.ts' });
      expect(parsed.dataset.name).toBe('gestures');
      expect(parsed.dataset.numFeatures).toBe(2);
      expect(steps(parsed, 0)).toEqual([
        [1, 4],
        [2, 5],
        [3, 6],
      ]);
      expect(steps(parsed, 1)).toEqual([
        [0.5, -1],
        [0.25, -2],
      ]);
      expect(steps(parsed, 2)).toEqual([[7, 8]]);
      // The declared order, not a sort: class k means the same in every file of the problem.
      expect(parsed.dataset.classLabels).toEqual(['walking', '10', '2']);
      expect(Array.from(parsed.dataset.labels)).toEqual([2, 0, 1, 2]);
    },
  );

  it.each([
    [
      'forward',
      [
        [1, 5],
        [1, 5],
        [3, 5],
      ],
      [
        [0, 4],
        [0, 4],
      ],
      6,
    ],
    [
      'zero',
      [
        [1, 0],
        [0, 5],
        [3, 0],
      ],
      [
        [0, 4],
        [0, 0],
      ],
      6,
    ],
  ] as const)('fills missing values under %s and counts them', async (missing, first, second, count) => {
    const parsed = await parseOk(fixture('missing.ts'), { missing, chunkSize: 3 });
    expect(steps(parsed, 0)).toEqual(first);
    expect(steps(parsed, 1)).toEqual(second);
    expect(parsed.missingValues).toBe(count);
  });

  it('refuses missing values by default, saying how to allow them', async () => {
    const message = await expectError(fixture('missing.ts'), 'non-numeric', 8, 'missing value ("?")', {
      fileName: 'missing.ts',
    });
    expect(message).toContain('column 3');
    expect(message).toContain('value 2 of dimension 1');
    expect(message).toContain('"forward"');
    expect(message).toContain('"zero"');
  });

  it.each(CHUNK_SIZES)(
    'reads (timestamp,value) pairs in the order written, dropping the timestamps (chunks of %i)',
    async (chunkSize) => {
      const parsed = await parseOk(fixture('timestamps.ts'), { chunkSize, missing: 'forward' });
      expect(parsed.dataset.name).toBe('Stamped');
      expect(steps(parsed, 0)).toEqual([
        [1.5, 10],
        [2.5, 20],
      ]);
      expect(steps(parsed, 1)).toEqual([
        [3, 6],
        [4, 7],
        [5, 7],
      ]);
      expect(parsed.missingValues).toBe(1);
      expect(parsed.dataset.classLabels).toEqual(['up', 'down']);
    },
  );
});

describe('parseTsFile: headers, labels and names', () => {
  it('orders undeclared labels naturally ("2" before "10") and reports none declared', async () => {
    const parsed = await parseOk('@data\n1,2:10\n3,4:2\n5,6:10\n');
    expect(parsed.dataset.classLabels).toEqual(['2', '10']);
    expect(Array.from(parsed.dataset.labels)).toEqual([1, 0, 1]);
    expect(parsed.declaredClassLabels).toBeNull();
  });

  it('keeps labels as written, trimmed', async () => {
    const parsed = await parseOk('@classLabel true Standing Running\n@data\n1: Running\n2:Standing \n');
    expect(parsed.dataset.classLabels).toEqual(['Standing', 'Running']);
    expect(Array.from(parsed.dataset.labels)).toEqual([1, 0]);
  });

  it('keeps a declared class that no row uses', async () => {
    const parsed = await parseOk('@classLabel true x y z\n@data\n1:z\n2:x\n');
    expect(parsed.dataset.classLabels).toEqual(['x', 'y', 'z']);
    expect(Array.from(parsed.dataset.labels)).toEqual([2, 0]);
  });

  it('names the dataset after @problemName, else the file without folder, extension and _TRAIN/_TEST', async () => {
    const rows = '@data\n1:a\n2:b\n';
    expect((await parseOk(rows, { fileName: 'C:\\data\\Wafer_TRAIN.ts' })).dataset.name).toBe('Wafer');
    expect((await parseOk(rows, { fileName: 'x/Wafer_test.ts' })).dataset.name).toBe('Wafer');
    expect((await parseOk(rows, { fileName: 'plain.ts' })).dataset.name).toBe('plain');
    expect((await parseOk(`@problemName My Problem\n${rows}`)).dataset.name).toBe('My Problem');
  });

  it('accepts header keys in any case, blank lines, comments, spaces and tabs around values', async () => {
    const text =
      '\n# c\n  @PROBLEMNAME p\n@TimeStamps FALSE\n\t@DIMENSIONS 2\n@data\n\n 1 , 2 :\t3,4 : a\n5,6:7,8:b\n';
    const parsed = await parseOk(text);
    expect(steps(parsed, 0)).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('accepts @targetLabel false, NaN as a missing value and numbers in every decimal spelling', async () => {
    const parsed = await parseOk('@targetLabel false\n@data\n.5,5.,+1,-1E-2,NaN,nan:a\n1:b\n', {
      missing: 'zero',
    });
    expect(steps(parsed, 0).flat()).toEqual([0.5, 5, 1, -0.01, 0, 0]);
    expect(parsed.missingValues).toBe(2);
  });

  it('reads CR-only line endings', async () => {
    const parsed = await parseOk('@data\r1:a\r2:b\r');
    expect(parsed.dataset.sequences.length).toBe(2);
  });
});

describe('parseTsFile: every error names the file, the line and the reason', () => {
  it('refuses an unknown header key, naming it', async () => {
    const message = await expectError('@problemName x\n@colour red\n@data\n', 'bad-field', 2, '@colour');
    expect(message).toContain('is not a .ts header key');
  });

  it('refuses regression files', async () => {
    await expectError(
      '@problemName r\n@targetLabel true\n@data\n1,2:3.5\n',
      'bad-field',
      2,
      'regression files are not supported; RNN Lab classifies',
    );
  });

  it.each([
    ['@univariate maybe\n@data\n', 1, '@univariate is "maybe"; expected true or false'],
    ['@timeStamps\n@data\n', 1, '@timeStamps is ""; expected true or false'],
    ['@dimensions two\n@data\n', 1, '@dimensions is "two"; expected a positive whole number'],
    ['@seriesLength 0\n@data\n', 1, '@seriesLength is "0"; expected a positive whole number'],
    ['@problemName\n@data\n', 1, "@problemName has no value; expected the problem's name"],
    ['@classLabel maybe\n@data\n', 1, '@classLabel is "maybe"; expected true followed by the class names'],
    ['@classLabel true\n@data\n', 1, '@classLabel is true but names no classes'],
    ['@missing true\n@MISSING false\n@data\n', 2, '@missing appears again (first on line 1)'],
    ['@data now\n1:a\n', 1, '@data has "now" after it'],
    ['@univariate true\n@dimensions 3\n@data\n', 2, '@dimensions is 3, but @univariate true (line 1)'],
  ])('refuses a bad header value: %j', async (text, line, reason) => {
    await expectError(text, 'bad-field', line, reason);
  });

  it('refuses a repeated declared class and @classLabel false', async () => {
    await expectError('@classLabel true a b a\n@data\n', 'duplicate-label', 1, '@classLabel names "a" twice');
    await expectError(
      '#\n@classLabel false\n@data\n1,2\n',
      'missing-label',
      2,
      'the file has no class labels',
    );
  });

  it('refuses a header line after @data', async () => {
    await expectError(
      withRows('1:a', '@dimensions 1', '2:b'),
      'bad-field',
      5,
      '@dimensions comes after @data (line 3)',
    );
  });

  it('refuses a data row before @data', async () => {
    await expectError(
      '@problemName x\n1,2,3:a\n@data\n',
      'missing-field',
      2,
      '@data is missing before the data row "1,2,3:a"',
    );
  });

  it('refuses a file without @data, without rows, or without anything', async () => {
    await expectError('@problemName x\n@classLabel true a b\n', 'missing-field', null, '@data is missing');
    await expectError(
      '# c\n@problemName x\n@data\n\n# only comments\n',
      'no-sequences',
      3,
      'no data rows after @data',
    );
    await expectError('', 'empty-file', null, 'the file has no header and no data');
    await expectError(
      '\uFEFF \n\r\n# just a comment\n',
      'empty-file',
      null,
      'the file has no header and no data',
    );
  });

  it('refuses a file over maxBytes', async () => {
    const message = await expectError(
      withRows('1,2,3:a', '4,5,6:b'),
      'too-large',
      null,
      'larger than the limit',
      { maxBytes: 40 },
    );
    expect(message).toContain('40 bytes');
  });

  it.each([
    ['1,abc,3:a', 'value 2 of dimension 1 is "abc"; expected a number', 3],
    ['1,2:3,-:b', 'value 2 of dimension 2 is "-"', 7],
    ['1,,3:a', 'value 2 of dimension 1 is empty', 3],
    ['1,2,:a', 'value 3 of dimension 1 is empty', 5],
    ['0x10:a', 'value 1 of dimension 1 is "0x10"', 1],
    ['1 2:a', 'value 1 of dimension 1 is "1 2"', 1],
    ['(1,2),(3,4):a', 'looks like a (timestamp,value) pair, which needs @timeStamps true', 1],
  ])('refuses a non-numeric value: %j', async (row, reason, column) => {
    const message = await expectError(withRows('1,2:3,4:a', row), 'non-numeric', 5, reason);
    expect(message).toContain(`column ${column}`);
  });

  it.each(['1e999', '-1e400', 'Infinity', '-inf', 'INF'])('refuses the infinite value %s', async (token) => {
    await expectError(withRows('1,2:b', `3,${token}:a`), 'non-finite', 5, `is "${token}", which is infinite`);
  });

  it('refuses a missing value that @missing false rules out, whatever the policy', async () => {
    const text = `@missing false\n${withRows('1,?:a')}`;
    await expectError(text, 'non-numeric', 5, '@missing false (line 1) declares that the file has none', {
      missing: 'forward',
    });
  });

  it('refuses an empty sequence', async () => {
    await expectError(withRows('1:a', ':b'), 'empty-sequence', 5, 'the row has no values');
  });

  it('refuses a ragged row, naming the dimension', async () => {
    const message = await expectError(
      withRows('1,2,3:4,5,6:7,8:a'),
      'ragged',
      4,
      'dimension 3 has 2 values; expected 3',
    );
    expect(message).toContain('column 13');
  });

  it('refuses a row whose dimension count differs from @dimensions, @univariate or the first row', async () => {
    await expectError(
      `@dimensions 2\n${withRows('1,2:3,4:a', '1:2:3:b')}`,
      'ragged',
      6,
      'the row has 3 dimensions; expected 2, as @dimensions declares on line 1',
    );
    await expectError(
      `@univariate true\n${withRows('1,2:3,4:a')}`,
      'ragged',
      5,
      'expected 1, as @univariate true declares on line 1',
    );
    await expectError(
      withRows('1:2:a', '1:b'),
      'ragged',
      5,
      'the row has 1 dimension; expected 2, as in the first data row (line 4)',
    );
  });

  it('refuses lengths that contradict @equalLength true or @seriesLength', async () => {
    await expectError(
      `@equalLength true\n${withRows('1,2:a', '1,2,3:b')}`,
      'length-mismatch',
      6,
      'the sequence has length 3, but the first data row (line 5) has length 2 and @equalLength true (line 1)',
    );
    await expectError(
      `@seriesLength 2\n${withRows('1,2:a', '1:b')}`,
      'length-mismatch',
      6,
      'length 1; expected 2, as @seriesLength declares on line 1',
    );
    const parsed = await parseOk(`@equalLength false\n${withRows('1,2:a', '1,2,3:b')}`);
    expect(parsed.dataset.sequences.length).toBe(2);
  });

  it('refuses a label outside @classLabel, and a single class', async () => {
    await expectError(
      withRows('1:a', '2:b', '3:c'),
      'unknown-label',
      6,
      'class label "c" is not among the declared classes',
    );
    await expectError(withRows('1:a', '2:a'), 'single-class', null, 'every sequence has the class "a"');
  });

  it.each([
    ['1,2,3', 'the row has no class label', 6],
    ['1,2,3:', 'nothing after its last ":"', 7],
    ['1,2:?', 'the class label is missing ("?")', 5],
    ['1,2:3,4', 'the row ends in "3,4" after its last ":", which looks like values', 5],
  ])('refuses a row without a label: %j', async (row, reason, column) => {
    const message = await expectError(withRows('1,2:a', row), 'missing-label', 5, reason);
    expect(message).toContain(`column ${column}`);
  });

  it.each([
    [
      '(1,2),3:a',
      'pair 2 of dimension 1 is "3"; expected a (timestamp,value) pair, as @timeStamps true (line 1)',
    ],
    ['(1,2),(3,4:a', 'pair 2 of dimension 1 is never closed'],
    ['(1,2),(34):a', 'pair 2 of dimension 1 is "(34)"; expected (timestamp,value)'],
    ['(1,2),( ,4):a', 'pair 2 of dimension 1 is "( ,4)"'],
    ['(1,2),:a', 'pair 2 of dimension 1 is missing after ","'],
    ['(1,2) x:a', 'dimension 1 has "x" after pair 1; expected "," or ":"'],
    ['(1,x):a', 'value 1 of dimension 1 is "x"'],
  ])('refuses a malformed timestamped row: %j', async (row, reason) => {
    await expectError(`@timeStamps true\n${withRows('(0,1),(1,2):a', row)}`, 'non-numeric', 6, reason);
  });
});

// A test-side writer of .ts text, for the properties.
interface Generated {
  sequences: number[][][]; // [i][t][j]
  labels: string[];
}

function writeTs(data: Generated, timeStamps: boolean): string {
  const header = [`@problemName Generated`, `@timeStamps ${timeStamps}`, '@classLabel true x 10 2', '@data'];
  const rows = data.sequences.map((sequence, i) => {
    const dims = sequence[0].map((_, j) =>
      sequence.map((step, t) => (timeStamps ? `(${t}:00,${step[j]})` : String(step[j]))).join(','),
    );
    return `${dims.join(':')}:${data.labels[i]}`;
  });
  return [...header, ...rows].join('\n');
}

const generated: fc.Arbitrary<Generated> = fc
  .record({ dims: fc.integer({ min: 1, max: 3 }), count: fc.integer({ min: 2, max: 5 }) })
  .chain(({ dims, count }) =>
    fc.record({
      sequences: fc.array(
        fc.array(
          fc.array(
            fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
            { minLength: dims, maxLength: dims },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        { minLength: count, maxLength: count },
      ),
      labels: fc.array(fc.constantFrom('x', '10', '2'), { minLength: count, maxLength: count }),
    }),
  )
  // At least two classes, so the unmutated file is valid.
  .map((g) => ({ ...g, labels: g.labels.map((l, i) => (i === 0 ? 'x' : i === 1 ? '2' : l)) }));

function checkResult(result: DataResult<ParsedDataset>, fileName: string): void {
  if (result.ok) {
    const d = result.value.dataset;
    expect(d.numFeatures).toBeGreaterThan(0);
    expect(d.classLabels.length).toBeGreaterThanOrEqual(2);
    expect(d.labels.length).toBe(d.sequences.length);
    for (let i = 0; i < d.sequences.length; i++) {
      expect(d.sequences[i].length).toBeGreaterThan(0);
      expect(d.sequences[i].length % d.numFeatures).toBe(0);
      expect(d.sequences[i].every(Number.isFinite)).toBe(true);
      expect(d.labels[i]).toBeGreaterThanOrEqual(0);
      expect(d.labels[i]).toBeLessThan(d.classLabels.length);
    }
    return;
  }
  expect(result.error.file).toBe(fileName);
  expect(formatDataError(result.error).startsWith(fileName)).toBe(true);
  expect(result.error.message.length).toBeGreaterThan(0);
  if (result.error.line !== undefined) expect(result.error.line).toBeGreaterThanOrEqual(1);
  if (result.error.column !== undefined) expect(result.error.column).toBeGreaterThanOrEqual(1);
}

type Mutation = (text: string) => string;
const at = (text: string, n: number): number => n % (text.length + 1);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 10 })).map(
    ([n, count]): Mutation =>
      (t) =>
        t.slice(0, at(t, n)) + t.slice(at(t, n) + count),
  ),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 5 })).map(
    ([n, s]): Mutation =>
      (t) =>
        t.slice(0, at(t, n)) + s + t.slice(at(t, n)),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        ':',
        ',',
        '?',
        '(',
        ')',
        '@',
        '#',
        '\n',
        '\r',
        ' ',
        '1e999',
        'NaN',
        '-',
        '@data',
        '@targetLabel true',
      ),
    )
    .map(
      ([n, token]): Mutation =>
        (t) =>
          t.slice(0, at(t, n)) + token + t.slice(at(t, n) + 1),
    ),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]): Mutation => (t) => {
    const lines = t.split('\n');
    const [i, k] = [n % lines.length, m % lines.length];
    const choice = (n + m) % 3;
    if (choice === 0) lines.splice(i, 1);
    else if (choice === 1) lines.splice(i, 0, lines[k]);
    else lines[i] = lines[k];
    return lines.join('\n');
  }),
);

describe('parseTsFile: properties', () => {
  it('gives back what a writer wrote, in any chunk sizes, with and without timestamps', async () => {
    await fc.assert(
      fc.asyncProperty(
        generated,
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        async (data, timeStamps, chunkSize) => {
          const parsed = await parseOk(writeTs(data, timeStamps), { chunkSize });
          const { dataset } = parsed;
          expect(dataset.classLabels).toEqual(['x', '10', '2']);
          expect(dataset.numFeatures).toBe(data.sequences[0][0].length);
          data.sequences.forEach((sequence, i) => {
            expect(Array.from(dataset.sequences[i])).toEqual(sequence.flat());
            expect(dataset.classLabels[dataset.labels[i]]).toBe(data.labels[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads every decimal spelling exactly as Number() does', async () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits(12),
        fc.option(digits(12)),
        fc.option(
          fc.tuple(
            fc.constantFrom('e', 'E'),
            fc.constantFrom('', '-', '+'),
            fc.integer({ min: 0, max: 400 }),
          ),
        ),
      )
      .map(([sign, whole, fraction, exponent]) => {
        const mantissa = fraction === null ? whole || '0' : `${whole}.${fraction || '0'}`;
        return `${sign}${mantissa}${exponent === null ? '' : exponent.join('')}`;
      })
      .filter((token) => Number.isFinite(Number(token)));
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 8 }), async (tokens) => {
        const parsed = await parseOk(`@data\n${tokens.join(',')}:a\n0:b\n`, { chunkSize: 1000 });
        Array.from(parsed.dataset.sequences[0]).forEach((x, k) =>
          expect(Object.is(x, Number(tokens[k]))).toBe(true),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on random text', async () => {
    const tsAlphabet = fc.string({
      unit: fc.constantFrom(
        '@data\n',
        '@classLabel true a b\n',
        ':',
        ',',
        '?',
        '(',
        ')',
        '1',
        '-2.5',
        'a',
        'b',
        '\n',
        '\r\n',
        ' ',
        '#',
      ),
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), tsAlphabet),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom<MissingPolicy>('refuse', 'forward', 'zero'),
        async (text, chunkSize, missing) => {
          checkResult(await parse(text, { chunkSize, missing, fileName: 'random.ts' }), 'random.ts');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on mutated valid files', async () => {
    await fc.assert(
      fc.asyncProperty(
        generated,
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom<MissingPolicy>('refuse', 'forward', 'zero'),
        async (data, timeStamps, mutations, chunkSize, missing) => {
          const text = mutations.reduce((t, m) => m(t), writeTs(data, timeStamps));
          checkResult(await parse(text, { chunkSize, missing, fileName: 'mutated.ts' }), 'mutated.ts');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const haveArchive = existsSync(sharedDatasets);
const archiveSuite = haveArchive
  ? `parseTsFile: the real archive files in ${sharedDatasets}`
  : ARCHIVE_ABSENT_REASON;

describe.skipIf(!haveArchive)(archiveSuite, () => {
  /** Streams the file in 4 KiB chunks, which split numbers and lines. */
  async function parseArchive(problem: string, split: 'TRAIN' | 'TEST'): Promise<ParsedDataset> {
    const fileName = `${problem}_${split}.ts`;
    const chunks = createReadStream(join(sharedDatasets, problem, fileName), {
      encoding: 'utf8',
      highWaterMark: 4096,
    });
    const result = await parseTsFile(chunks as AsyncIterable<string>, {
      fileName,
      missing: 'refuse',
      maxBytes: 1 << 30,
    });
    if (!result.ok) throw new Error(formatDataError(result.error));
    return result.value;
  }

  function lengths(parsed: ParsedDataset): [number, number] {
    const { sequences, numFeatures } = parsed.dataset;
    const all = sequences.map((s) => s.length / numFeatures);
    return [Math.min(...all), Math.max(...all)];
  }

  const digits = (n: number): string[] => Array.from({ length: n }, (_, k) => String(k + 1));

  it.each([
    ['JapaneseVowels', 'TRAIN', 270, 12, [7, 26], digits(9)],
    ['JapaneseVowels', 'TEST', 370, 12, [7, 29], digits(9)],
    ['BasicMotions', 'TRAIN', 40, 6, [100, 100], ['Standing', 'Running', 'Walking', 'Badminton']],
    ['BasicMotions', 'TEST', 40, 6, [100, 100], ['Standing', 'Running', 'Walking', 'Badminton']],
    ['ArrowHead', 'TRAIN', 36, 1, [251, 251], ['0', '1', '2']],
    ['ArrowHead', 'TEST', 175, 1, [251, 251], ['0', '1', '2']],
    ['ItalyPowerDemand', 'TRAIN', 67, 1, [24, 24], ['1', '2']],
    ['ItalyPowerDemand', 'TEST', 1029, 1, [24, 24], ['1', '2']],
  ] as const)(
    '%s_%s: %i sequences of %i features',
    async (problem, split, count, features, range, classes) => {
      const parsed = await parseArchive(problem, split);
      expect(parsed.dataset.name).toBe(problem);
      expect(parsed.dataset.sequences.length).toBe(count);
      expect(parsed.dataset.numFeatures).toBe(features);
      expect(lengths(parsed)).toEqual(range);
      expect(parsed.dataset.classLabels).toEqual(classes);
      expect(new Set(parsed.dataset.labels).size).toBe(classes.length);
    },
  );

  it('JapaneseVowels_TEST.ts: the values land row-major [t][j], fast', async () => {
    const started = performance.now();
    const parsed = await parseArchive('JapaneseVowels', 'TEST');
    expect(performance.now() - started).toBeLessThan(1000);
    // The first row begins "1.635533,1.547694,...:0.024848,0.008754,...".
    expect(Array.from(parsed.dataset.sequences[0].subarray(0, 2))).toEqual([1.635533, 0.024848]);
    expect(parsed.dataset.sequences[0][12]).toBe(1.547694);
    expect(parsed.dataset.classLabels[parsed.dataset.labels[369]]).toBe('9');
  });
});
