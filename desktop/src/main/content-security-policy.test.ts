import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyMetaTag } from './content-security-policy.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name!, sources];
    }),
  );
}

describe('content security policy of the window', () => {
  it('allows a built app nothing but its own files: no inline code, eval, network or frames', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    const everything = contentSecurityPolicy();
    expect(everything).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('opens exactly the dev server and its HMR socket in development', () => {
    const policy = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(policy.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(policy.get('connect-src')).toEqual(['http://localhost:5173', 'ws://localhost:5173']);
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' })).not.toMatch(/unsafe-eval/);
  });

  it('renders the same policy as a meta tag', () => {
    expect(contentSecurityPolicyMetaTag()).toBe(
      `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`,
    );
  });
});
