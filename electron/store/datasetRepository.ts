// The datasets table group: a dataset's record and its canonical parsed data, packed into
// BLOBs so that a run can be repeated, bit for bit, after the source file is gone.

import type Database from 'better-sqlite3';
import type { Dataset } from '../../core/data/dataset';
import { datasetFingerprint } from '../../core/data/fingerprint';
import { summarizeDataset } from '../../core/data/datasetSummary';
import type { DatasetRecord } from '../../core/api/entities';
import { storeFailure, storeOk } from './storeResult';
import type { DeleteErrorCode, StoreResult } from './storeResult';

export interface NewDataset {
  name: string;
  format: string;
  sources: string[];
  /** datasetFingerprint(train). */
  fingerprint: string;
  train: Dataset;
  test: Dataset | null;
  missingValues: number;
}

interface DatasetRow {
  id: number;
  name: string;
  format: string;
  sources: string;
  fingerprint: string;
  num_sequences: number;
  num_features: number;
  class_labels: string;
  class_counts: string;
  min_length: number;
  max_length: number;
  test_sequences: number | null;
  missing_values: number;
  created_at: string;
}

interface PartRow {
  part: 'train' | 'test';
  name: string;
  num_features: number;
  class_labels: string;
  lengths: Buffer;
  labels: Buffer;
  vals: Buffer;
}

function toRecord(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    sources: JSON.parse(row.sources) as string[],
    fingerprint: row.fingerprint,
    numSequences: row.num_sequences,
    numFeatures: row.num_features,
    classLabels: JSON.parse(row.class_labels) as string[],
    classCounts: JSON.parse(row.class_counts) as number[],
    minLength: row.min_length,
    maxLength: row.max_length,
    testSequences: row.test_sequences,
    missingValues: row.missing_values,
    createdAt: row.created_at,
  };
}

// Typed arrays are written in the machine's byte order, which is little-endian on every
// platform Electron and Node ship for; the schema documents the BLOBs as little-endian.
function bytesOf(array: Float64Array | Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** A copy into a fresh ArrayBuffer: a BLOB's Buffer may sit at an offset no Float64Array allows. */
function alignedCopy(blob: Buffer): ArrayBuffer {
  const bytes = new Uint8Array(blob.byteLength);
  bytes.set(blob);
  return bytes.buffer;
}

function packPart(dataset: Dataset): Omit<PartRow, 'part'> {
  const lengths = new Int32Array(dataset.sequences.length);
  let total = 0;
  dataset.sequences.forEach((sequence, i) => {
    lengths[i] = sequence.length / dataset.numFeatures;
    total += sequence.length;
  });
  const vals = new Float64Array(total);
  let offset = 0;
  for (const sequence of dataset.sequences) {
    vals.set(sequence, offset);
    offset += sequence.length;
  }
  return {
    name: dataset.name,
    num_features: dataset.numFeatures,
    class_labels: JSON.stringify(dataset.classLabels),
    lengths: bytesOf(lengths),
    labels: bytesOf(dataset.labels),
    vals: bytesOf(vals),
  };
}

function unpackPart(row: PartRow): Dataset {
  const lengths = new Int32Array(alignedCopy(row.lengths));
  const vals = new Float64Array(alignedCopy(row.vals));
  const sequences: Float64Array[] = [];
  let offset = 0;
  for (const length of lengths) {
    const size = length * row.num_features;
    sequences.push(vals.slice(offset, offset + size));
    offset += size;
  }
  return {
    name: row.name,
    numFeatures: row.num_features,
    classLabels: JSON.parse(row.class_labels) as string[],
    sequences,
    labels: new Int32Array(alignedCopy(row.labels)),
  };
}

export class DatasetRepository {
  private readonly selectById: Database.Statement<[number], DatasetRow>;
  private readonly selectAll: Database.Statement<[], DatasetRow>;
  private readonly selectByFingerprints: Database.Statement<[string, string], DatasetRow>;
  private readonly insertDataset: Database.Statement<[Record<string, unknown>]>;
  private readonly insertPart: Database.Statement<[PartRow & { dataset_id: number }]>;
  private readonly selectParts: Database.Statement<[number], PartRow>;
  private readonly countRuns: Database.Statement<[number], number>;
  private readonly deleteParts: Database.Statement<[number]>;
  private readonly deleteDataset: Database.Statement<[number]>;

  constructor(private readonly db: Database.Database) {
    this.selectById = db.prepare('SELECT * FROM datasets WHERE id = ?');
    this.selectAll = db.prepare('SELECT * FROM datasets ORDER BY id');
    this.selectByFingerprints = db.prepare(
      "SELECT * FROM datasets WHERE fingerprint = ? AND ifnull(test_fingerprint, '') = ?",
    );
    this.insertDataset = db.prepare(
      `INSERT INTO datasets (name, format, sources, fingerprint, test_fingerprint, num_sequences,
         num_features, class_labels, class_counts, min_length, max_length, test_sequences,
         missing_values, created_at)
       VALUES (@name, @format, @sources, @fingerprint, @test_fingerprint, @num_sequences,
         @num_features, @class_labels, @class_counts, @min_length, @max_length, @test_sequences,
         @missing_values, @created_at)`,
    );
    this.insertPart = db.prepare(
      `INSERT INTO dataset_parts (dataset_id, part, name, num_features, class_labels, lengths, labels, vals)
       VALUES (@dataset_id, @part, @name, @num_features, @class_labels, @lengths, @labels, @vals)`,
    );
    this.selectParts = db.prepare('SELECT * FROM dataset_parts WHERE dataset_id = ?');
    this.countRuns = db.prepare<[number], number>('SELECT count(*) FROM runs WHERE dataset_id = ?').pluck();
    this.deleteParts = db.prepare('DELETE FROM dataset_parts WHERE dataset_id = ?');
    this.deleteDataset = db.prepare('DELETE FROM datasets WHERE id = ?');
  }

  /**
   * Records a dataset and its data. Importing the same data again (same training and test
   * fingerprints, whatever the name or file) returns the existing record instead, so the
   * runs on it stay together.
   */
  insert(input: NewDataset): DatasetRecord {
    const testFingerprint = input.test === null ? null : datasetFingerprint(input.test);
    const existing = this.selectByFingerprints.get(input.fingerprint, testFingerprint ?? '');
    if (existing !== undefined) return toRecord(existing);
    const summary = summarizeDataset(input.train);
    const id = this.db.transaction(() => {
      const { lastInsertRowid } = this.insertDataset.run({
        name: input.name,
        format: input.format,
        sources: JSON.stringify(input.sources),
        fingerprint: input.fingerprint,
        test_fingerprint: testFingerprint,
        num_sequences: summary.sequences,
        num_features: summary.features,
        class_labels: JSON.stringify(input.train.classLabels),
        class_counts: JSON.stringify(summary.classes.map((c) => c.count)),
        min_length: summary.minLength,
        max_length: summary.maxLength,
        test_sequences: input.test === null ? null : input.test.sequences.length,
        missing_values: input.missingValues,
        created_at: new Date().toISOString(),
      });
      const datasetId = Number(lastInsertRowid);
      this.insertPart.run({ dataset_id: datasetId, part: 'train', ...packPart(input.train) });
      if (input.test !== null)
        this.insertPart.run({ dataset_id: datasetId, part: 'test', ...packPart(input.test) });
      return datasetId;
    })();
    return this.mustGet(id);
  }

  get(id: number): DatasetRecord | null {
    const row = this.selectById.get(id);
    return row === undefined ? null : toRecord(row);
  }

  list(): DatasetRecord[] {
    return this.selectAll.all().map(toRecord);
  }

  /** The data exactly as it was inserted, or null for an unknown id. */
  loadData(id: number): { train: Dataset; test: Dataset | null } | null {
    const parts = this.selectParts.all(id);
    const train = parts.find((p) => p.part === 'train');
    if (train === undefined) return null;
    const test = parts.find((p) => p.part === 'test');
    return { train: unpackPart(train), test: test === undefined ? null : unpackPart(test) };
  }

  /** Refused while runs use the dataset: their records would lose what they trained on. */
  delete(id: number): StoreResult<void, DeleteErrorCode> {
    const record = this.get(id);
    if (record === null) return storeFailure('not-found', `There is no dataset ${id}.`);
    const runs = this.countRuns.get(id) ?? 0;
    if (runs > 0) {
      return storeFailure(
        'in-use',
        `Dataset "${record.name}" is used by ${runs} run${runs === 1 ? '' : 's'}; delete ${runs === 1 ? 'it' : 'them'} first.`,
      );
    }
    this.db.transaction(() => {
      this.deleteParts.run(id);
      this.deleteDataset.run(id);
    })();
    return storeOk(undefined);
  }

  private mustGet(id: number): DatasetRecord {
    const record = this.get(id);
    if (record === null) throw new Error(`Dataset ${id} vanished right after it was written.`);
    return record;
  }
}
