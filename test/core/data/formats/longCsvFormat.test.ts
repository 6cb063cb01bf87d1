// The long CSV parser: hand-written fixtures (interleaved rows, a time column out of order,
// quoted fields, semicolons, CRLF with a BOM, explicit columns, missing values) read in many
// chunk sizes, every validation error naming the file, the line and the reason, and
// fast-check properties (never throws, never hangs, chunking does not matter).

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDataError, type DataResult } from '../../../../core/data/dataError';
import { parseLongCsvFile } from '../../../../core/data/formats/longCsvFormat';
import type { MissingPolicy, ParsedDataset } from '../../../../core/data/formats/parserTypes';
import { CHUNK_SIZES, chunkSizes, chunksBySizes, parserHarness } from '../../../helpers/parserHarness';

const FIXTURES = resolve(__dirname, '../../../fixtures/csv');
const { parseOk, expectError } = parserHarness(parseLongCsvFile, 'bad.csv');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Every sequence as [t][j], for readable expectations. */
function steps(parsed: ParsedDataset): number[][][] {
  const { numFeatures, sequences } = parsed.dataset;
  return sequences.map((s) => {
    const rows: number[][] = [];
    for (let t = 0; t < s.length; t += numFeatures) rows.push(Array.from(s.subarray(t, t + numFeatures)));
    return rows;
  });
}

const labelsOf = (parsed: ParsedDataset): string[] =>
  Array.from(parsed.dataset.labels, (k) => parsed.dataset.classLabels[k]);

describe('parseLongCsvFile: the hand-written fixtures', () => {
  it.each(CHUNK_SIZES)(
    'groups interleaved rows and orders them by time (chunks of %i)',
    async (chunkSize) => {
      const parsed = await parseOk(fixture('interleaved.csv'), {
        fileName: 'interleaved_TRAIN.csv',
        chunkSize,
      });
      expect(parsed.format).toBe('long-csv');
      expect(parsed.dataset.name).toBe('interleaved');
      expect(parsed.dataset.numFeatures).toBe(2);
      // Sequences in the order their ids first appear; rows in time order.
      expect(steps(parsed)).toEqual([
        [
          [1.0, 2.0],
          [1.1, 2.1],
          [1.2, 2.2],
        ],
        [
          [9, 19],
          [10, 20],
        ],
        [[5, 5]],
      ]);
      expect(parsed.dataset.classLabels).toEqual(['run', 'walk']);
      expect(labelsOf(parsed)).toEqual(['walk', 'run', 'walk']);
      expect(parsed.missingValues).toBe(0);
      expect(parsed.declaredClassLabels).toBeNull();
    },
  );

  it.each(CHUNK_SIZES)(
    'reads quoted fields, escaped quotes and a line break in a field (chunks of %i)',
    async (chunkSize) => {
      const parsed = await parseOk(fixture('quoted.csv'), { chunkSize });
      expect(steps(parsed)).toEqual([
        [
          [1, 2.5],
          [3, 4.5],
        ],
        [[5, 6]],
      ]);
      expect(labelsOf(parsed)).toEqual(['cat', 'two\nwords']);
    },
  );

  it('names the line a quoted field with a line break starts on', async () => {
    const text = `${fixture('quoted.csv')}z,"three\nlines\nhere",x,1\n`;
    await expectError(text, 'non-numeric', 6, 'column "a" is "x"; expected a number');
  });

  it.each(CHUNK_SIZES)(
    'detects semicolons, and roles by name in any case (chunks of %i)',
    async (chunkSize) => {
      const parsed = await parseOk(fixture('semicolons.csv'), { chunkSize });
      expect(parsed.dataset.numFeatures).toBe(3);
      expect(steps(parsed)).toEqual([
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [[7, 8, 9]],
        [[1.5, -2.5, 300]],
      ]);
      expect(labelsOf(parsed)).toEqual(['0', '1', '1']);
    },
  );

  it('detects tabs', async () => {
    const text = fixture('semicolons.csv').replace(/;/g, '\t');
    expect(steps(await parseOk(text))[2]).toEqual([[1.5, -2.5, 300]]);
  });

  it.each(CHUNK_SIZES)('reads CRLF line endings after a BOM (chunks of %i)', async (chunkSize) => {
    const text = fixture('crlf_bom.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = await parseOk(text, { chunkSize });
    expect(steps(parsed)).toEqual([
      [[0.5], [0.25]],
      [[1], [2]],
    ]);
    expect(labelsOf(parsed)).toEqual(['no', 'yes']);
  });

  it('takes the columns given in options, and ignores the unlisted ones', async () => {
    const columns = { id: 'subject', label: 'Activity', time: 'tick', features: ['acc_y', 'acc_x'] };
    const parsed = await parseOk(fixture('explicit.csv'), { columns });
    expect(steps(parsed)).toEqual([
      [
        [0.2, 0.1],
        [0.4, 0.3],
      ],
      [
        [1.2, 1.1],
        [1.4, 1.3],
      ],
    ]);
    expect(labelsOf(parsed)).toEqual(['sit', 'stand']);
  });

  it('lets a feature be called "t" or "y" when the features are listed', async () => {
    const text = 'id,label,t,y\na,p,1,2\nb,q,3,4\n';
    expect(steps(await parseOk(text, { columns: { features: ['t', 'y'] } }))).toEqual([[[1, 2]], [[3, 4]]]);
    // Without the list, "t" orders the rows and "y" stays a feature, since "label" wins.
    expect(steps(await parseOk(text))).toEqual([[[2]], [[4]]]);
  });

  it('fills missing values per the policy, in time order, and counts them', async () => {
    const forward = await parseOk(fixture('missing.csv'), { missing: 'forward' });
    expect(steps(forward)).toEqual([
      [
        [1, 2],
        [1, 2],
        [3, 3],
      ],
      [
        [4, 5],
        [4, 5],
      ],
    ]);
    expect(forward.missingValues).toBe(4);
    const zero = await parseOk(fixture('missing.csv'), { missing: 'zero' });
    expect(steps(zero)[1]).toEqual([
      [0, 5],
      [4, 0],
    ]);
    expect(zero.missingValues).toBe(4);
  });

  it('treats numeric labels by value: "1" and "1.0" are one class', async () => {
    const parsed = await parseOk('id,label,x\na,1,0\na,1.0,1\nb,10,2\nc,2.00,3\n');
    expect(parsed.dataset.classLabels).toEqual(['1', '2', '10']);
    expect(labelsOf(parsed)).toEqual(['1', '10', '2']);
  });

  it('orders by ISO dates in the time column', async () => {
    const text =
      'id,label,timestamp,x\na,p,2024-01-02T00:00:00Z,2\na,p,2024-01-01T00:00:00Z,1\nb,q,2024-01-01,3\n';
    expect(steps(await parseOk(text))).toEqual([[[1], [2]], [[3]]]);
  });
});

describe('parseLongCsvFile: every validation error names the file, the line and the reason', () => {
  it('an empty file', async () => {
    await expectError('', 'empty-file', null, 'the file is empty; expected a header');
    await expectError('\r\n\n  \n', 'empty-file', null, 'the file is empty');
  });

  it('a header and no rows', async () => {
    await expectError('id,label,x\n', 'no-sequences', null, 'a header (line 1) but no rows');
  });

  it('a header without an id, a label or a feature column, listing the header', async () => {
    await expectError(
      'name,label,x\na,b,1\n',
      'missing-field',
      1,
      'no sequence id column: expected one named "id"',
    );
    const message = await expectError('id,kind,x\na,b,1\n', 'missing-field', 1, 'no class label column');
    expect(message).toContain('the header has "id", "kind", "x"');
    await expectError('id,label,time\na,b,1\n', 'no-features', 1, 'no feature columns');
  });

  it('numbers instead of a header, pointing to the wide UCR form', async () => {
    await expectError('1,2,3\n1,4,5\n', 'unknown-format', 1, 'use the wide UCR form');
  });

  it('an explicit column that is not in the header, naming it and listing the header', async () => {
    const message = await expectError(
      'id,label,x\na,b,1\n',
      'missing-field',
      1,
      '"subject" (options.columns.id) is not in the header',
      {
        columns: { id: 'subject' },
      },
    );
    expect(message).toContain('the header has "id", "label", "x"');
    await expectError('id,label,x\na,b,1\n', 'missing-field', 1, 'feature column "z"', {
      columns: { features: ['x', 'z'] },
    });
    await expectError('id,label,x\na,b,1\n', 'bad-spec', 1, 'two roles', {
      columns: { id: 'x', label: 'x' },
    });
  });

  it('a repeated or unnamed column', async () => {
    await expectError('id,label,x,x\na,b,1,2\n', 'bad-field', 1, '"x" appears twice (columns 3 and 4)');
    await expectError(',id,label,x\n0,a,b,1\n', 'bad-field', 1, 'column 1 has no name');
  });

  it('a ragged row', async () => {
    await expectError(
      'id,label,x\na,p,1\na,p,2,3\n',
      'ragged',
      3,
      'the row has 4 cells; expected 3, as in the header on line 1',
    );
  });

  it('a non-numeric feature, naming the line, column and token', async () => {
    await expectError(
      'id,label,x,y\na,p,1,2\nb,q,3,abc\n',
      'non-numeric',
      3,
      'column "y" is "abc"; expected a number',
    );
    const message = await expectError('id;label;x\na;p;1,5\nb;q;2\n', 'non-numeric', 2, 'is "1,5"');
    expect(message).toContain('decimals with a point');
  });

  it('an infinite value', async () => {
    await expectError(
      'id,label,x\na,p,1\nb,q,-Infinity\n',
      'non-finite',
      3,
      'column "x" is "-Infinity"; expected a finite number',
    );
    await expectError('id,label,x\na,p,1e400\nb,q,1\n', 'non-finite', 2, 'is "1e400"');
  });

  it('a missing value under the default policy', async () => {
    await expectError(
      fixture('missing.csv'),
      'non-numeric',
      2,
      'column "y" is a missing value (an empty cell)',
    );
    await expectError('id,label,x\na,p,NaN\nb,q,1\n', 'non-numeric', 2, 'is a missing value ("NaN")');
  });

  it('a missing label or id', async () => {
    await expectError(
      'id,label,x\na,p,1\nb,,2\n',
      'missing-label',
      3,
      'the class label (column "label") is missing',
    );
    await expectError('id,label,x\na,p,1\na,,2\n', 'missing-label', 3, 'is missing');
    await expectError(
      'id,label,x\na,p,1\n ,q,2\n',
      'missing-field',
      3,
      'the sequence id (column "id") is empty',
    );
  });

  it('two labels in one sequence, naming the id and both lines', async () => {
    await expectError(
      'id,label,x\na,p,1\nb,q,2\na,q,3\n',
      'bad-label',
      4,
      'sequence "a" has the label "q" here but "p" on line 2',
    );
  });

  it('a repeated time in one sequence, naming both lines', async () => {
    await expectError(
      'id,label,t,x\na,p,1,1\na,p,2,1\nb,q,1,1\na,p,1,1\n',
      'bad-field',
      5,
      'has the "t" value 1 on both line 2 and line 5',
    );
  });

  it('a bad or empty time', async () => {
    await expectError(
      'id,label,t,x\na,p,soon,1\nb,q,1,1\n',
      'non-numeric',
      2,
      'column "t" is "soon"; expected a number or a date',
    );
    await expectError('id,label,t,x\na,p,,1\nb,q,1,1\n', 'missing-field', 2, 'column "t" is empty');
  });

  it('a single class', async () => {
    await expectError('id,label,x\na,p,1\nb,p,2\n', 'single-class', null, 'every sequence has the class "p"');
  });

  it('a quoted field that is never closed, or malformed', async () => {
    await expectError(
      'id,label,x\na,"p,1\nb,q,2\n',
      'bad-field',
      2,
      'a quoted field that starts on this line is never closed',
    );
    await expectError('id,label,x\na,"p"q,1\nb,q,2\n', 'bad-field', 2, 'the line is not valid CSV');
  });

  it('a file over maxBytes', async () => {
    const text = `id,label,x\n${'a,p,1\nb,q,2\n'.repeat(200)}`;
    await expectError(text, 'too-large', null, 'larger than the limit of 1 KiB', { maxBytes: 1024 });
  });
});

describe('parseLongCsvFile: properties', () => {
  function check(result: DataResult<ParsedDataset>): void {
    if (result.ok) {
      const { dataset } = result.value;
      expect(dataset.classLabels.length).toBeGreaterThanOrEqual(2);
      expect(dataset.labels.length).toBe(dataset.sequences.length);
      for (const s of dataset.sequences) {
        expect(s.length).toBeGreaterThan(0);
        expect(s.length % dataset.numFeatures).toBe(0);
        expect(s.every(Number.isFinite)).toBe(true);
      }
      return;
    }
    expect(formatDataError(result.error).startsWith('p.csv')).toBe(true);
    if (result.error.line !== undefined) expect(result.error.line).toBeGreaterThanOrEqual(1);
  }

  const policy = fc.constantFrom<MissingPolicy>('refuse', 'forward', 'zero');

  it('random text always gives a DataResult', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'idlabet,;\t"\n\r0123456789.-NaE '), maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `id,label,t,x\n${s}`),
    );
    await fc.assert(
      fc.asyncProperty(text, chunkSizes, policy, async (t, sizes, missing) => {
        check(await parseLongCsvFile(chunksBySizes(t, sizes), { fileName: 'p.csv', missing, maxBytes: 1e6 }));
      }),
      { numRuns: 500 },
    );
  });

  it('mutated valid files always give a DataResult', async () => {
    const files = ['interleaved.csv', 'quoted.csv', 'semicolons.csv', 'crlf_bom.csv', 'missing.csv'].map(
      fixture,
    );
    const mutation = fc.tuple(
      fc.nat(),
      fc.nat({ max: 6 }),
      fc.string({ unit: fc.constantFrom(...',;\t"\n\r x1.-NaN'), maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        chunkSizes,
        policy,
        async (file, mutations, sizes, missing) => {
          let text = file;
          for (const [at, cut, insert] of mutations) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          check(
            await parseLongCsvFile(chunksBySizes(text, sizes), { fileName: 'p.csv', missing, maxBytes: 1e6 }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any chunking and any interleaving of the rows gives the same dataset', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, r) => `s${r % 3},${r % 3 === 1 ? 'b' : 'a'},${Math.floor(r / 3)},${r},${-r / 4}`,
    );
    const expected = steps(await parseOk(`id,label,t,x,y\n${rows.join('\n')}\n`));
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(rows, { minLength: 12, maxLength: 12 }),
        chunkSizes,
        async (shuffled, sizes) => {
          const text = `id,label,t,x,y\r\n${shuffled.join('\r\n')}`;
          const result = await parseLongCsvFile(chunksBySizes(text, sizes), {
            fileName: 'p.csv',
            missing: 'refuse',
            maxBytes: 1e6,
          });
          if (!result.ok) throw new Error(formatDataError(result.error));
          // Sequences come in first-seen order; compare them sorted by their first value.
          const byFirst = (a: number[][], b: number[][]) => a[0][0] - b[0][0];
          expect(steps(result.value).sort(byFirst)).toEqual([...expected].sort(byFirst));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a file larger than one batch gives the same dataset as in one chunk', async () => {
    const lines = ['id,label,t,x'];
    for (let r = 0; r < 6000; r++) lines.push(`"q${r % 50}",c${r % 2 === 0 ? 1 : 2},${5999 - r},${r}`);
    const text = lines.join('\n');
    const parsed = await parseOk(text, { chunkSize: 4093 });
    expect(parsed.dataset.sequences.length).toBe(50);
    // Rows come in descending time, so each sequence is reversed: the last row first.
    expect(parsed.dataset.sequences[0][0]).toBe(5950);
    expect(parsed.dataset.sequences[0].length).toBe(120);
  });
});
