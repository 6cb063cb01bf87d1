// The web host's door: the page and the API need the token, and the page it serves is the
// real renderer, connected, with the built-in tasks in place from the first start.
import { expect, test } from '@playwright/test';
import type { RunningWebHost } from './webHost';
import { startWebHost } from './webHost';

let host: RunningWebHost;

test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('without the token the page is refused with a readable message', async ({ page }) => {
  const response = await page.goto(`${host.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('needs the access token');
});

test('with the token the app opens, connected, with a strict content security policy', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(host.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Datasets' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('once the page is open, its cookie carries the token for the API socket', async ({ page }) => {
  await page.goto(host.url);
  const outcome = await page.evaluate(async (origin) => {
    const attempt = (url: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('refused');
      });
    const withCookie = await attempt(`${origin.replace('http', 'ws')}/api`);
    return { withCookie };
  }, host.origin);
  expect(outcome.withCookie).toBe('open');
});
