// What the lab service's method groups share: the typed shape of a method's implementation,
// the context they work in, and the error values they answer with most often.

import type { LabMethodName, LabParsedArgs, LabResult } from '../../core/api/labApi';
import type { Envelope, LabFailure } from '../../core/api/labError';
import { labFailure } from '../../core/api/labError';
import type { RunProgress } from '../../core/api/labEvents';
import type { DataError } from '../../core/data/dataError';
import { formatDataError } from '../../core/data/dataError';
import type { RunManager } from '../runs/runManager';
import type { LabStore } from '../store/labStore';

/** A method's implementation: checked arguments in, an envelope out (sync or async). */
export type LabHandler<M extends LabMethodName> = (
  args: LabParsedArgs<M>,
) => Envelope<LabResult<M>> | Promise<Envelope<LabResult<M>>>;

/** The implementations of the methods whose names start with `P` ('datasets.', 'runs.', ...). */
export type LabHandlers<P extends string = string> = {
  [M in Extract<LabMethodName, `${P}${string}`>]: LabHandler<M>;
};

export interface LabServiceOptions {
  /** RNN Lab's version, for app.info. */
  version: string;
  /** The database file shown by app.info; default: the store's own path. */
  databasePath?: string;
  /** Default: process.platform. */
  platform?: string;
}

export interface LabContext {
  readonly store: LabStore;
  readonly runs: RunManager;
  readonly options: LabServiceOptions;
  /** Tells every listener that the list of datasets changed. */
  datasetsChanged(): void;
  /** The latest progress of each running run. */
  progress(): RunProgress[];
}

export function notFound(what: string, field?: string): LabFailure {
  return labFailure('not-found', what, field);
}

export function badData(error: DataError): LabFailure {
  return labFailure('bad-data', formatDataError(error), error.field);
}
