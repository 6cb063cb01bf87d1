// A host call's answer as a value, for screens that show a refusal in place (a dataset that
// runs still use, a model that does not fit a dataset) instead of as a notice.

import { LabApiError } from '../../../core/api/labClient';
import type { LabErrorCode } from '../../../core/api/labError';
import { describeError } from './notices';

export type HostOutcome<T> = { ok: true; value: T } | { ok: false; code: LabErrorCode; message: string };

export async function attempt<T>(call: () => Promise<T>): Promise<HostOutcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const code = error instanceof LabApiError ? error.code : 'internal';
    return { ok: false, code, message: describeError(error) };
  }
}
