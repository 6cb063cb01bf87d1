// The typed lab API client, over any transport (IPC through the preload's window.lab, or the
// web host's WebSocket): results come back typed, and error envelopes become rejected
// promises carrying the LabError's code and message.

import type { LabArgs, LabMethodName, LabResult } from './labApi';
import type { Envelope, LabErrorCode } from './labError';
import { isEnvelope } from './labError';
import type { LabEventListener, LabEventName, LabEventPayload } from './labEvents';

/** What a transport must do: carry one call and its envelope, and deliver the host's events. */
export interface LabTransport {
  invoke(method: LabMethodName, args: unknown): Promise<Envelope>;
  /** Returns the function that ends the subscription. */
  subscribe(listener: LabEventListener): () => void;
}

/** A failed call: the LabError's code (and field) on an Error whose message is the LabError's. */
export class LabApiError extends Error {
  override readonly name = 'LabApiError';

  constructor(
    readonly code: LabErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Methods whose arguments are all optional may be called without any. */
type ArgsParameter<M extends LabMethodName> =
  Record<never, never> extends LabArgs<M> ? [args?: LabArgs<M>] : [args: LabArgs<M>];

export interface LabClient {
  invoke<M extends LabMethodName>(method: M, ...args: ArgsParameter<M>): Promise<LabResult<M>>;
  on<E extends LabEventName>(event: E, listener: (payload: LabEventPayload<E>) => void): () => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createLabClient(transport: LabTransport): LabClient {
  return {
    async invoke<M extends LabMethodName>(method: M, ...rest: ArgsParameter<M>): Promise<LabResult<M>> {
      let envelope: unknown;
      try {
        envelope = await transport.invoke(method, rest[0] ?? {});
      } catch (error) {
        throw new LabApiError('internal', `${method}: the lab host could not be reached: ${describe(error)}`);
      }
      if (!isEnvelope(envelope)) {
        throw new LabApiError('internal', `${method}: the lab host sent an answer that is not an envelope`);
      }
      if (!envelope.ok)
        throw new LabApiError(envelope.error.code, envelope.error.message, envelope.error.field);
      // The host checked the call against the same contract; the value has the method's type.
      return envelope.value as LabResult<M>;
    },
    on<E extends LabEventName>(event: E, listener: (payload: LabEventPayload<E>) => void): () => void {
      return transport.subscribe((message) => {
        if (message.event === event) listener(message.payload as LabEventPayload<E>);
      });
    },
  };
}
