// Errors in user data are values, not exceptions: a code to branch on and a message that
// tells the user where the problem is and what was expected.

export type DataErrorCode =
  | 'empty-file'
  | 'too-large'
  | 'read-error'
  | 'bad-json'
  | 'bad-field'
  | 'missing-field'
  | 'length-mismatch'
  | 'no-sequences'
  | 'empty-sequence'
  | 'no-features'
  | 'ragged'
  | 'non-numeric'
  | 'non-finite'
  | 'missing-label'
  | 'bad-label'
  | 'unknown-label'
  | 'duplicate-label'
  | 'single-class'
  | 'unknown-format'
  | 'bad-spec'
  | 'unknown-dataset'
  | 'unknown-parameter'
  | 'bad-parameter';

export interface DataError {
  code: DataErrorCode;
  /** The file name (or, for a built-in spec, the spec string). */
  file: string;
  /** 1-based, when the position in the text is known. */
  line?: number;
  /** 1-based, in UTF-16 code units, when the position in the text is known. */
  column?: number;
  /** The path of the offending value, e.g. `sequences[2][5][1]`. */
  field?: string;
  /**
   * When `field` is set this reads as a predicate of it ("is "abc"; expected a finite
   * number"), so that formatDataError can write the field and the message as one sentence.
   */
  message: string;
}

export type DataFailure = { ok: false; error: DataError };
export type DataResult<T> = { ok: true; value: T } | DataFailure;

/** Where an error sits, besides its file. */
export interface DataErrorLocation {
  line?: number;
  column?: number;
  field?: string;
}

export function dataFailure(
  code: DataErrorCode,
  file: string,
  message: string,
  location: DataErrorLocation = {},
): DataFailure {
  return { ok: false, error: { code, file, ...location, message } };
}

/** `train.json, line 3, column 14: sequences[2][5][1] is "abc"; expected a finite number`. */
export function formatDataError(e: DataError): string {
  const where = [e.file];
  if (e.line !== undefined) where.push(`line ${e.line}`);
  if (e.column !== undefined) where.push(`column ${e.column}`);
  const subject = e.field !== undefined && e.field !== '' ? `${e.field} ` : '';
  return `${where.join(', ')}: ${subject}${e.message}`;
}
