// One browser connection to the lab API over the web host's WebSocket: each text message
// { id, method, args } goes to the lab service and its envelope comes back as { id, envelope };
// the lab's events are pushed as { event, payload }. A malformed message is answered with an
// error, and the connection stays usable.

import type { RawData } from 'ws';
import { WebSocket } from 'ws';
import { labFailure } from '../../core/api/labError';
import type { WebServerMessage } from '../../core/api/webProtocol';
import { readWebRequest } from '../../core/api/webProtocol';
import type { LabService } from '../api/labService';

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}

export function serveLabSocket(socket: WebSocket, service: LabService): void {
  const send = (message: WebServerMessage): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      if (!('envelope' in message)) return;
      const reason = error instanceof Error ? error.message : String(error);
      text = JSON.stringify({
        id: message.id,
        envelope: labFailure('internal', `the answer could not be sent: ${reason}`),
      });
    }
    socket.send(text);
  };
  const stopEvents = service.on(send);

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      const envelope = labFailure(
        'invalid-arguments',
        'expected a JSON text message, not binary data',
        '(message)',
      );
      return send({ id: null, envelope });
    }
    const read = readWebRequest(textOf(data));
    if (!read.ok) return send(read.response);
    const { id, method, args } = read.request;
    void service.call(method, args).then((envelope) => send({ id, envelope }));
  });
  socket.on('close', stopEvents);
  // ws reports oversized or broken frames here and closes the connection itself.
  socket.on('error', () => undefined);
}
