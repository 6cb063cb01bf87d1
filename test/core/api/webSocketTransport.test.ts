// The WebSocket transport and message shapes over a fake socket: answers matched by id,
// events passed on, pending calls rejected when the connection closes, and the host's reading
// of malformed requests.

import { describe, expect, it } from 'vitest';
import { labOk } from '../../../core/api/labError';
import type { LabEvent } from '../../../core/api/labEvents';
import { readWebRequest, readWebServerMessage } from '../../../core/api/webProtocol';
import type { WebSocketLike } from '../../../core/api/webSocketTransport';
import { createWebSocketTransport } from '../../../core/api/webSocketTransport';

class FakeSocket implements WebSocketLike {
  readonly sent: string[] = [];
  private readonly onMessage: ((event: { data: unknown }) => void)[] = [];
  private readonly onClose: (() => void)[] = [];

  send(data: string): void {
    this.sent.push(data);
  }

  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  addEventListener(
    type: 'message' | 'close',
    listener: ((event: { data: unknown }) => void) | (() => void),
  ): void {
    if (type === 'message') this.onMessage.push(listener);
    else this.onClose.push(listener as () => void);
  }

  receive(data: unknown): void {
    this.onMessage.forEach((listener) => listener({ data }));
  }

  close(): void {
    this.onClose.forEach((listener) => listener());
  }
}

describe('the WebSocket transport', () => {
  it('matches answers to requests by id, whatever their order', async () => {
    const socket = new FakeSocket();
    const transport = createWebSocketTransport(socket);
    const first = transport.invoke('app.info', {});
    const second = transport.invoke('runs.get', { id: 2 });
    expect(socket.sent.map((text) => JSON.parse(text))).toEqual([
      { id: 1, method: 'app.info', args: {} },
      { id: 2, method: 'runs.get', args: { id: 2 } },
    ]);
    socket.receive(JSON.stringify({ id: 2, envelope: labOk('two') }));
    socket.receive('not json');
    socket.receive(JSON.stringify({ id: 1, envelope: labOk('one') }));
    expect(await first).toEqual(labOk('one'));
    expect(await second).toEqual(labOk('two'));
  });

  it('passes events on and rejects pending calls when the connection closes', async () => {
    const socket = new FakeSocket();
    const transport = createWebSocketTransport(socket);
    const events: LabEvent[] = [];
    transport.subscribe((event) => events.push(event));
    const event: LabEvent = { event: 'run.status', payload: { runId: 1, status: 'queued', error: null } };
    socket.receive(JSON.stringify(event));
    socket.receive(JSON.stringify({ event: 'no.such.event', payload: {} }));
    expect(events).toEqual([event]);
    const pending = transport.invoke('app.info', {});
    socket.close();
    await expect(pending).rejects.toThrow('closed');
    await expect(transport.invoke('app.info', {})).rejects.toThrow('closed');
  });
});

describe('the web messages', () => {
  it('reads requests and answers malformed ones with an error response', () => {
    expect(readWebRequest('{"id": 1, "method": "app.info"}')).toEqual({
      ok: true,
      request: { id: 1, method: 'app.info', args: undefined },
    });
    for (const [text, id, field] of [
      ['{', null, '(message)'],
      ['"text"', null, '(message)'],
      ['{"id": {}, "method": "app.info"}', null, 'id'],
      ['{"id": "x", "method": 3}', 'x', 'method'],
    ] as const) {
      const read = readWebRequest(text);
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      expect(read.response.id).toBe(id);
      expect(read.response.envelope).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', field },
      });
    }
  });

  it('recognizes only well-formed host messages', () => {
    expect(readWebServerMessage('{"id": 1, "envelope": {"ok": true, "value": 2}}')).toEqual({
      id: 1,
      envelope: labOk(2),
    });
    expect(
      readWebServerMessage(
        '{"id": 1, "envelope": {"ok": false, "error": {"code": "teapot", "message": ""}}}',
      ),
    ).toBeNull();
    expect(readWebServerMessage('{"event": "datasets.changed", "payload": {}}')).toEqual({
      event: 'datasets.changed',
      payload: {},
    });
    expect(readWebServerMessage('[]')).toBeNull();
  });
});
