// The wide UCR parser: hand-written fixtures (tabs, commas, runs of spaces, NaN padding,
// float-style labels) read in many chunk sizes, every validation error naming the file, the
// line and the reason, fast-check properties (never throws, never hangs), and the real
// ArrowHead_TRAIN.tsv when ../shared/datasets is present.

import fc from 'fast-check';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDataError, type DataResult } from '../../../../core/data/dataError';
import type { MissingPolicy, ParsedDataset } from '../../../../core/data/formats/parserTypes';
import { parseUcrFile } from '../../../../core/data/formats/ucrFormat';
import {
  ARCHIVE_ABSENT_REASON,
  CHUNK_SIZES,
  chunkSizes,
  chunksBySizes,
  parserHarness,
  sharedDatasets,
} from '../../../helpers/parserHarness';

const FIXTURES = resolve(__dirname, '../../../fixtures/ucr');
const { parseOk, expectError } = parserHarness(parseUcrFile, 'bad.tsv');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const values = (parsed: ParsedDataset): number[][] => parsed.dataset.sequences.map((s) => Array.from(s));
const labelsOf = (parsed: ParsedDataset): string[] =>
  Array.from(parsed.dataset.labels, (k) => parsed.dataset.classLabels[k]);

describe('parseUcrFile: the hand-written fixtures', () => {
  it.each(CHUNK_SIZES)('reads a tab-separated file (chunks of %i)', async (chunkSize) => {
    const parsed = await parseOk(fixture('tabs_TRAIN.tsv'), { fileName: 'tabs_TRAIN.tsv', chunkSize });
    expect(parsed.format).toBe('ucr');
    expect(parsed.dataset.name).toBe('tabs');
    expect(parsed.dataset.numFeatures).toBe(1);
    expect(values(parsed)).toEqual([
      [0.5, 1.5, 2.5, 3.5, 4.5],
      [-1, -2, -3, -4, -5],
      [0, 0, 0, 0, 1],
      [9, 8, 7, 6, 5],
    ]);
    // Numeric labels sort numerically: 2 before 10.
    expect(parsed.dataset.classLabels).toEqual(['1', '2', '10']);
    expect(Array.from(parsed.dataset.labels)).toEqual([0, 1, 0, 2]);
    expect(parsed.missingValues).toBe(0);
    expect(parsed.declaredClassLabels).toBeNull();
  });

  it.each(CHUNK_SIZES)('reads a comma-separated file with a blank line (chunks of %i)', async (chunkSize) => {
    const parsed = await parseOk(fixture('commas_TEST.csv'), { fileName: 'dir/commas_TEST.csv', chunkSize });
    expect(parsed.dataset.name).toBe('commas');
    expect(values(parsed)).toEqual([
      [1.25, 2.5, 3.75],
      [-0.001, 200, 0],
      [7, 8, 9],
    ]);
    expect(labelsOf(parsed)).toEqual(['a', 'b', 'a']);
  });

  it.each(CHUNK_SIZES)('reads runs of spaces and float-style labels (chunks of %i)', async (chunkSize) => {
    const parsed = await parseOk(fixture('floatLabels.txt'), { fileName: 'floatLabels.txt', chunkSize });
    expect(parsed.dataset.name).toBe('floatLabels');
    // "1.0000000e+00" and "1" are one class, named by the shortest form of the number.
    expect(parsed.dataset.classLabels).toEqual(['-1', '1', '2']);
    expect(labelsOf(parsed)).toEqual(['1', '2', '1', '-1']);
    expect(values(parsed)).toEqual([
      [-1.2, 0.3, 4],
      [1, 2, 3],
      [5.5, 6.5, 7.5],
      [0, 0, 1],
    ]);
  });

  it('trims trailing NaN and empty padding; fills a missing value inside per the policy', async () => {
    const forward = await parseOk(fixture('padded_TRAIN.tsv'), { missing: 'forward' });
    expect(values(forward)).toEqual([[1, 2, 3, 4], [5, 6], [7, 7, 9], [10]]);
    expect(forward.missingValues).toBe(1);
    const zero = await parseOk(fixture('padded_TRAIN.tsv'), { missing: 'zero' });
    expect(values(zero)[2]).toEqual([7, 0, 9]);
    expect(zero.missingValues).toBe(1);
  });

  it('refuses a missing value inside a sequence by default, naming the line, column and policy', async () => {
    const message = await expectError(
      fixture('padded_TRAIN.tsv'),
      'non-numeric',
      3,
      'value 2 is a missing value',
    );
    expect(message).toContain('bad.tsv, line 3, column 5: ');
    expect(message).toContain('"forward"');
  });

  it('refuses a header row and points to the long CSV form', async () => {
    const message = await expectError(fixture('header.csv'), 'unknown-format', 1, 'has no header', {
      fileName: 'header.csv',
    });
    expect(message).toContain('"label", "t1"');
    expect(message).toContain('long CSV');
    // pandas writes a wide frame's header with numbered value columns.
    await expectError(
      'target,0,1,2\n1,0.1,0.2,0.3\n',
      'unknown-format',
      1,
      'the wide UCR form has no header',
    );
  });

  it('gives the same dataset whatever the line endings, with or without a BOM', async () => {
    const text = fixture('tabs_TRAIN.tsv');
    const plain = values(await parseOk(text));
    expect(values(await parseOk(`\ufeff${text.replace(/\n/g, '\r\n')}`, { chunkSize: 1 }))).toEqual(plain);
    expect(values(await parseOk(text.trimEnd()))).toEqual(plain);
  });
});

describe('parseUcrFile: every validation error names the file, the line and the reason', () => {
  it('an empty file', async () => {
    await expectError('', 'empty-file', null, 'the file is empty; expected one sequence per line');
    await expectError('\n  \n\t\n', 'empty-file', null, 'the file is empty');
  });

  it('a line with another separator than the first line', async () => {
    await expectError('1\t2\t3\n2,3,4\n', 'ragged', 2, 'separated by commas, but on line 1 by tabs');
    await expectError('1 2 3\n2\t3\t4\n', 'ragged', 2, 'separated by tabs, but on line 1 by spaces');
  });

  it('a ragged line', async () => {
    await expectError('1,2,3\n2,3,4\n1,5\n', 'ragged', 3, 'the line has 2 cells, but line 1 has 3');
  });

  it('a non-numeric value, with its column', async () => {
    const message = await expectError(
      '1,2,3\n2,3,abc\n',
      'non-numeric',
      2,
      'value 2 is "abc"; expected a number',
    );
    expect(message).toContain('line 2, column 5');
    await expectError('1\t0x1f\t3\n2\t3\t4\n', 'non-numeric', 1, 'is "0x1f"');
  });

  it('an infinite value', async () => {
    await expectError(
      '1,2,3\n2,Infinity,4\n',
      'non-finite',
      2,
      'value 1 is "Infinity"; expected a finite number',
    );
    await expectError('1,2,3\n2,-inf,4\n', 'non-finite', 2, 'is "-inf"');
    await expectError('1,2,1e999\n2,3,4\n', 'non-finite', 1, 'is "1e999"');
  });

  it('a missing label', async () => {
    await expectError('1,2,3\n,3,4\n', 'missing-label', 2, 'the class label (the first cell) is missing');
    await expectError('1,2,3\nNaN,3,4\n', 'missing-label', 2, 'is missing');
  });

  it('a label with no values', async () => {
    await expectError('1,2,3\n2,NaN,\n', 'empty-sequence', 2, 'a class label but no values');
  });

  it('a single class', async () => {
    await expectError('1,2,3\n1.0,3,4\n', 'single-class', null, 'every sequence has the class "1"');
  });

  it('a file over maxBytes', async () => {
    await expectError('1,2,3\n2,3,4\n'.repeat(100), 'too-large', null, 'larger than the limit of 1 KiB', {
      maxBytes: 1024,
    });
  });

  it('a stream that fails', async () => {
    async function* broken(): AsyncGenerator<string> {
      yield '1,2,3\n';
      throw new Error('disk gone');
    }
    const result = await parseUcrFile(broken(), { fileName: 'x.csv', missing: 'refuse', maxBytes: 1e6 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatDataError(result.error)).toContain('x.csv: the file could not be read: disk gone');
  });
});

describe('parseUcrFile: properties', () => {
  function check(result: DataResult<ParsedDataset>): void {
    if (result.ok) {
      const { dataset } = result.value;
      expect(dataset.classLabels.length).toBeGreaterThanOrEqual(2);
      expect(dataset.labels.length).toBe(dataset.sequences.length);
      for (const s of dataset.sequences) {
        expect(s.length).toBeGreaterThan(0);
        expect(s.every(Number.isFinite)).toBe(true);
      }
      return;
    }
    expect(formatDataError(result.error).startsWith('p.tsv')).toBe(true);
    if (result.error.line !== undefined) expect(result.error.line).toBeGreaterThanOrEqual(1);
  }

  it('random text always gives a DataResult', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'0123456789.,-+eE\t \n\rNaN'), maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(
        text,
        chunkSizes,
        fc.constantFrom<MissingPolicy>('refuse', 'forward', 'zero'),
        async (t, sizes, missing) => {
          check(await parseUcrFile(chunksBySizes(t, sizes), { fileName: 'p.tsv', missing, maxBytes: 1e6 }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('mutated valid files always give a DataResult', async () => {
    const files = ['tabs_TRAIN.tsv', 'commas_TEST.csv', 'floatLabels.txt', 'padded_TRAIN.tsv'].map(fixture);
    const mutation = fc.tuple(
      fc.nat(),
      fc.nat({ max: 6 }),
      fc.string({ unit: fc.constantFrom(...'\t, \nNaN-1e9.x"'), maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        chunkSizes,
        async (file, mutations, sizes) => {
          let text = file;
          for (const [at, cut, insert] of mutations) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          check(
            await parseUcrFile(chunksBySizes(text, sizes), {
              fileName: 'p.tsv',
              missing: 'forward',
              maxBytes: 1e6,
            }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any chunking of a valid file gives the same dataset', async () => {
    const text = fixture('floatLabels.txt');
    const expected = values(await parseOk(text));
    await fc.assert(
      fc.asyncProperty(chunkSizes, async (sizes) => {
        const result = await parseUcrFile(chunksBySizes(text, sizes), {
          fileName: 'p.txt',
          missing: 'refuse',
          maxBytes: 1e6,
        });
        expect(result.ok && values(result.value)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

const arrowHead = join(sharedDatasets, 'ArrowHead', 'ArrowHead_TRAIN.tsv');
const haveArchive = existsSync(arrowHead);
const archiveSuite = haveArchive
  ? `parseUcrFile: the real ArrowHead_TRAIN.tsv in ${sharedDatasets}`
  : ARCHIVE_ABSENT_REASON;

describe.skipIf(!haveArchive)(archiveSuite, () => {
  it('ArrowHead_TRAIN.tsv: 36 sequences of length 251 in 3 classes, streamed in 4 KiB chunks', async () => {
    const chunks = createReadStream(arrowHead, { encoding: 'utf8', highWaterMark: 4096 });
    const result = await parseUcrFile(chunks as AsyncIterable<string>, {
      fileName: 'ArrowHead_TRAIN.tsv',
      missing: 'refuse',
      maxBytes: 1 << 30,
    });
    if (!result.ok) throw new Error(formatDataError(result.error));
    const { dataset } = result.value;
    expect(dataset.name).toBe('ArrowHead');
    expect(dataset.numFeatures).toBe(1);
    expect(dataset.sequences.length).toBe(36);
    expect(dataset.sequences.every((s) => s.length === 251)).toBe(true);
    expect(dataset.classLabels).toEqual(['0', '1', '2']);
    expect([0, 1, 2].map((k) => dataset.labels.filter((l) => l === k).length)).toEqual([12, 12, 12]);
    // The first value of the first line, as written in the file.
    expect(dataset.sequences[0][0]).toBe(-1.9630089);
  });
});
