// Connecting to a web host the way the browser will: a WebSocket (the `ws` package here) on
// /api with the token, wrapped in the same transport and typed client the renderer uses.

import { once } from 'node:events';
import WebSocket from 'ws';
import { createLabClient } from '../../../core/api/labClient';
import type { Envelope } from '../../../core/api/labError';
import { createWebSocketTransport } from '../../../core/api/webSocketTransport';
import type { WebHost } from '../../../electron/web/webHost';
import { startWebHost } from '../../../electron/web/webHost';
import type { LabConnection } from '../api/labHarness';
import { openTestLab } from '../api/labHarness';

export function apiUrl(host: WebHost, token: string | null = host.token): string {
  return `ws://127.0.0.1:${host.port}/api${token === null ? '' : `?token=${token}`}`;
}

export async function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, options);
  await once(socket, 'open');
  return socket;
}

/** The HTTP status an upgrade was refused with, or 'open' when it was accepted. */
export function upgradeOutcome(url: string, options: WebSocket.ClientOptions = {}): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', reject);
  });
}

/** The next message the socket receives, parsed. */
export async function nextMessage(socket: WebSocket): Promise<unknown> {
  const [data] = (await once(socket, 'message')) as [Buffer];
  return JSON.parse(data.toString('utf8'));
}

export async function connectWeb(): Promise<LabConnection> {
  const lab = openTestLab();
  const host = await startWebHost({ service: lab.service });
  const socket = await openSocket(apiUrl(host));
  const transport = createWebSocketTransport(socket);
  const rawInvoke = (method: string, args: unknown): Promise<Envelope> =>
    transport.invoke(method as Parameters<typeof transport.invoke>[0], args);
  return {
    client: createLabClient(transport),
    lab,
    rawInvoke,
    close: async () => {
      socket.close();
      await host.close();
      await lab.close();
    },
  };
}
