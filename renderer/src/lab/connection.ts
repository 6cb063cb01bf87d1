// The renderer's one way to the host: the lab API client over the preload's bridge under
// Electron, or over the web host's WebSocket in a browser (the page's address carries the
// access token; the host also set it as a cookie when it served the page).

import { createLabClient, type LabClient } from '../../../core/api/labClient';
import type { LabBridge } from '../../../core/api/labBridge';
import { WEB_API_PATH, WEB_TOKEN_PARAM } from '../../../core/api/webProtocol';
import { createWebSocketTransport } from '../../../core/api/webSocketTransport';

export interface LabConnection {
  client: LabClient;
  /** The desktop bridge, or null in a browser. */
  bridge: LabBridge | null;
  /** Called when a browser's connection to the web host drops. */
  onClosed(listener: () => void): void;
}

function socketUrl(): string {
  const url = new URL(WEB_API_PATH, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  const token = new URLSearchParams(window.location.search).get(WEB_TOKEN_PARAM);
  url.search = token === null ? '' : `?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  return url.toString();
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener(
      'error',
      () =>
        reject(
          new Error(
            'the lab host refused the connection (is the web host running, and was the address opened with its token?)',
          ),
        ),
      { once: true },
    );
  });
}

export async function connectLab(): Promise<LabConnection> {
  const bridge = window.lab;
  if (bridge !== undefined) {
    return {
      client: createLabClient({ invoke: bridge.invoke, subscribe: bridge.subscribe }),
      bridge,
      onClosed: () => undefined,
    };
  }
  const socket = await openSocket(socketUrl());
  return {
    client: createLabClient(createWebSocketTransport(socket)),
    bridge: null,
    onClosed: (listener) => socket.addEventListener('close', listener),
  };
}
