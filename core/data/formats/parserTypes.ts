// What every dataset parser takes and gives. Parsers read text in chunks (an async iterable
// of strings) so a host can stream a file into them; they return a DataResult, never throw
// on bad input, and a file parses whole or not at all.

import type { Dataset } from '../dataset';
import type { DataResult } from '../dataError';

export type DatasetFormat = 'ts' | 'arff' | 'ucr' | 'long-csv' | 'json';

/**
 * What to do with a missing value (`?` in .ts/.arff, NaN or an empty cell elsewhere):
 * refuse the file (the default), carry the last observed value of that feature forward
 * (leading gaps take the first observed value), or put 0.
 */
export type MissingPolicy = 'refuse' | 'forward' | 'zero';

/** Which columns of a long CSV hold what; any left out are detected from the header. */
export interface LongCsvColumns {
  id?: string;
  label?: string;
  time?: string;
  /** The feature columns; by default every column that is not id, label or time. */
  features?: string[];
}

export interface ParseOptions {
  /** The file's name, for messages. */
  fileName: string;
  missing: MissingPolicy;
  /** Input larger than this, in UTF-8 bytes, is refused with a message stating the limit. */
  maxBytes: number;
  /** Long CSV only. */
  columns?: LongCsvColumns;
}

export interface ParsedDataset {
  dataset: Dataset;
  format: DatasetFormat;
  /** Missing values that were filled (0 under 'refuse'). */
  missingValues: number;
  /** Class labels in the order the file's header declares them, when it declares any. */
  declaredClassLabels: string[] | null;
}

export type DatasetParser = (
  chunks: AsyncIterable<string>,
  options: ParseOptions,
) => Promise<DataResult<ParsedDataset>>;

export const DEFAULT_PARSE_OPTIONS = { missing: 'refuse', maxBytes: 1024 * 1024 * 1024 } as const;
