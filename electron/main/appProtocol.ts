// The app:// protocol that serves the built renderer (out/renderer) to the window, with the
// Content-Security-Policy on every response: the page never loads over file://.

import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../web/contentSecurityPolicy';
import { insideRoot } from '../web/staticFiles';
import { APP_HOST, APP_SCHEME } from './appUrls';

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
    const path = insideRoot(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (path === null) return notFound();
    const file = await net.fetch(pathToFileURL(path).toString());
    if (!file.ok) return notFound();
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: 200, headers });
  });
}
