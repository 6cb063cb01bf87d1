// The renderer's Content-Security-Policy, sent with every page by the desktop app's protocol
// and by the web host: scripts only from the app itself (no eval, no inline script), the lab
// API only over the page's own origin, no plugins, no frames, no foreign forms.

export interface CspOptions {
  /** electron-vite's dev server: Vite's client also talks over ws:// to localhost. */
  devServer?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = options.devServer === true ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Vue and chart.js set element styles; Vite's dev server injects <style> tags.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
