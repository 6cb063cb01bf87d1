// RNN Lab's dataset JSON, read and written:
//   { "sequences": number[][][], "labels": (string|number)[], "name"?: string, "classLabels"?: string[] }
// sequences[i][t][j] is feature j at step t of sequence i. Every problem comes back as a
// DataError naming the file, the field path and what was expected.
//
// This file reads the text and writes datasets; datasetJsonValidation.ts checks the parsed
// value field by field and jsonSyntax.ts places a syntax error.

import type { Dataset } from './dataset';
import { validateDataset } from './datasetJsonValidation';
import { dataFailure, type DataResult } from './dataError';
import { jsonSyntaxFailure } from './jsonSyntax';

export { locateJsonSyntaxError, type JsonSyntaxProblem } from './jsonSyntax';

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

export interface ParseDatasetJsonOptions {
  /** Input larger than this (in UTF-8 bytes) is refused. Default 512 MiB. */
  maxBytes?: number;
}

export async function parseDatasetJson(
  chunks: AsyncIterable<string>,
  fileName: string,
  options: ParseDatasetJsonOptions = {},
): Promise<DataResult<Dataset>> {
  const text = await readText(chunks, fileName, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!text.ok) return text;
  if (!/\S/.test(text.value)) {
    return dataFailure(
      'empty-file',
      fileName,
      'the file is empty; expected a JSON object with "sequences" and "labels"',
    );
  }
  let root: unknown;
  try {
    root = JSON.parse(text.value);
  } catch (err) {
    return jsonSyntaxFailure(text.value, fileName, err);
  }
  return validateDataset(root, fileName);
}

async function readText(
  chunks: AsyncIterable<string>,
  file: string,
  maxBytes: number,
): Promise<DataResult<string>> {
  const tooLarge = () =>
    dataFailure('too-large', file, `the file is larger than the limit of ${formatBytes(maxBytes)}`);
  const parts: string[] = [];
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += utf8Length(chunk);
      if (bytes > maxBytes) return tooLarge();
      parts.push(chunk);
    }
  } catch (err) {
    return dataFailure(
      'read-error',
      file,
      `the file could not be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let text: string;
  try {
    text = parts.join('');
  } catch {
    return tooLarge(); // beyond the engine's longest string
  }
  return { ok: true, value: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Each half of a surrogate pair adds one, so a pair counts 4 bytes.
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The inverse of parseDatasetJson: labels written by class name, one sequence per line. */
export function serializeDatasetJson(dataset: Dataset): string {
  const n = dataset.numFeatures;
  const lines = dataset.sequences.map((sequence) => {
    const steps: string[] = [];
    for (let t = 0; t < sequence.length; t += n) {
      steps.push(`[${Array.from(sequence.subarray(t, t + n), formatNumber).join(',')}]`);
    }
    return `    [${steps.join(',')}]`;
  });
  const labels = Array.from(dataset.labels, (k) => dataset.classLabels[k]);
  return [
    '{',
    `  "name": ${JSON.stringify(dataset.name)},`,
    `  "classLabels": ${JSON.stringify(dataset.classLabels)},`,
    `  "labels": ${JSON.stringify(labels)},`,
    lines.length === 0 ? '  "sequences": []' : `  "sequences": [\n${lines.join(',\n')}\n  ]`,
    '}',
    '',
  ].join('\n');
}

function formatNumber(x: number): string {
  // A Dataset holds finite numbers only; anything else is a bug upstream, not a data error.
  if (!Number.isFinite(x)) throw new RangeError(`serializeDatasetJson: non-finite value ${x}`);
  return String(x); // the shortest text that parses back to the same float64
}
