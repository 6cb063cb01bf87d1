// Errors of the store are values: a code to branch on and a message a user can act on
// (STYLE.md, "Everywhere"). Exceptions from the store mean a bug, not a user's situation.

/** Why a database could not be opened. */
export type OpenErrorCode = 'too-new' | 'corrupt' | 'io';

/** Why a record could not be deleted. */
export type DeleteErrorCode = 'not-found' | 'in-use';

export type StoreResult<T, C extends string = OpenErrorCode> =
  { ok: true; value: T } | { ok: false; error: { code: C; message: string } };

export function storeOk<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function storeFailure<C extends string>(
  code: C,
  message: string,
): { ok: false; error: { code: C; message: string } } {
  return { ok: false, error: { code, message } };
}
