import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/web/contentSecurityPolicy';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows scripts from the app only: no inline script, no eval', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval/);
    expect(csp.get('script-src')).not.toMatch(/unsafe-inline/);
  });

  it('forbids plugins, frames, foreign forms and base changes', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
  });

  it('lets the page connect to its own origin, and to the dev server only in development', () => {
    expect(directives(contentSecurityPolicy()).get('connect-src')).toBe("'self'");
    expect(directives(contentSecurityPolicy({ devServer: true })).get('connect-src')).toMatch(
      /ws:\/\/localhost/,
    );
  });
});
