import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time.js';

const now = '2027-04-23T10:00:00.000Z';
const ago = (seconds: number) => new Date(Date.parse(now) - seconds * 1000);

describe('relative time', () => {
  it('should say now for the last few seconds', () => {
    expect(formatRelative(ago(0), now, 'en-US')).toBe('now');
    expect(formatRelative(ago(44), now, 'en-US')).toBe('now');
  });

  it('should use one and several as the locale does', () => {
    expect(formatRelative(ago(60), now, 'en-US')).toBe('1 minute ago');
    expect(formatRelative(ago(120), now, 'en-US')).toBe('2 minutes ago');
    expect(formatRelative(ago(3600), now, 'en-US')).toBe('1 hour ago');
    expect(formatRelative(ago(5 * 3600), now, 'en-GB')).toBe('5 hours ago');
    expect(formatRelative(ago(86_400), now, 'en-US')).toBe('yesterday');
    expect(formatRelative(ago(3 * 86_400), now, 'en-US')).toBe('3 days ago');
    expect(formatRelative(ago(120), now, 'de-DE')).toBe('vor 2 Minuten');
    expect(formatRelative(ago(60), now, 'de-DE')).toBe('vor 1 Minute');
  });

  it('should look ahead as well as back, and reach months and years', () => {
    expect(formatRelative(ago(-180), now, 'en-US')).toBe('in 3 minutes');
    expect(formatRelative(ago(60 * 86_400), now, 'en-US')).toBe('2 months ago');
    expect(formatRelative(ago(800 * 86_400), now, 'en-US')).toBe('2 years ago');
  });
});
