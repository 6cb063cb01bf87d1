// The pieces every parser shares: line splitting over chunks, missing-value filling, label indexing.

import { describe, expect, it } from 'vitest';
import { indexLabels } from '../../../../core/data/formats/labelIndex';
import { readLines } from '../../../../core/data/formats/lines';
import { fillMissing } from '../../../../core/data/formats/missingValues';

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  for (const part of parts) yield part;
}

async function collect(parts: string[], maxBytes = 1e9) {
  const reader = readLines(chunks(...parts), 'f.txt', maxBytes);
  const lines: string[] = [];
  for await (const line of reader.lines) lines.push(`${line.number}:${line.text}`);
  return { lines, failure: reader.failure() };
}

describe('readLines', () => {
  it('splits \\n, \\r\\n and \\r endings, also across chunk boundaries, and drops a BOM', async () => {
    const { lines } = await collect(['\ufeffa,b\r', '\nc\rd\n\ne', 'f']);
    expect(lines).toEqual(['1:a,b', '2:c', '3:d', '4:', '5:ef']);
  });

  it('refuses input over the byte limit, stating the limit', async () => {
    const { failure } = await collect(['x'.repeat(600), 'y'.repeat(600)], 1024);
    expect(failure?.error.code).toBe('too-large');
    expect(failure?.error.message).toContain('1 KiB');
  });

  it('turns a failing stream into a read error', async () => {
    async function* broken(): AsyncGenerator<string> {
      yield 'a\n';
      throw new Error('disk gone');
    }
    const reader = readLines(broken(), 'f.txt', 1e9);
    for await (const _ of reader.lines) void _;
    expect(reader.failure()?.error.message).toContain('disk gone');
  });
});

describe('fillMissing', () => {
  it('carries each feature forward; a leading gap takes the first observed value', () => {
    const v = Float64Array.from([NaN, 1, 2, NaN, NaN, 3, 4, NaN]);
    expect(fillMissing(v, 2, 'forward')).toBe(4);
    expect(Array.from(v)).toEqual([2, 1, 2, 1, 2, 3, 4, 3]);
  });

  it('puts zero, and a never-observed feature becomes zero under forward too', () => {
    const z = Float64Array.from([NaN, 1, 2, NaN]);
    expect(fillMissing(z, 2, 'zero')).toBe(2);
    expect(Array.from(z)).toEqual([0, 1, 2, 0]);
    const f = Float64Array.from([NaN, 1, NaN, 2]);
    fillMissing(f, 2, 'forward');
    expect(Array.from(f)).toEqual([0, 1, 0, 2]);
  });
});

describe('indexLabels', () => {
  it('keeps the declared order, never a text sort', () => {
    const r = indexLabels(['2', '10', '1', '2'], ['10', '2', '1'], 'f', (i) => i + 1);
    expect(r.ok && r.value.classLabels).toEqual(['10', '2', '1']);
    expect(r.ok && Array.from(r.value.labels)).toEqual([1, 0, 2, 1]);
  });

  it('sorts undeclared numeric labels numerically and others naturally', () => {
    const n = indexLabels(['10', '2', '-1'], null, 'f', (i) => i);
    expect(n.ok && n.value.classLabels).toEqual(['-1', '2', '10']);
    const s = indexLabels(['run10', 'run2', 'walk'], null, 'f', (i) => i);
    expect(s.ok && s.value.classLabels).toEqual(['run2', 'run10', 'walk']);
  });

  it('refuses an undeclared label with its line, and a single class', () => {
    const r = indexLabels(['a', 'z'], ['a', 'b'], 'train.ts', (i) => 10 + i);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(11);
      expect(r.error.message).toContain('"z"');
    }
    const single = indexLabels(['a', 'a'], null, 'train.ts', (i) => i);
    expect(!single.ok && single.error.code).toBe('single-class');
  });
});
