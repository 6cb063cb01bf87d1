// The long CSV form: a header, then one row per time step with a sequence id, a class label,
// feature values and optionally a time to order by. Rows of one sequence may be contiguous or
// interleaved. Lines stream in, are gathered into complete records (a quoted field may span
// lines) and handed to papaparse in batches; values go straight into per-sequence
// Float64Arrays, so memory follows the parsed numbers rather than the text.
//
// This file feeds the lines through; longCsvRecords.ts turns them into rows of cells,
// longCsvColumns.ts finds each column's role from the header and longCsvTable.ts gathers the
// rows into sequences.

import type { DataFailure, DataResult } from '../dataError';
import { dataFailure } from '../dataError';
import { readLines } from './lines';
import { resolveColumns } from './longCsvColumns';
import {
  BATCH_CHARS,
  type CsvRecord,
  guessDelimiter,
  parseBatch,
  RecordAssembler,
  SAMPLE_RECORDS,
} from './longCsvRecords';
import { RowTable } from './longCsvTable';
import type { DatasetParser, ParsedDataset, ParseOptions } from './parserTypes';

export { LONG_CSV_ROLE_NAMES } from './longCsvColumns';

export const parseLongCsvFile: DatasetParser = async (chunks, options) => {
  const reader = readLines(chunks, options.fileName, options.maxBytes);
  const records = new RecordAssembler(options.fileName);
  const rows = new BatchReader(options);
  let batch: CsvRecord[] = [];
  let batchChars = 0;
  for await (const line of reader.lines) {
    const record = records.push(line.text, line.number, rows.delimiter);
    if (record === null) {
      const failure = records.failure();
      if (failure !== null) return failure;
      continue;
    }
    batch.push(record);
    batchChars += record.text.length;
    // The first batch also serves to guess the delimiter, so it holds a few records at least.
    if (batchChars >= BATCH_CHARS && batch.length >= SAMPLE_RECORDS) {
      const failure = rows.add(batch);
      if (failure !== null) return failure;
      batch = [];
      batchChars = 0;
    }
  }
  const failure = reader.failure() ?? records.finish() ?? (batch.length > 0 ? rows.add(batch) : null);
  return failure ?? rows.finish();
};

/** Turns batches of records into rows: the first is the header, the rest go to a RowTable. */
class BatchReader {
  /** Empty until guessed from the first batch. */
  delimiter = '';
  private table: RowTable | null = null;

  constructor(private readonly options: ParseOptions) {}

  add(batch: CsvRecord[]): DataFailure | null {
    if (this.delimiter === '') this.delimiter = guessDelimiter(batch);
    const rows = parseBatch(batch, this.delimiter, this.options.fileName);
    if (!rows.ok) return rows;
    for (let r = 0; r < rows.value.length; r++) {
      const cells = rows.value[r];
      const line = batch[r].line;
      if (this.table === null) {
        const columns = resolveColumns(cells, this.options, line);
        if (!columns.ok) return columns;
        this.table = new RowTable(columns.value, cells.length, line, this.options);
      } else {
        const failure = this.table.addRow(cells, line);
        if (failure !== null) return failure;
      }
    }
    return null;
  }

  finish(): DataResult<ParsedDataset> {
    if (this.table !== null) return this.table.finish(this.options.fileName);
    return dataFailure(
      'empty-file',
      this.options.fileName,
      'the file is empty; expected a header naming the id, label and feature columns, then one row per time step',
    );
  }
}
