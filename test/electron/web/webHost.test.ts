// The lab API through the web host's WebSocket: the shared contract suite over a real socket,
// the access token (HTTP and the WebSocket upgrade), the Origin check, static files, and
// malformed or oversized messages that are answered or refused without harming the host.

import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { WebHost } from '../../../electron/web/webHost';
import { startWebHost } from '../../../electron/web/webHost';
import { tempDir } from '../../helpers/runLab';
import { describeLabContract } from '../api/labContract';
import type { TestLab } from '../api/labHarness';
import { openTestLab } from '../api/labHarness';
import { apiUrl, connectWeb, nextMessage, openSocket, upgradeOutcome } from './webTestClient';

describeLabContract('the web host (WebSocket)', connectWeb);

/** A GET with the exact path given (fetch would normalize `..` away). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web host', () => {
  let lab: TestLab;
  let host: WebHost;
  let staticDir: string;
  let base: string;

  beforeAll(async () => {
    lab = openTestLab();
    const root = tempDir('rnn-lab-static-');
    staticDir = join(root, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>RNN Lab app</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("lab");');
    writeFileSync(join(root, 'secret.txt'), 'not for the browser');
    host = await startWebHost({ service: lab.service, staticDir });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    await lab.close();
  });

  it('prints an address on 127.0.0.1 carrying a 64-digit hex token', () => {
    expect(host.url).toBe(`${base}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves files only with the token, then by an HttpOnly, SameSite=Strict cookie', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/assets/app.js?token=wrong`)).status).toBe(401);
    const first = await fetch(host.url);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('RNN Lab app');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const byCookie = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0] } });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('content-type')).toContain('text/javascript');
    expect(byCookie.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("serves the app's routes with index.html, and nothing outside its folder", async () => {
    const token = `token=${host.token}`;
    expect((await rawGet(host.port, `/runs/3?${token}`)).body).toContain('RNN Lab app');
    expect((await rawGet(host.port, `/missing.js?${token}`)).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const answer = await rawGet(host.port, `${path}?${token}`);
      expect(answer.body, path).not.toContain('not for the browser');
    }
    expect((await fetch(host.url, { method: 'POST' })).status).toBe(405);
    expect((await rawGet(host.port, '//[')).status).toBe(400);
  });

  it('serves a placeholder page while the renderer is not built', async () => {
    const bare = await startWebHost({ service: lab.service });
    const page = await fetch(bare.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('not been built yet');
    await bare.close();
  });

  it('accepts WebSocket upgrades only with the token and from its own origin', async () => {
    expect(await upgradeOutcome(apiUrl(host, null))).toBe(401);
    expect(await upgradeOutcome(apiUrl(host, 'wrong'))).toBe(401);
    expect(await upgradeOutcome(`ws://127.0.0.1:${host.port}/other?token=${host.token}`)).toBe(404);
    expect(await upgradeOutcome(apiUrl(host), { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeOutcome(apiUrl(host), { origin: `http://127.0.0.1:${host.port + 1}` })).toBe(403);
    expect(await upgradeOutcome(apiUrl(host), { origin: base })).toBe('open');
    expect(await upgradeOutcome(apiUrl(host), { origin: `http://localhost:${host.port}` })).toBe('open');
    expect(await upgradeOutcome(apiUrl(host))).toBe('open');
    const cookie = `rnn-lab-token-${host.port}=${host.token}`;
    expect(await upgradeOutcome(apiUrl(host, null), { origin: base, headers: { cookie } })).toBe('open');
  });

  it('answers malformed messages with an error and stays usable', async () => {
    const socket = await openSocket(apiUrl(host));
    const exchange = async (data: string | Buffer): Promise<unknown> => {
      const answer = nextMessage(socket);
      socket.send(data);
      return answer;
    };
    expect(await exchange('{not json')).toMatchObject({
      id: null,
      envelope: { ok: false, error: { code: 'invalid-arguments', field: '(message)' } },
    });
    expect(await exchange('[1, 2]')).toMatchObject({ id: null, envelope: { ok: false } });
    expect(await exchange('{"method": "app.info"}')).toMatchObject({
      id: null,
      envelope: { error: { field: 'id' } },
    });
    expect(await exchange('{"id": 7}')).toMatchObject({ id: 7, envelope: { error: { field: 'method' } } });
    expect(await exchange(Buffer.from('{"id": 8, "method": "app.info"}'))).toMatchObject({
      id: null,
      envelope: { ok: false, error: { message: 'expected a JSON text message, not binary data' } },
    });
    expect(await exchange('{"id": "a", "method": "runs.get", "args": {"id": -1}}')).toMatchObject({
      id: 'a',
      envelope: { ok: false, error: { code: 'invalid-arguments', field: 'id' } },
    });
    expect(await exchange('{"id": 9, "method": "app.info"}')).toMatchObject({
      id: 9,
      envelope: { ok: true },
    });
    socket.close();
  });

  it('closes a connection whose message is too large, and keeps serving others', async () => {
    const small = await startWebHost({ service: lab.service, maxMessageBytes: 1024 });
    const socket = await openSocket(apiUrl(small));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
    socket.send(JSON.stringify({ id: 1, method: 'models.inspect', args: { text: 'x'.repeat(4096) } }));
    expect(await closed).toBe(1009);
    const again = await openSocket(apiUrl(small));
    const answer = nextMessage(again);
    again.send('{"id": 1, "method": "app.info"}');
    expect(await answer).toMatchObject({ id: 1, envelope: { ok: true } });
    again.close();
    await small.close();
  });

  it('pushes events to every connection, and closes them when it closes', async () => {
    const other = await startWebHost({ service: lab.service });
    const sockets: WebSocket[] = [await openSocket(apiUrl(other)), await openSocket(apiUrl(other))];
    const events = sockets.map((socket) => nextMessage(socket));
    await lab.service.call('datasets.importBuiltin', { spec: 'builtin:waveforms?n=20&nTest=10' });
    for (const event of await Promise.all(events))
      expect(event).toEqual({ event: 'datasets.changed', payload: {} });
    const closed = sockets.map((socket) => new Promise((resolve) => socket.on('close', resolve)));
    await other.close();
    await Promise.all(closed);
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
