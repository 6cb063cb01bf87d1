// parseDatasetJson never throws: random text and mutated valid files always come back as a
// DataResult, a valid dataset when ok and a located, formatted error when not.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../core/data/dataset';
import { formatDataError, type DataResult } from '../../../core/data/dataError';
import { parseDatasetJson } from '../../../core/data/datasetJson';
import { chunksOf } from '../../helpers/parserHarness';

function checkResult(result: DataResult<Dataset>): void {
  if (result.ok) {
    const d = result.value;
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
  expect(result.error.file).toBe('data.json');
  expect(formatDataError(result.error).startsWith('data.json')).toBe(true);
  if (result.error.line !== undefined) expect(result.error.line).toBeGreaterThanOrEqual(1);
  if (result.error.column !== undefined) expect(result.error.column).toBeGreaterThanOrEqual(1);
}

async function parseAndCheck(text: string, chunkSize: number): Promise<DataResult<Dataset>> {
  const result = await parseDatasetJson(chunksOf(text, chunkSize), 'data.json');
  checkResult(result);
  return result;
}

const validFile = fc
  .record({
    sequences: fc.array(
      fc.integer({ min: 1, max: 3 }).chain((n) =>
        fc.array(
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
      ),
      { minLength: 2, maxLength: 5 },
    ),
    names: fc.constantFrom(['a', 'b'], [1, 2], ['x', 3]),
  })
  .map(({ sequences, names }) => {
    // One feature count for all, so the unmutated file is valid.
    const n = sequences[0][0].length;
    const fixed = sequences.map((s) => s.map((step) => Array.from({ length: n }, (_, j) => step[j] ?? 0)));
    return JSON.stringify({ sequences: fixed, labels: fixed.map((_, i) => names[i % 2]) }, null, 1);
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
    .tuple(fc.nat(), fc.constantFrom('"', ',', ']', '[', '{', '}', ':', 'null', '1e999', '-', '\n', '\\'))
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

describe('parseDatasetJson never throws', () => {
  it('on random strings, and reports bad JSON exactly when JSON.parse fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.string({ unit: 'grapheme-ascii' })),
        fc.integer({ min: 1, max: 50 }),
        async (text, chunkSize) => {
          const result = await parseAndCheck(text, chunkSize);
          const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
          let parses = true;
          try {
            JSON.parse(body);
          } catch {
            parses = false;
          }
          if (body.trim() !== '') expect(!result.ok && result.error.code === 'bad-json').toBe(!parses);
          if (!result.ok && result.error.code === 'bad-json') expect(result.error.line).toBeDefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on mutated valid files', async () => {
    await fc.assert(
      fc.asyncProperty(
        validFile,
        fc.array(mutation, { maxLength: 3 }),
        fc.integer({ min: 1, max: 64 }),
        async (text, mutations, chunkSize) => {
          const mutated = mutations.reduce((t, m) => m(t), text);
          const result = await parseAndCheck(mutated, chunkSize);
          if (mutations.length === 0) expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on valid JSON of the wrong shape', async () => {
    const anyField = fc.oneof(fc.jsonValue(), fc.array(fc.array(fc.array(fc.jsonValue(), { maxLength: 3 }))));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { sequences: anyField, labels: anyField, name: fc.jsonValue(), classLabels: anyField },
          { requiredKeys: [] },
        ),
        async (value) => {
          await parseAndCheck(JSON.stringify(value), 1000);
        },
      ),
      { numRuns: 500 },
    );
  });
});
