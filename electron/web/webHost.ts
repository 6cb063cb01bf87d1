// The web host: the lab API for a browser. An HTTP server (node:http) serves the built
// renderer to whoever holds the access token, and its WebSocket endpoint /api (the `ws`
// package) carries the lab API to pages of its own origin. Bound to 127.0.0.1 by default.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_WEB_MESSAGE_BYTES, WEB_API_PATH, WEB_TOKEN_PARAM } from '../../core/api/webProtocol';
import type { LabService } from '../api/labService';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { serveLabSocket } from './labSocket';
import { sendText, serveStatic } from './staticFiles';
import { checkToken, isAllowedOrigin, newAccessToken, ownOrigins, tokenCookie, urlHost } from './webAuth';

export interface WebHostOptions {
  service: LabService;
  /** Default '127.0.0.1': only this machine. */
  host?: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** Default: 32 random bytes in hex. */
  token?: string;
  /** The built renderer; without it the host serves a short placeholder page. */
  staticDir?: string;
  /** The largest WebSocket message accepted; default MAX_WEB_MESSAGE_BYTES (uploads travel whole). */
  maxMessageBytes?: number;
}

export interface WebHost {
  /** http://HOST:PORT/?token=TOKEN: the address to open. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The address carries the token: never pass it on to another site.
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': contentSecurityPolicy(),
};

const UNAUTHORIZED =
  'RNN Lab: this address needs the access token. Open the address the web host printed (it ends in ?token=...).';

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** The request's URL, or null when it cannot be parsed (`//[` would make URL throw). */
function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newAccessToken();
  if (token.length === 0) throw new Error('startWebHost: the access token is empty');
  let port = 0;
  let origins = new Set<string>();

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? MAX_WEB_MESSAGE_BYTES,
  });
  sockets.on('connection', (socket) => serveLabSocket(socket, options.service));

  const handleRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = requestUrl(request);
    if (url === null) return sendText(response, 400, 'RNN Lab: the address cannot be read.');
    const carried = checkToken(request, url, port, token);
    if (carried === null) return sendText(response, 401, UNAUTHORIZED);
    if (carried === 'query') response.setHeader('Set-Cookie', tokenCookie(port, token));
    if (url.pathname === WEB_API_PATH) return sendText(response, 426, 'The lab API speaks WebSocket here.');
    await serveStatic(request, response, options.staticDir, url.pathname);
  };

  const server = createServer((request, response) => {
    handleRequest(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'RNN Lab: the web host failed on this request.');
      else response.destroy();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(request);
    if (url === null) return refuseUpgrade(socket, 400);
    if (url.pathname !== WEB_API_PATH) return refuseUpgrade(socket, 404);
    if (checkToken(request, url, port, token) === null) return refuseUpgrade(socket, 401);
    if (!isAllowedOrigin(request.headers.origin, origins)) return refuseUpgrade(socket, 403);
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  port = await listen(server, options.port ?? 0, host);
  origins = ownOrigins(host, port);
  const address = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost(host);
  let closing: Promise<void> | null = null;

  return {
    url: `http://${address}:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    port,
    token,
    close: () => {
      closing ??= (async () => {
        for (const client of sockets.clients) client.terminate();
        await new Promise<void>((resolve) => sockets.close(() => resolve()));
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
