// The Weka .arff parser: hand-written fixtures read in many chunk sizes, every validation
// error naming the file, the line and the reason, fast-check properties (never throws, round
// trip), and the real archive files, compared value by value with their .ts siblings, when
// ../shared/datasets is present.

import fc from 'fast-check';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDataError, type DataErrorCode, type DataResult } from '../../../../core/data/dataError';
import { parseArffFile } from '../../../../core/data/formats/arffFormat';
import type { MissingPolicy, ParsedDataset } from '../../../../core/data/formats/parserTypes';
import {
  ARCHIVE_ABSENT_REASON,
  CHUNK_SIZES,
  parserHarness,
  sharedDatasets,
  type HarnessOptions,
} from '../../../helpers/parserHarness';

const FIXTURES = resolve(__dirname, '../../../fixtures/arff');
const { parse, parseOk } = parserHarness(parseArffFile, 'bad.arff');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Sequence i as [t][j], for readable expectations. */
function steps(parsed: ParsedDataset, i: number): number[][] {
  const { numFeatures, sequences } = parsed.dataset;
  const rows: number[][] = [];
  for (let t = 0; t < sequences[i].length / numFeatures; t++) {
    rows.push(Array.from(sequences[i].subarray(t * numFeatures, (t + 1) * numFeatures)));
  }
  return rows;
}

function classOf(parsed: ParsedDataset, i: number): string {
  return parsed.dataset.classLabels[parsed.dataset.labels[i]];
}

async function expectError(
  text: string,
  code: DataErrorCode,
  line: number | null,
  column: number | null,
  reasons: string[],
  options: HarnessOptions = {},
): Promise<string> {
  const fileName = options.fileName ?? 'bad.arff';
  const result = await parse(text, { ...options, fileName });
  if (result.ok) throw new Error(`expected a ${code} error, but the text parsed`);
  const message = formatDataError(result.error);
  expect(result.error.code, message).toBe(code);
  expect(result.error.file).toBe(fileName);
  expect(message.startsWith(fileName)).toBe(true);
  expect(result.error.line, message).toBe(line ?? undefined);
  if (line !== null) expect(message).toContain(`line ${line}`);
  if (column !== null) expect(result.error.column, message).toBe(column);
  for (const reason of reasons) expect(message).toContain(reason);
  return message;
}

describe('parseArffFile: hand-written fixtures, in chunks of every size', () => {
  it.each(CHUNK_SIZES)(
    'univariate, with the class order the header declares (chunks of %i)',
    async (size) => {
      const parsed = await parseOk(fixture('declared-order.arff'), { chunkSize: size });
      const d = parsed.dataset;
      expect(parsed.format).toBe('arff');
      expect(d.name).toBe('tiny counts');
      expect(d.numFeatures).toBe(1);
      expect(d.classLabels).toEqual(['10', '2', '1']);
      expect(parsed.declaredClassLabels).toEqual(['10', '2', '1']);
      expect(Array.from(d.labels)).toEqual([1, 0, 2, 1]);
      expect(d.sequences.map((s) => Array.from(s))).toEqual([
        [1.5, 2, 3],
        [-0.4, 0.5, 6],
        [7, 8, 9.25],
        [0, 0, 0],
      ]);
      expect(d.sequences[0]).toBeInstanceOf(Float64Array);
      expect(parsed.missingValues).toBe(0);
    },
  );

  it.each(CHUNK_SIZES)(
    'multivariate: a relational value with \\n between dimensions (chunks of %i)',
    async (size) => {
      const parsed = await parseOk(fixture('multivariate.arff'), { chunkSize: size });
      const d = parsed.dataset;
      expect(d.name).toBe('Motions');
      expect(d.numFeatures).toBe(2);
      expect(d.classLabels).toEqual(['Standing', 'Running', 'Walking fast']);
      expect(Array.from(d.labels)).toEqual([0, 1, 2]);
      expect(steps(parsed, 0)).toEqual([
        [1, 4],
        [2, 5],
        [3, 6],
      ]);
      expect(steps(parsed, 1)).toEqual([
        [0.5, 7],
        [-1, 8],
        [2000, 9],
      ]);
      expect(steps(parsed, 2)).toEqual([
        [1, 2],
        [1, 2],
        [1, 2],
      ]);
    },
  );

  it('multivariate: real line breaks (\\n or \\r\\n) between dimensions read the same', async () => {
    const expected = await parseOk(fixture('multivariate.arff'));
    for (const eol of ['\n', '\r\n']) {
      const [header, rows] = fixture('multivariate.arff').split('@data');
      const text = `${header}@data${rows.replace(/\\n/g, eol)}`;
      for (const chunkSize of [1, 4, 1000]) {
        const parsed = await parseOk(text, { chunkSize });
        expect(parsed.dataset.sequences).toEqual(expected.dataset.sequences);
        expect(Array.from(parsed.dataset.labels)).toEqual([0, 1, 2]);
      }
    }
  });

  it('unequal lengths: the ? padding at the end is dropped, a ? inside is refused by default', async () => {
    const message = await expectError(
      fixture('unequal-lengths.arff'),
      'non-numeric',
      12,
      3,
      ['forward', 'zero'],
      {
        fileName: 'unequal-lengths.arff',
      },
    );
    expect(message).toContain('a2 is a missing value ("?")');
  });

  it.each(CHUNK_SIZES)(
    'unequal lengths: forward and zero fill the ? inside, not the padding (chunks of %i)',
    async (size) => {
      const forward = await parseOk(fixture('unequal-lengths.arff'), { missing: 'forward', chunkSize: size });
      expect(forward.dataset.sequences.map((s) => Array.from(s))).toEqual([
        [1, 2, 3, 4],
        [5, 6],
        [7, 7, 9, 10],
      ]);
      expect(forward.missingValues).toBe(1);
      const zero = await parseOk(fixture('unequal-lengths.arff'), { missing: 'zero', chunkSize: size });
      expect(Array.from(zero.dataset.sequences[2])).toEqual([7, 0, 9, 10]);
      expect(zero.missingValues).toBe(1);
    },
  );

  it('unequal multivariate: only the ? at the end of every dimension is padding', async () => {
    await expectError(
      fixture('unequal-multivariate.arff'),
      'non-numeric',
      11,
      11,
      ['dimension 2, s1', 'forward'],
      {
        fileName: 'unequal-multivariate.arff',
      },
    );
    const forward = await parseOk(fixture('unequal-multivariate.arff'), { missing: 'forward' });
    expect(steps(forward, 0)).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(forward.missingValues).toBe(1);
    const zero = await parseOk(fixture('unequal-multivariate.arff'), { missing: 'zero' });
    expect(steps(zero, 0)).toEqual([
      [1, 3],
      [2, 0],
    ]);
    expect(steps(zero, 1)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it.each(CHUNK_SIZES)('comments everywhere, and % kept inside quotes (chunks of %i)', async (size) => {
    const parsed = await parseOk(fixture('comments.arff'), { chunkSize: size });
    expect(parsed.dataset.name).toBe('commented');
    expect(parsed.dataset.classLabels).toEqual(['50%', '100%']);
    expect(parsed.dataset.sequences.map((s) => Array.from(s))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(parsed.dataset.labels)).toEqual([0, 1]);
  });

  it.each(CHUNK_SIZES)('CRLF line endings and a byte order mark (chunks of %i)', async (size) => {
    const fromFile = await parseOk(fixture('crlf-bom.arff'), { chunkSize: size });
    const inline = await parseOk(
      '\uFEFF@relation windows\r\n@attribute v1 numeric\r\n@attribute v2 numeric\r\n' +
        '@attribute class {no,yes}\r\n@data\r\n1,2,yes\r\n3,4,no\r\n',
      { chunkSize: size },
    );
    for (const parsed of [fromFile, inline]) {
      expect(parsed.dataset.name).toBe('windows');
      expect(parsed.dataset.sequences.map((s) => Array.from(s))).toEqual([
        [1, 2],
        [3, 4],
      ]);
      expect(Array.from(parsed.dataset.labels)).toEqual([1, 0]);
    }
  });
});

describe('parseArffFile: header rules', () => {
  const rows = '1,2,x\n3,4,y\n';

  it('names the dataset after the file, without _TRAIN/_TEST, when there is no @relation', async () => {
    const text = `@attribute a numeric\n@attribute b numeric\n@attribute c {x,y}\n@data\n${rows}`;
    const train = await parseOk(text, { fileName: 'data/GunPoint_TRAIN.arff' });
    expect(train.dataset.name).toBe('GunPoint');
    const test = await parseOk(text, { fileName: 'C:\\data\\GunPoint_TEST.arff' });
    expect(test.dataset.name).toBe('GunPoint');
  });

  it('takes the attribute named class or target as the class, wherever it is', async () => {
    const parsed = await parseOk(
      '@relation r\n@attribute CLASS {y,x}\n@attribute a numeric\n@attribute b numeric\n@data\nx,1,2\ny,3,4\n',
    );
    expect(parsed.dataset.classLabels).toEqual(['y', 'x']);
    expect(Array.from(parsed.dataset.labels)).toEqual([1, 0]);
    expect(parsed.dataset.sequences.map((s) => Array.from(s))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('otherwise takes the last attribute', async () => {
    const parsed = await parseOk(
      `@relation r\n@attribute a numeric\n@attribute b numeric\n@attribute kind {y,x}\n@data\n${rows}`,
    );
    expect(parsed.dataset.classLabels).toEqual(['y', 'x']);
    expect(Array.from(parsed.dataset.labels)).toEqual([1, 0]);
  });

  it('reads quoted names and values with escapes, and keywords in any case', async () => {
    const text = [
      "@RELATION 'it\\'s \"quoted\"'",
      "@ATTRIBUTE 'first step' NUMERIC",
      '@Attribute "second \\"step\\"" Real',
      '@attribute class {\'a,b\', "say \\"hi\\"", \'back\\\\slash\'}',
      '@DATA',
      "1, 2, 'a,b'",
      '3,4,"say \\"hi\\""',
      "5,6,'back\\\\slash'",
    ].join('\n');
    const parsed = await parseOk(text);
    expect(parsed.dataset.name).toBe('it\'s "quoted"');
    expect(parsed.dataset.classLabels).toEqual(['a,b', 'say "hi"', 'back\\slash']);
    expect(Array.from(parsed.dataset.labels)).toEqual([0, 1, 2]);
    expect(Array.from(parsed.dataset.sequences[2])).toEqual([5, 6]);
  });

  it('reads NaN as a missing value, as Weka does', async () => {
    const text = `@relation r\n@attribute a numeric\n@attribute b numeric\n@attribute c {x,y}\n@data\nNaN,1,x\n3,4,y\n`;
    const parsed = await parseOk(text, { missing: 'zero' });
    expect(Array.from(parsed.dataset.sequences[0])).toEqual([0, 1]);
    expect(parsed.missingValues).toBe(1);
  });

  it('keeps every declared class, used or not, in the declared order', async () => {
    const text = `@relation r\n@attribute a numeric\n@attribute c {z,y,x}\n@data\n1,x\n2,y\n`;
    const parsed = await parseOk(text);
    expect(parsed.dataset.classLabels).toEqual(['z', 'y', 'x']);
    expect(Array.from(parsed.dataset.labels)).toEqual([2, 1]);
  });
});

describe('parseArffFile: every error names the file, the line and the reason', () => {
  const UNI = (body: string): string =>
    `@relation r\n@attribute a1 numeric\n@attribute a2 numeric\n@attribute class {x,y}\n@data\n${body}`;
  const MV = (body: string): string =>
    '@relation m\n@attribute rel relational\n@attribute t0 numeric\n@attribute t1 numeric\n' +
    `@attribute t2 numeric\n@end rel\n@attribute class {x,y}\n@data\n${body}`;

  it('a non-numeric value, quoted in the message', async () => {
    const message = await expectError(UNI('1,2,x\n1,abc,y'), 'non-numeric', 7, 3, [
      'a2 is "abc"',
      'expected a number',
    ]);
    expect(message).toBe(
      'bad.arff, line 7, column 3: a2 is "abc"; expected a number, or ? for a missing value',
    );
  });

  it('a non-numeric value inside a relational value', async () => {
    await expectError(MV("'1,2,3\\n4,x5,6',x"), 'non-numeric', 9, 11, ['dimension 2, t1 is "x5"']);
  });

  it('an empty value and a quoted ?', async () => {
    await expectError(UNI('1,,x'), 'non-numeric', 6, 3, ['a2 is empty']);
    await expectError(UNI("1,'?',x"), 'non-numeric', 6, 4, ['quoted "?"']);
  });

  it('infinite values', async () => {
    await expectError(UNI('1e999,2,x\n1,2,y'), 'non-finite', 6, 1, [
      'a1 is "1e999"',
      'expected a finite number',
    ]);
    await expectError(UNI('1,-Infinity,x\n1,2,y'), 'non-finite', 6, 3, ['"-Infinity"', 'not finite']);
  });

  it('a missing value under the default policy says how to allow it', async () => {
    await expectError(UNI('1,2,x\n?,2,y'), 'non-numeric', 7, 1, [
      'a1 is a missing value',
      'missing-value option',
      '"forward"',
      '"zero"',
    ]);
  });

  it('an empty sequence', async () => {
    await expectError(UNI('1,2,x\n?,?,y'), 'empty-sequence', 7, null, ['no values']);
    await expectError(MV("'1,2,3\\n1,2,3',x\n'',y"), 'empty-sequence', 10, 2, ['rel is empty', 'one line']);
    await expectError(MV("'?,?,?\\n?,?,?',x"), 'empty-sequence', 9, null, ['no values']);
  });

  it('a row with the wrong number of values', async () => {
    await expectError(UNI('1,2,x\n1,y'), 'length-mismatch', 7, null, [
      'has 2 values; expected 3',
      'one per @attribute',
    ]);
    await expectError(UNI('1,2,x,'), 'length-mismatch', 6, null, ['has 4 values; expected 3']);
    await expectError(MV("'1,2,3\\n4,5,6',x,y"), 'length-mismatch', 9, null, [
      'has 3 values; expected 2',
      'relational',
    ]);
  });

  it('dimensions whose lengths differ from each other or from the inner attributes', async () => {
    await expectError(MV("'1,2,3\\n4,5',x"), 'ragged', 9, 9, ['dimension 2 has 2 values; expected 3']);
    await expectError(MV("'1,2\\n4,5',x"), 'length-mismatch', 9, 2, [
      'each dimension has 2 values; expected 3',
      'inner attribute of rel (line 2)',
    ]);
  });

  it('a row with another number of dimensions than the first', async () => {
    await expectError(MV("'1,2,3\\n4,5,6',x\n'1,2,3',y"), 'ragged', 10, 2, [
      'has 1 dimension; expected 2',
      'first data row (line 9)',
    ]);
  });

  it('a class value not in the nominal list, and a missing class value', async () => {
    await expectError(UNI('1,2,x\n1,2,z'), 'unknown-label', 7, 5, [
      'class is "z"',
      'not among the classes',
      '"x", "y"',
    ]);
    await expectError(UNI('1,2,?'), 'missing-label', 6, 5, ['class is ? (missing)', 'expected a class']);
    await expectError(UNI('1,2,'), 'missing-label', 6, 5, ['class is empty']);
  });

  it('no class attribute', async () => {
    await expectError(
      '@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n1,2\n',
      'missing-field',
      3,
      null,
      ['no class attribute', '"b" is numeric', 'expected a nominal attribute'],
    );
  });

  it('a string or date attribute where numbers are expected', async () => {
    const text = (type: string) =>
      `@relation r\n@attribute id ${type}\n@attribute a numeric\n@attribute c {x,y}\n@data\n`;
    await expectError(text('string'), 'bad-field', 2, null, ['"id" is string', 'expected numeric']);
    await expectError(text('DATE "yyyy-MM-dd"'), 'bad-field', 2, null, ['"id" is date', 'expected numeric']);
    const inner =
      '@relation m\n@attribute rel relational\n@attribute t0 string\n@end rel\n@attribute c {x,y}\n@data\n';
    await expectError(inner, 'bad-field', 3, null, ['"t0" is string', 'one numeric attribute per time step']);
  });

  it('no @data line, and no rows after it', async () => {
    await expectError(
      '% header only\n@relation r\n@attribute a numeric\n@attribute c {x,y}\n',
      'missing-field',
      4,
      null,
      ['without a @data line'],
    );
    await expectError(UNI('% nothing here\n\n'), 'no-sequences', 5, null, ['no data rows after @data']);
  });

  it('an empty file', async () => {
    for (const text of ['', '\uFEFF', '  \n\r\n\t\n']) {
      await expectError(text, 'empty-file', null, null, ['the file is empty']);
    }
  });

  it('an unterminated quote, in the data and in the header', async () => {
    await expectError(UNI("1,2,x\n1,2,'y\n3,4,x\n"), 'bad-field', 7, 5, [
      'never closed',
      "expected a closing '",
    ]);
    await expectError(MV('"1,2,3\\n4,5,6,x\n'), 'bad-field', 9, 1, ['never closed', 'expected a closing "']);
    await expectError("@relation 'abc\n@data\n", 'bad-field', 1, 11, ['never closed']);
    await expectError("@relation r\n@attribute a numeric\n@attribute c {'x,y}\n@data\n", 'bad-field', 3, 15, [
      'never closed',
    ]);
  });

  it('text after a quoted value', async () => {
    await expectError(UNI("'1'2,3,x"), 'bad-field', 6, 4, ['after a quoted value', 'expected a comma']);
  });

  it('a file larger than maxBytes', async () => {
    await expectError(UNI('1,2,x\n3,4,y\n'), 'too-large', null, null, ['larger than the limit of 20 bytes'], {
      maxBytes: 20,
    });
  });

  it('a sparse row', async () => {
    await expectError(UNI('{0 1, 2 x}'), 'bad-field', 6, 1, ['sparse', 'not supported']);
  });

  it('a malformed header', async () => {
    await expectError('1,2,3\n', 'bad-field', 1, 1, ['found "1,2,3" before @data']);
    await expectError('@relation r\n@frobnicate\n', 'bad-field', 2, 1, ['unknown keyword "@frobnicate"']);
    await expectError('@relation r\n@attribute a float\n', 'bad-field', 2, 14, [
      '"float"',
      'expected numeric',
    ]);
    await expectError('@relation r\n@attribute\n', 'bad-field', 2, 1, ['no name']);
    await expectError('@relation r\n@attribute a\n', 'bad-field', 2, 13, ['no type']);
    await expectError('@relation r\n@attribute c {x,y\n', 'bad-field', 2, 14, ['not closed']);
    await expectError('@relation r\n@attribute c {x,,y}\n', 'bad-field', 2, 17, ['empty value']);
    await expectError('@relation r\n@attribute c {x,y,x}\n', 'duplicate-label', 2, 19, ['repeats "x"']);
    await expectError('@relation r\n@end rel\n', 'bad-field', 2, 1, ['without a relational attribute']);
  });

  it('relational attributes this parser does not take', async () => {
    const open = '@relation m\n@attribute rel relational\n@attribute t0 numeric\n@attribute c {x,y}\n@data\n';
    await expectError(open, 'bad-field', 5, 1, ['"rel" (line 2) is not closed', 'expected @end rel']);
    const nested = '@relation m\n@attribute rel relational\n@attribute inner relational\n';
    await expectError(nested, 'bad-field', 3, 1, ['not supported']);
    const mismatched = '@relation m\n@attribute rel relational\n@attribute t0 numeric\n@end other\n';
    await expectError(mismatched, 'bad-field', 4, 1, ['expected @end rel']);
    const two =
      '@relation m\n@attribute r1 relational\n@attribute t0 numeric\n@end r1\n' +
      '@attribute r2 relational\n@attribute t0 numeric\n@end r2\n@attribute c {x,y}\n@data\n';
    await expectError(two, 'bad-field', 5, null, ['several are not supported']);
    const beside =
      '@relation m\n@attribute r1 relational\n@attribute t0 numeric\n@end r1\n@attribute n numeric\n@attribute c {x,y}\n@data\n';
    await expectError(beside, 'bad-field', 5, null, ['"n" is numeric', 'only the relational attribute']);
    const empty = '@relation m\n@attribute r1 relational\n@end r1\n@attribute c {x,y}\n@data\n';
    await expectError(empty, 'no-features', 2, null, ['declares no inner attributes']);
  });

  it('only a class attribute', async () => {
    await expectError('@relation r\n@attribute c {x,y}\n@data\nx\n', 'no-features', 3, null, [
      'only the class attribute',
    ]);
  });

  it('a single class', async () => {
    await expectError(UNI('1,2,x\n3,4,x\n'), 'single-class', null, null, ['"x"', 'at least two classes']);
  });

  it('locates an error on the second line of a row whose quoted value spans lines', async () => {
    await expectError(MV("'1,2,3\n4,abc,6',x"), 'non-numeric', 10, 3, ['dimension 2, t1 is "abc"']);
  });
});

// ---- fast-check: never throws, and writing then reading gives the data back ----

function checkResult(result: DataResult<ParsedDataset>, fileName: string): void {
  if (result.ok) {
    const d = result.value.dataset;
    expect(d.numFeatures).toBeGreaterThan(0);
    expect(d.classLabels.length).toBeGreaterThanOrEqual(2);
    expect(d.labels.length).toBe(d.sequences.length);
    for (let i = 0; i < d.sequences.length; i++) {
      expect(d.sequences[i].length % d.numFeatures).toBe(0);
      expect(d.sequences[i].length).toBeGreaterThan(0);
      expect(d.sequences[i].every(Number.isFinite)).toBe(true);
      expect(d.labels[i]).toBeGreaterThanOrEqual(0);
      expect(d.labels[i]).toBeLessThan(d.classLabels.length);
    }
    return;
  }
  expect(result.error.file).toBe(fileName);
  expect(formatDataError(result.error).startsWith(fileName)).toBe(true);
  if (result.error.line !== undefined) expect(result.error.line).toBeGreaterThanOrEqual(1);
  if (result.error.column !== undefined) expect(result.error.column).toBeGreaterThanOrEqual(1);
}

interface Generated {
  classes: string[];
  numFeatures: number;
  multivariate: boolean;
  realNewlines: boolean;
  /** Sequence i as [t][j]. */
  sequences: number[][][];
  labels: number[];
}

const LABELS = ['a', 'b', '10', '2', '1', 'with space', "it's", 'per%cent', 'x,y', '"q"', 'back\\slash'];
const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function writeArff(g: Generated): string {
  const T = Math.max(...g.sequences.map((s) => s.length));
  const attributes = Array.from({ length: T }, (_, t) => `@attribute t${t} numeric`);
  const classes = `@attribute class {${g.classes.map(quote).join(',')}}`;
  const header = g.multivariate
    ? ['@relation generated', '@attribute series relational', ...attributes, '@end series', classes]
    : ['@relation generated', ...attributes, classes];
  const pad = (values: number[]): string =>
    [...values.map(String), ...Array<string>(T - values.length).fill('?')].join(',');
  const rows = g.sequences.map((s, i) => {
    const label = quote(g.classes[g.labels[i]]);
    if (!g.multivariate) return `${pad(s.map((step) => step[0]))},${label}`;
    const dims = Array.from({ length: g.numFeatures }, (_, j) => pad(s.map((step) => step[j])));
    return `'${dims.join(g.realNewlines ? '\n' : '\\n')}',${label}`;
  });
  return [...header, '@data', ...rows, ''].join('\n');
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const generated: fc.Arbitrary<Generated> = fc
  .record({
    multivariate: fc.boolean(),
    realNewlines: fc.boolean(),
    features: fc.integer({ min: 1, max: 3 }),
    classes: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 2, maxLength: 4 }),
    cases: fc.array(
      fc.record({
        length: fc.integer({ min: 1, max: 5 }),
        values: fc.array(finite, { minLength: 15, maxLength: 15 }),
        label: fc.nat(),
      }),
      { minLength: 2, maxLength: 6 },
    ),
  })
  .map(({ multivariate, realNewlines, features, classes, cases }) => {
    const N = multivariate ? features : 1;
    return {
      classes,
      numFeatures: N,
      multivariate,
      realNewlines,
      sequences: cases.map((c) =>
        Array.from({ length: c.length }, (_, t) => c.values.slice(t * N, (t + 1) * N)),
      ),
      // The first two cases take classes 0 and 1, so there are always two classes.
      labels: cases.map((c, i) => (i < 2 ? i : c.label % classes.length)),
    };
  });

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 10 })).map(([at, count]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + count);
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 5 })).map(([at, insert]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i);
  }),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        "'",
        '"',
        ',',
        '\\',
        '\\n',
        '\n',
        '\r',
        '%',
        '?',
        '{',
        '}',
        '@data',
        '@end series',
        '1e999',
        'NaN',
        ' ',
      ),
    )
    .map(([at, token]): Mutation => (t) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + token + t.slice(i + 1);
    }),
  fc.nat().map(
    (at): Mutation =>
      (t) =>
        t.slice(0, at % (t.length + 1)),
  ),
);

const arffish = fc
  .array(
    fc.constantFrom(
      '@relation ',
      '@attribute ',
      '@end ',
      '@data',
      '@DATA\n',
      'a ',
      'class ',
      'numeric',
      'relational',
      'string',
      '{x,y}',
      '{',
      '}',
      ',',
      "'",
      '"',
      '\\',
      '\\n',
      '\n',
      '\r\n',
      '?',
      '%',
      '1',
      '-2.5e3',
      ' ',
      'x',
      'y',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('parseArffFile never throws', () => {
  const policy = fc.constantFrom<MissingPolicy>('refuse', 'forward', 'zero');

  it('on random strings and random ARFF-like text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), arffish),
        fc.integer({ min: 1, max: 50 }),
        policy,
        async (text, chunkSize, missing) => {
          checkResult(await parse(text, { chunkSize, missing, fileName: 'random.arff' }), 'random.arff');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives back what was written, univariate or multivariate, in any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(generated, fc.integer({ min: 1, max: 64 }), async (g, chunkSize) => {
        const parsed = await parseOk(writeArff(g), { chunkSize, fileName: 'generated.arff' });
        expect(parsed.dataset.classLabels).toEqual(g.classes);
        expect(parsed.dataset.numFeatures).toBe(g.numFeatures);
        expect(Array.from(parsed.dataset.labels)).toEqual(g.labels);
        expect(g.sequences.map((_, i) => steps(parsed, i))).toEqual(g.sequences);
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated valid files', async () => {
    await fc.assert(
      fc.asyncProperty(
        generated,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 64 }),
        policy,
        async (g, mutations, chunkSize, missing) => {
          const text = mutations.reduce((t, m) => m(t), writeArff(g));
          checkResult(await parse(text, { chunkSize, missing, fileName: 'mutated.arff' }), 'mutated.arff');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ---- the real archive files, compared with their .ts siblings ----

const haveArchive = existsSync(sharedDatasets);
const archiveSuite = haveArchive
  ? `parseArffFile: the real archive files in ${sharedDatasets}`
  : ARCHIVE_ABSENT_REASON;

/**
 * A deliberately tiny, independent reader of the archive's .ts files, for comparison only:
 * `@classLabel true a b c` gives the class order; each data line is `dim1:dim2:...:label`,
 * each dimension comma-separated values.
 */
function readTsSibling(path: string): { classes: string[]; rows: { dims: number[][]; label: string }[] } {
  let classes: string[] = [];
  const rows: { dims: number[][]; label: string }[] = [];
  let inData = false;
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!inData) {
      const words = line.split(/\s+/);
      if (words[0].toLowerCase() === '@classlabel') classes = words.slice(2);
      if (words[0].toLowerCase() === '@data') inData = true;
      continue;
    }
    const parts = line.split(':');
    const label = parts.pop() ?? '';
    rows.push({ dims: parts.map((dim) => dim.split(',').map(Number)), label });
  }
  return { classes, rows };
}

describe.skipIf(!haveArchive)(archiveSuite, () => {
  /** Streams the file in 4 KiB chunks, which split numbers, lines and quoted values. */
  async function parseArchive(problem: string, split: string): Promise<ParsedDataset> {
    const fileName = `${problem}_${split}.arff`;
    const chunks = createReadStream(join(sharedDatasets, problem, fileName), {
      encoding: 'utf8',
      highWaterMark: 4096,
    });
    const result = await parseArffFile(chunks as AsyncIterable<string>, {
      fileName,
      missing: 'refuse',
      maxBytes: 1 << 30,
    });
    if (!result.ok) throw new Error(formatDataError(result.error));
    return result.value;
  }

  it.each([
    ['ArrowHead', 'TRAIN', 36, 1, 251, ['0', '1', '2']],
    ['ArrowHead', 'TEST', 175, 1, 251, ['0', '1', '2']],
    ['BasicMotions', 'TRAIN', 40, 6, 100, ['Standing', 'Running', 'Walking', 'Badminton']],
    ['BasicMotions', 'TEST', 40, 6, 100, ['Standing', 'Running', 'Walking', 'Badminton']],
  ] as const)(
    '%s_%s: %i sequences of %i features, the same numbers and labels as the .ts file',
    async (problem, split, count, features, length, classes) => {
      const parsed = await parseArchive(problem, split);
      const d = parsed.dataset;
      expect(d.name).toBe(problem);
      expect(d.sequences.length).toBe(count);
      expect(d.numFeatures).toBe(features);
      expect(d.sequences.every((s) => s.length === length * features)).toBe(true);
      expect(d.classLabels).toEqual(classes);
      expect(new Set(d.labels).size).toBe(classes.length);
      expect(parsed.missingValues).toBe(0);

      const ts = readTsSibling(join(sharedDatasets, problem, `${problem}_${split}.ts`));
      expect(d.classLabels).toEqual(ts.classes);
      expect(ts.rows.length).toBe(count);
      for (let i = 0; i < count; i++) {
        const { dims, label } = ts.rows[i];
        expect(classOf(parsed, i)).toBe(label);
        expect(dims.length).toBe(features);
        const expected = new Float64Array(length * features);
        for (let j = 0; j < features; j++) {
          expect(dims[j].length).toBe(length);
          for (let t = 0; t < length; t++) expected[t * features + j] = dims[j][t];
        }
        expect(d.sequences[i]).toEqual(expected);
      }
    },
  );

  it('ArrowHead_TEST.arff (490 KB) parses well under a second', async () => {
    const text = readFileSync(join(sharedDatasets, 'ArrowHead', 'ArrowHead_TEST.arff'), 'utf8');
    const started = performance.now();
    const parsed = await parseOk(text, { chunkSize: 64 * 1024, maxBytes: 1 << 30 });
    const elapsed = performance.now() - started;
    expect(parsed.dataset.sequences.length).toBe(175);
    expect(elapsed).toBeLessThan(1000);
  });
});
