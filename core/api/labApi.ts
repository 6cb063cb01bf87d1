// The lab API, the one door from the UI to the host (DESIGN.md): the typed method map, the
// events, the error envelope, and the argument check every host runs before a method does.
// Electron IPC and the web host's WebSocket are two transports of exactly this.

import type { z } from 'zod';
import type { LabError } from './labError';
import { labFailure } from './labError';
import type { LabResults } from './labMethods';
import { labMethodSchemas } from './labMethods';

export * from './labError';
export * from './labEvents';
export type * from './labResults';
export type * from './entities';
export { labMethodSchemas } from './labMethods';
export type { LabResults } from './labMethods';

export type LabMethodName = keyof LabResults;
type Schemas = typeof labMethodSchemas;

/** The argument object a caller passes (fields with defaults may be left out). */
export type LabArgs<M extends LabMethodName> = z.input<Schemas[M]>;
/** The argument object a host's method receives: checked, defaults filled in. */
export type LabParsedArgs<M extends LabMethodName> = z.output<Schemas[M]>;
export type LabResult<M extends LabMethodName> = LabResults[M];

export const LAB_METHOD_NAMES = Object.keys(labMethodSchemas) as LabMethodName[];

export function isLabMethodName(name: unknown): name is LabMethodName {
  return typeof name === 'string' && Object.hasOwn(labMethodSchemas, name);
}

/** `files[0].name`, from a schema issue's path. */
function fieldPath(path: readonly PropertyKey[]): string {
  let field = '';
  for (const key of path) {
    if (typeof key === 'number') field += `[${key}]`;
    else field += field === '' ? String(key) : `.${String(key)}`;
  }
  return field;
}

function invalid(field: string, message: string): { ok: false; error: LabError } {
  return labFailure('invalid-arguments', field === '' ? message : `${field}: ${message}`, field || undefined);
}

export type ArgumentsCheck<M extends LabMethodName> =
  { ok: true; method: M; args: LabParsedArgs<M> } | { ok: false; error: LabError };

/**
 * The method name and its arguments checked against the contract; a refusal names the field
 * (`config.hiddenSize: Too small: expected number to be >=1`). Absent arguments count as {}.
 */
export function checkLabCall(method: unknown, args: unknown): ArgumentsCheck<LabMethodName> {
  if (!isLabMethodName(method)) {
    const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : `a ${typeof method}`;
    return invalid('method', `${shown} is not a lab API method`);
  }
  // One schema per method; the union of all of them is too wide to call directly.
  const schema: z.ZodType = labMethodSchemas[method];
  const parsed = schema.safeParse(args === undefined ? {} : args);
  if (parsed.success) return { ok: true, method, args: parsed.data as LabParsedArgs<LabMethodName> };
  const issue = parsed.error.issues[0];
  const field = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return invalid(
      field === '' ? key : `${field}.${key}`,
      `is not an argument of ${method}${issue.keys.length > 1 ? ` (nor are ${issue.keys.slice(1).join(', ')})` : ''}`,
    );
  }
  return invalid(field === '' ? '(arguments)' : field, issue.message);
}
