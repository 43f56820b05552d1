import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from './deep-link.js';

const TOKEN = 'Zq3_vY-8kL.m~P0aB9xT2wRt';

describe('sign-in deep links', () => {
  it('reads the token of a sign-in link', () => {
    expect(parseDeepLink(`promoteros://sign-in?token=${TOKEN}`)).toEqual({ kind: 'sign-in', token: TOKEN });
    expect(parseDeepLink(`promoteros://sign-in/?token=${TOKEN}&utm=mail`)).toEqual({ kind: 'sign-in', token: TOKEN });
    expect(parseDeepLink(`promoteros:sign-in?token=${TOKEN}`)).toEqual({ kind: 'sign-in', token: TOKEN });
  });

  it('ignores other schemes, other targets, and missing or malformed tokens', () => {
    expect(parseDeepLink(`https://sign-in?token=${TOKEN}`)).toBeNull();
    expect(parseDeepLink(`promoteros://settings?token=${TOKEN}`)).toBeNull();
    expect(parseDeepLink('promoteros://sign-in')).toBeNull();
    expect(parseDeepLink('promoteros://sign-in?token=short')).toBeNull();
    expect(parseDeepLink(`promoteros://sign-in?token=${'a'.repeat(201)}`)).toBeNull();
    expect(parseDeepLink(`promoteros://sign-in?token=${TOKEN}%3Cscript%3E`)).toBeNull();
    expect(parseDeepLink('not a url')).toBeNull();
  });

  it('finds the link among the arguments a second instance was started with', () => {
    const argv = ['/opt/PromoterOS/promoteros', '--no-sandbox', `promoteros://sign-in?token=${TOKEN}`];
    expect(findDeepLink(argv)).toEqual({ kind: 'sign-in', token: TOKEN });
    expect(findDeepLink(['/opt/PromoterOS/promoteros', '--flag'])).toBeNull();
    // Windows may hand the scheme over in upper case
    expect(findDeepLink([`PROMOTEROS://sign-in?token=${TOKEN}`])).toEqual({ kind: 'sign-in', token: TOKEN });
  });
});
