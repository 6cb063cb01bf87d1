// Which parser reads a file: by its extension, and by its content where the extension does
// not decide (.csv, .tsv and .txt are either the UCR wide form or a long CSV with a header;
// an unknown extension is sniffed).

import type { DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import type { DatasetFormat } from './parserTypes';

export const SUPPORTED_FORMATS =
  'UEA/UCR .ts, Weka .arff, UCR wide .tsv/.txt/.csv, long .csv with a header, RNN Lab dataset .json';

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function firstContentLine(head: string, comment: RegExp | null): string | null {
  for (const raw of head.replace(/^\ufeff/, '').split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (line === '' || (comment && comment.test(line))) continue;
    return line;
  }
  return null;
}

/** A header row: some cell after the first is not a number (nor a missing-value marker). */
function looksLikeHeader(line: string): boolean {
  const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  return cells.slice(1).some((c) => c !== '' && !/^(nan|\?)$/i.test(c) && !Number.isFinite(Number(c)));
}

function sniff(head: string): DatasetFormat | null {
  const line = firstContentLine(head, null);
  if (line === null) return null;
  if (line.startsWith('{') || line.startsWith('[')) return 'json';
  const lower = head.toLowerCase();
  if (/^\s*@relation\b/m.test(lower) || /^\s*@attribute\b/m.test(lower)) return 'arff';
  if (/^\s*@(problemname|classlabel|data|univariate|dimensions|serieslength)\b/m.test(lower)) return 'ts';
  const first = firstContentLine(head, null);
  if (first === null) return null;
  return looksLikeHeader(first) ? 'long-csv' : 'ucr';
}

/** `head` is the first few kilobytes of the file's text. */
export function detectFormat(fileName: string, head: string): DataResult<DatasetFormat> {
  const extension = extensionOf(fileName);
  switch (extension) {
    case 'ts':
      return { ok: true, value: 'ts' };
    case 'arff':
      return { ok: true, value: 'arff' };
    case 'json':
      return { ok: true, value: 'json' };
    case 'tsv':
    case 'txt':
    case 'csv': {
      const first = firstContentLine(head, null);
      return { ok: true, value: first !== null && looksLikeHeader(first) ? 'long-csv' : 'ucr' };
    }
  }
  const sniffed = sniff(head);
  if (sniffed) return { ok: true, value: sniffed };
  return dataFailure(
    'unknown-format',
    fileName,
    `is not a format RNN Lab reads${extension ? ` (.${extension})` : ''}; expected ${SUPPORTED_FORMATS}`,
  );
}
