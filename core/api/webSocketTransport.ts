// The lab API transport over a WebSocket, for the browser (its own WebSocket) and for Node
// (the `ws` package's, which has the same addEventListener): requests get increasing ids and
// their answers are matched back by id; pushed events go to the subscribers.

import type { LabTransport } from './labClient';
import type { Envelope } from './labError';
import type { LabEventListener } from './labEvents';
import type { WebRequest } from './webProtocol';
import { readWebServerMessage } from './webProtocol';

/** The part of a WebSocket the transport uses. Pass a socket that is already open. */
export interface WebSocketLike {
  send(data: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
}

interface Pending {
  resolve: (envelope: Envelope) => void;
  reject: (error: Error) => void;
}

export function createWebSocketTransport(socket: WebSocketLike): LabTransport {
  const pending = new Map<number, Pending>();
  const listeners = new Set<LabEventListener>();
  let nextId = 1;
  let closed = false;

  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    const message = readWebServerMessage(event.data);
    if (message === null) return;
    if ('envelope' in message) {
      const waiting = typeof message.id === 'number' ? pending.get(message.id) : undefined;
      if (waiting === undefined) return;
      pending.delete(message.id as number);
      waiting.resolve(message.envelope);
      return;
    }
    for (const listener of listeners) listener(message);
  });
  socket.addEventListener('close', () => {
    closed = true;
    for (const waiting of pending.values())
      waiting.reject(new Error('the connection to the lab host closed'));
    pending.clear();
  });

  return {
    invoke(method, args) {
      if (closed) return Promise.reject(new Error('the connection to the lab host is closed'));
      const id = nextId++;
      const request: WebRequest = { id, method, args };
      return new Promise<Envelope>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          socket.send(JSON.stringify(request));
        } catch (error) {
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
