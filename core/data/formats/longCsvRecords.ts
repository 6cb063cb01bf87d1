// From lines to rows of cells in a long CSV: lines joined into records while a quoted field
// is open, the delimiter guessed from the first records, and records handed to papaparse in
// batches.

import Papa from 'papaparse';
import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';

const DELIMITERS = [',', ';', '\t'];
/** Records handed to papaparse at once, in characters; large enough to amortise the call. */
export const BATCH_CHARS = 1 << 16;
/** A record this long is taken for a quote that is never closed, not for real data. */
const MAX_RECORD_CHARS = 1 << 20;
/** Records the delimiter is guessed from; the first batch holds at least this many. */
export const SAMPLE_RECORDS = 11;

export interface CsvRecord {
  text: string;
  /** The line the record starts on. */
  line: number;
}

/**
 * Joins the lines of a quoted field that spans lines. A quote opens a quoted field only at
 * the start of a field, and inside one a doubled quote is an escaped quote (RFC 4180), which
 * is how papaparse reads it too.
 */
export class RecordAssembler {
  private pending = '';
  private pendingLine = 0;
  private error: DataFailure | null = null;

  constructor(private readonly file: string) {}

  /** `delimiter` is '' while it is not yet known. */
  push(text: string, line: number, delimiter: string): CsvRecord | null {
    if (this.pending === '') {
      if (text.indexOf('"') < 0) return text.trim() === '' ? null : { text, line };
      if (!endsInQuotes(text, false, delimiter)) return { text, line };
      this.pending = text;
      this.pendingLine = line;
      return null;
    }
    this.pending += `\n${text}`;
    if (this.pending.length > MAX_RECORD_CHARS) {
      this.error = this.unclosed(`runs on past ${MAX_RECORD_CHARS / (1 << 20)} MiB`);
      return null;
    }
    // A pending record ends inside quotes, so the next line starts inside them.
    if (endsInQuotes(text, true, delimiter)) return null;
    const record = { text: this.pending, line: this.pendingLine };
    this.pending = '';
    return record;
  }

  failure(): DataFailure | null {
    return this.error;
  }

  finish(): DataFailure | null {
    return this.error ?? (this.pending === '' ? null : this.unclosed('is never closed'));
  }

  private unclosed(what: string): DataFailure {
    return dataFailure(
      'bad-field',
      this.file,
      `a quoted field that starts on this line ${what}; expected a closing quote (")`,
      { line: this.pendingLine },
    );
  }
}

/** Scans one line; before the delimiter is known, any of the candidates starts a new field. */
function endsInQuotes(text: string, startInQuotes: boolean, delimiter: string): boolean {
  const d = delimiter === '' ? -1 : delimiter.charCodeAt(0);
  let inQuotes = startInQuotes;
  let fieldStart = !startInQuotes;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
    } else if (c === 34 && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else {
      fieldStart = d < 0 ? c === 44 || c === 59 || c === 9 : c === d;
    }
  }
  return inQuotes;
}

export function guessDelimiter(sample: CsvRecord[]): string {
  const text = sample
    .slice(0, SAMPLE_RECORDS)
    .map((r) => r.text)
    .join('\n');
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    newline: '\n',
    preview: SAMPLE_RECORDS,
  });
  return guess.errors.some((e) => e.code === 'UndetectableDelimiter') ? ',' : guess.meta.delimiter;
}

/**
 * One papaparse call per batch. Papa.Parser is the parser papaparse's own streamers feed
 * chunk by chunk; over a string, Papa.parse wraps it in a streamer and handle per call and
 * parsed a 150 MB file about 1.5 times slower here. When the rows do not line up with the
 * records (a malformed quote), the batch is parsed again record by record to name the line.
 */
export function parseBatch(batch: CsvRecord[], delimiter: string, file: string): DataResult<string[][]> {
  const parser = new Papa.Parser({ delimiter, newline: '\n' });
  const whole = runParser(parser, batch.length === 1 ? batch[0].text : batch.map((r) => r.text).join('\n'));
  if (whole.errors.length === 0 && whole.data.length === batch.length) return { ok: true, value: whole.data };
  const rows: string[][] = [];
  for (const record of batch) {
    const one = runParser(parser, record.text);
    if (one.errors.length > 0 || one.data.length !== 1) {
      const reason = one.errors[0]?.message.toLowerCase() ?? 'it holds more than one row';
      const message =
        `the line is not valid CSV (${reason}); expected cells separated by ` +
        `"${showDelimiter(delimiter)}", quoted with " where needed`;
      return dataFailure('bad-field', file, message, { line: record.line });
    }
    rows.push(one.data[0]);
  }
  return { ok: true, value: rows };
}

/** Papa.Parser's parse is typed `any`; without a header its result is rows of strings. */
function runParser(parser: Papa.Parser, text: string): Papa.ParseResult<string[]> {
  return parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
}

function showDelimiter(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}
