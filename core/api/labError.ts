// Errors of the lab API are values (STYLE.md, "Everywhere"): a code the UI can branch on and a
// message a user can act on. Every answer travels in the same envelope over every transport.

export type LabErrorCode =
  /** The method is unknown or its arguments do not fit its schema; `field` names the culprit. */
  | 'invalid-arguments'
  /** A dataset, run, model or test part that does not exist. */
  | 'not-found'
  /** The request clashes with the lab's state: deleting a dataset that runs use, a running run. */
  | 'conflict'
  /** Data that cannot be read or does not fit (a file's line, a feature count, a label). */
  | 'bad-data'
  /** Model JSON that cannot be read; `field` names the path in it. */
  | 'bad-model'
  /** The caller is not allowed to use the lab (an IPC message from a page that is not the app's). */
  | 'forbidden'
  /** A bug in the lab host; the message says what failed. */
  | 'internal';

export interface LabError {
  code: LabErrorCode;
  message: string;
  /** The argument (`config.hiddenSize`, `files[1].name`) or model field (`layers[0].W`) at fault. */
  field?: string;
}

export type LabSuccess<T> = { ok: true; value: T };
export type LabFailure = { ok: false; error: LabError };

/** What every call answers, through IPC and the WebSocket alike. */
export type Envelope<T = unknown> = LabSuccess<T> | LabFailure;

export function labOk<T>(value: T): LabSuccess<T> {
  return { ok: true, value };
}

export function labFailure(code: LabErrorCode, message: string, field?: string): LabFailure {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

const CODES: readonly LabErrorCode[] = [
  'invalid-arguments',
  'not-found',
  'conflict',
  'bad-data',
  'bad-model',
  'forbidden',
  'internal',
];

/** True for a well-formed envelope, as a transport receives it from the other side. */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  if (fields.ok === true) return true;
  if (fields.ok !== false || typeof fields.error !== 'object' || fields.error === null) return false;
  const error = fields.error as Record<string, unknown>;
  return (
    CODES.includes(error.code as LabErrorCode) &&
    typeof error.message === 'string' &&
    (error.field === undefined || typeof error.field === 'string')
  );
}
