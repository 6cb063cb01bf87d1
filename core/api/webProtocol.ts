// The web host's WebSocket messages, shared by the host and the browser's client. A request is
// { id, method, args }; the host answers { id, envelope } and pushes events as { event, payload }.
// Every message is one JSON text frame.

import type { Envelope } from './labError';
import { isEnvelope, labFailure } from './labError';
import type { LabEvent } from './labEvents';
import { LAB_EVENT_NAMES } from './labEvents';

/** The WebSocket endpoint on the web host. */
export const WEB_API_PATH = '/api';
/** The query parameter (and, with the port, the cookie name) that carries the access token. */
export const WEB_TOKEN_PARAM = 'token';
/** The largest message either side accepts: uploads of whole datasets travel as one message. */
export const MAX_WEB_MESSAGE_BYTES = 256 * 1024 * 1024;

export type RequestId = number | string;

export interface WebRequest {
  id: RequestId;
  method: string;
  args?: unknown;
}

export interface WebResponse {
  /** null when the request was too malformed to carry an id. */
  id: RequestId | null;
  envelope: Envelope;
}

export type WebServerMessage = WebResponse | LabEvent;

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is RequestId {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string';
}

/** A request from its text, or the error response to send back. */
export function readWebRequest(
  text: string,
): { ok: true; request: WebRequest } | { ok: false; response: WebResponse } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const envelope = labFailure('invalid-arguments', `the message is not valid JSON: ${reason}`, '(message)');
    return { ok: false, response: { id: null, envelope } };
  }
  if (!isFields(value)) {
    const envelope = labFailure(
      'invalid-arguments',
      'the message is not a JSON object { id, method, args }',
      '(message)',
    );
    return { ok: false, response: { id: null, envelope } };
  }
  const id = isRequestId(value.id) ? value.id : null;
  if (id === null) {
    const envelope = labFailure('invalid-arguments', 'id: expected a number or a string', 'id');
    return { ok: false, response: { id: null, envelope } };
  }
  if (typeof value.method !== 'string') {
    return {
      ok: false,
      response: { id, envelope: labFailure('invalid-arguments', 'method: expected a string', 'method') },
    };
  }
  return { ok: true, request: { id, method: value.method, args: value.args } };
}

/** A host message from its text, or null when it is not one. */
export function readWebServerMessage(text: string): WebServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isFields(value)) return null;
  if ('envelope' in value) {
    const id = value.id;
    if ((id !== null && !isRequestId(id)) || !isEnvelope(value.envelope)) return null;
    return { id, envelope: value.envelope };
  }
  if (typeof value.event === 'string' && (LAB_EVENT_NAMES as readonly string[]).includes(value.event)) {
    return value as unknown as LabEvent;
  }
  return null;
}
