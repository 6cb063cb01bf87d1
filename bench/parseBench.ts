// Parse time and peak memory of dataset files (not a test): the largest archive files in
// ../shared/datasets, and a generated long CSV of about 100 MB. Each file is parsed in a
// fresh process so its peak RSS is its own.
//
//   npx tsx bench/parseBench.ts [--mb 100] [--json]

import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDatasetFile } from '../electron/data/readDatasetFile';

const { values: args } = parseArgs({
  options: {
    one: { type: 'string' },
    mb: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});

async function parseOne(path: string): Promise<void> {
  const start = performance.now();
  const result = await readDatasetFile(path);
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok) throw new Error(result.error.message);
  const d = result.value.parsed.dataset;
  const values = d.sequences.reduce((n, s) => n + s.length, 0);
  console.log(
    JSON.stringify({
      seconds,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      sequences: d.sequences.length,
      values,
    }),
  );
}

async function generateLongCsv(path: string, targetMb: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('sequence_id,t,label,f1,f2,f3,f4,f5,f6,f7,f8\n');
  let seq = 0;
  let bytes = 0;
  while (bytes < targetMb * 1024 * 1024) {
    const rows: string[] = [];
    for (let t = 0; t < 100; t++) {
      const f = Array.from({ length: 8 }, (_, j) => Math.sin(seq * 0.37 + t * 0.11 * (j + 1)).toFixed(6));
      rows.push(`${seq},${t},class${seq % 5},${f.join(',')}`);
    }
    const chunk = `${rows.join('\n')}\n`;
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    seq++;
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function main(): Promise<void> {
  if (args.one) return parseOne(args.one);
  const shared = process.env.RNN_LAB_SHARED_DATASETS ?? resolve(__dirname, '../../shared/datasets');
  const files = [
    'JapaneseVowels/JapaneseVowels_TEST.ts',
    'ArrowHead/ArrowHead_TEST.arff',
    'ItalyPowerDemand/ItalyPowerDemand_TEST.ts',
  ]
    .map((f) => join(shared, f))
    .filter(existsSync);
  const csv = join(mkdtempSync(join(tmpdir(), 'rnn-lab-parse-')), 'long.csv');
  await generateLongCsv(csv, Number(args.mb));
  files.push(csv);
  const results = files.map((file) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--one', file], {
      encoding: 'utf8',
    });
    return {
      file,
      megabytes: statSync(file).size / 1024 / 1024,
      ...JSON.parse(out.trim().split('\n').pop() as string),
    };
  });
  if (args.json) return console.log(JSON.stringify({ results }, null, 2));
  for (const r of results) {
    console.log(
      `${r.file.split('/').pop()}: ${r.megabytes.toFixed(1)} MB, ${r.sequences} sequences, ${r.seconds.toFixed(2)} s, peak RSS ${r.maxRssMiB.toFixed(0)} MiB`,
    );
  }
}

void main();
