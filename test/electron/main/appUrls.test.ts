import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isExternalLink } from '../../../electron/main/appUrls';

describe('the app page and the links that leave it', () => {
  it('trusts the app:// origin and nothing else in a packaged app', () => {
    expect(isAppUrl(APP_ENTRY_URL, undefined)).toBe(true);
    expect(isAppUrl('app://rnn-lab/assets/index.js', undefined)).toBe(true);
    expect(isAppUrl('app://other/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('https://example.com/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });

  it('trusts the dev server by origin only, in development', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/#/runs', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false);
  });

  it('lets only web and mail links open in the system browser', () => {
    expect(isExternalLink('https://www.timeseriesclassification.com/')).toBe(true);
    expect(isExternalLink('mailto:someone@example.com')).toBe(true);
    expect(isExternalLink('file:///home/user/.ssh/id_rsa')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('smb://server/share')).toBe(false);
  });
});
