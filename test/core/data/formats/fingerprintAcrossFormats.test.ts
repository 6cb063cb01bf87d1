// The same data, whatever format it arrives in, parses to the same dataset and fingerprint;
// the dispatcher picks the right parser by name and content.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDatasetJson } from '../../../../core/data/datasetJson';
import { datasetFingerprint } from '../../../../core/data/fingerprint';
import { parseDatasetFile } from '../../../../core/data/formats/parseDataset';
import type { Dataset } from '../../../../core/data/dataset';

async function* chunks(text: string, size = 1000): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function parse(fileName: string, text: string) {
  const result = await parseDatasetFile(chunks(text), { fileName, missing: 'refuse', maxBytes: 1e9 });
  if (!result.ok) throw new Error(`${result.error.file}: ${result.error.message}`);
  return result.value;
}

// Two features, unequal lengths, labels declared out of text order.
const sequences = [
  [
    [0.5, -1],
    [1.25, 2],
    [3, 0.125],
  ],
  [
    [-2, 4],
    [0, 0],
  ],
  [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
  ],
];
const labels = ['walk', 'run10', 'run2'];
const dataset: Dataset = {
  name: 'motion',
  numFeatures: 2,
  classLabels: ['run2', 'run10', 'walk'],
  sequences: sequences.map((s) => Float64Array.from(s.flat())),
  labels: Int32Array.from([2, 1, 0]),
};

const asTs = [
  '@problemName motion',
  '@univariate false',
  '@dimensions 2',
  '@equalLength false',
  '@classLabel true run2 run10 walk',
  '@data',
  ...sequences.map(
    (s, i) => `${[0, 1].map((j) => s.map((step) => step[j]).join(',')).join(':')}:${labels[i]}`,
  ),
].join('\n');

const asArff = [
  '@relation motion',
  '@attribute series relational',
  ...Array.from({ length: 4 }, (_, t) => `  @attribute t${t} numeric`),
  '@end series',
  '@attribute class {run2,run10,walk}',
  '@data',
  ...sequences.map((s, i) => {
    const dims = [0, 1].map((j) =>
      [...s.map((step) => String(step[j])), ...Array(4 - s.length).fill('?')].join(','),
    );
    return `'${dims.join('\\n')}',${labels[i]}`;
  }),
].join('\n');

const asLongCsv = [
  'sequence_id,t,label,x,y',
  ...sequences.flatMap((s, i) => s.map((step, t) => `${i},${t},${labels[i]},${step[0]},${step[1]}`)),
].join('\r\n');

describe('one dataset in every format', () => {
  it('gives the same parsed data and fingerprint', async () => {
    const expected = datasetFingerprint(dataset);
    const parsed = [
      await parse('motion.ts', asTs),
      await parse('motion.arff', asArff),
      await parse('motion.csv', asLongCsv),
      await parse('motion.json', serializeDatasetJson(dataset)),
    ];
    expect(parsed.map((p) => p.format)).toEqual(['ts', 'arff', 'long-csv', 'json']);
    for (const p of parsed) {
      expect(p.dataset.classLabels).toEqual(dataset.classLabels);
      expect(Array.from(p.dataset.labels)).toEqual([2, 1, 0]);
      expect(datasetFingerprint(p.dataset)).toBe(expected);
    }
  });

  it('univariate: the UCR wide form agrees with .ts', async () => {
    const uni: Dataset = {
      ...dataset,
      numFeatures: 1,
      sequences: [Float64Array.of(1, 2, 3), Float64Array.of(4, 5)],
      labels: Int32Array.of(0, 1),
      classLabels: ['1', '2'],
    };
    const ucr = await parse('u_TRAIN.tsv', '1\t1\t2\t3\n2\t4\t5\tNaN\n');
    const ts = await parse(
      'u_TRAIN.ts',
      '@univariate true\n@equalLength false\n@classLabel true 1 2\n@data\n1,2,3:1\n4,5:2\n',
    );
    expect(datasetFingerprint(ucr.dataset)).toBe(datasetFingerprint(uni));
    expect(datasetFingerprint(ts.dataset)).toBe(datasetFingerprint(uni));
  });
});

const shared = process.env.RNN_LAB_SHARED_DATASETS ?? resolve(__dirname, '../../../../../shared/datasets');
const haveShared = existsSync(join(shared, 'ArrowHead'));

describe.skipIf(!haveShared)(
  'real archive files (../shared/datasets is absent: the real archive files are third-party data and are not in the repository)',
  () => {
    it('ArrowHead TRAIN as .ts, .arff and .tsv has one fingerprint', async () => {
      const read = (name: string) => parse(name, readFileSync(join(shared, 'ArrowHead', name), 'utf8'));
      const prints = await Promise.all(
        ['ArrowHead_TRAIN.ts', 'ArrowHead_TRAIN.arff', 'ArrowHead_TRAIN.tsv'].map(read),
      );
      expect(prints.map((p) => p.format)).toEqual(['ts', 'arff', 'ucr']);
      expect(new Set(prints.map((p) => datasetFingerprint(p.dataset))).size).toBe(1);
    });

    it('BasicMotions TEST as .ts and .arff has one fingerprint', async () => {
      const read = (name: string) => parse(name, readFileSync(join(shared, 'BasicMotions', name), 'utf8'));
      const [ts, arff] = await Promise.all(['BasicMotions_TEST.ts', 'BasicMotions_TEST.arff'].map(read));
      expect(datasetFingerprint(arff.dataset)).toBe(datasetFingerprint(ts.dataset));
    });
  },
);
