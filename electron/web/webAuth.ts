// Who may use the web host: whoever holds its access token (in the address the host prints,
// then in an HttpOnly, SameSite=Strict cookie), and, for the WebSocket, only pages of the host's
// own origin, so that no other site open in the same browser can drive the lab.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_TOKEN_PARAM } from '../../core/api/webProtocol';

export function newAccessToken(): string {
  return randomBytes(32).toString('hex');
}

/** Per port, so two lab hosts on one machine do not overwrite each other's cookie. */
export function tokenCookieName(port: number): string {
  return `rnn-lab-${WEB_TOKEN_PARAM}-${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Compared in constant time, so the token cannot be guessed a character at a time. */
function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TokenCheck = 'query' | 'cookie' | null;

/** Where a request carries the right token: in the query (`?token=`), in the cookie, or nowhere. */
export function checkToken(request: IncomingMessage, url: URL, port: number, token: string): TokenCheck {
  const fromQuery = url.searchParams.get(WEB_TOKEN_PARAM);
  if (fromQuery !== null && sameToken(fromQuery, token)) return 'query';
  const fromCookie = cookieValue(request.headers.cookie, tokenCookieName(port));
  if (fromCookie !== null && sameToken(fromCookie, token)) return 'cookie';
  return null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::']);

/** `[::1]` for an IPv6 address, as a URL writes it. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The origins of the host's own pages: its address, and the loopback names for a local host. */
export function ownOrigins(host: string, port: number): Set<string> {
  const origins = new Set([`http://${urlHost(host)}:${port}`]);
  if (LOOPBACK.has(host)) {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) origins.add(`http://${name}:${port}`);
  }
  return origins;
}

/** Absent (a non-browser client) or one of the host's own origins. */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return origin === undefined || allowed.has(origin.toLowerCase());
}
