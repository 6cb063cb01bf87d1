// Serving the built renderer's files from one folder: GET and HEAD only, never a path outside
// the folder, index.html for the app's own routes, and a short page when nothing is built yet.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RNN Lab</title></head>
<body><h1>RNN Lab</h1><p>The web host is running, but the user interface has not been built yet.
The lab API answers on the WebSocket at <code>/api</code>.</p></body></html>
`;

export function sendText(response: ServerResponse, status: number, text: string, type = 'text/plain'): void {
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path, size: info.size };
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // Not there: the caller decides between the app's index.html and a 404.
  }
  return null;
}

/** The file a URL path names inside `root`, or null when it would leave the folder. */
export function insideRoot(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${decoded}`);
  return path === root || path.startsWith(root + sep) ? path : null;
}

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  staticDir: string | undefined,
  pathname: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendText(response, 405, 'Only GET and HEAD are served here.');
  }
  const root = staticDir === undefined ? null : resolve(staticDir);
  const rootIndex = root === null ? null : await fileAt(join(root, 'index.html'));
  if (root === null || rootIndex === null) {
    return pathname === '/'
      ? sendText(response, 200, NOT_BUILT_PAGE, 'text/html')
      : sendText(response, 404, 'Not found.');
  }
  const target = insideRoot(root, pathname);
  if (target === null) return sendText(response, 404, 'Not found.');
  // A path without an extension is one of the app's routes: the app's index.html shows it.
  const file = (await fileAt(target)) ?? (extname(target) === '' ? rootIndex : null);
  if (file === null) return sendText(response, 404, 'Not found.');
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') return void response.end();
  const stream = createReadStream(file.path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
