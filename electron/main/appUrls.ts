// Which addresses are the app's own page and which may open in the system browser. Pure, so
// the navigation rules are tested without Electron.

/** The built renderer is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rnn-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The app's own page: the custom protocol's origin, or, in development only, the origin of
 * electron-vite's dev server.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl === undefined) return false;
  const dev = parse(devServerUrl);
  return dev !== null && parsed.origin === dev.origin;
}

/** Links the user may follow out of the app: they open in the system browser, nothing else does. */
export function isExternalLink(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:')
  );
}
