// Developer tool: a screenshot of one address of a running web host in Debian's Chromium.
//   node scripts/screenshot.mjs 'http://127.0.0.1:5199/?token=dev#/runs' out.png [width] [height] [dark]
import { chromium } from '@playwright/test';

const [url, file, width = '1400', height = '900', scheme = 'light'] = process.argv.slice(2);
if (!url || !file) {
  console.error('usage: node scripts/screenshot.mjs URL FILE.png [width] [height] [light|dark]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: scheme,
});
page.on('console', (message) => {
  if (message.type() === 'error') console.error('console:', message.text());
});
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT_MS ?? 1500));
await page.screenshot({ path: file, fullPage: true });
await browser.close();
console.log(`saved ${file}`);
