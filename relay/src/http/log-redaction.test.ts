import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

describe('redactUrl', () => {
  it('should drop the whole query of the sign-in routes', () => {
    expect(redactUrl('/sign-in?token=abc')).toBe('/sign-in?[redacted]');
    expect(redactUrl('/sign-in/?x=1&token=abc')).toBe('/sign-in/?[redacted]');
    expect(redactUrl('/v1/auth/verify?code=123456')).toBe('/v1/auth/verify?[redacted]');
  });

  it('should redact parameters named like secrets elsewhere, and keep the rest', () => {
    expect(redactUrl('/v1/shape?table=events&offset=-1&token=abc&handle=h')).toBe(
      '/v1/shape?table=events&offset=-1&token=[redacted]&handle=h',
    );
    expect(redactUrl('/x?access_token=a&CODE=1&sessionId=s&api_key=k')).toBe(
      '/x?access_token=[redacted]&CODE=[redacted]&sessionId=[redacted]&api_key=[redacted]',
    );
    expect(redactUrl('/request/org/venue')).toBe('/request/org/venue');
    expect(redactUrl('/sign-inside?token=a')).toBe('/sign-inside?token=[redacted]');
  });
});
