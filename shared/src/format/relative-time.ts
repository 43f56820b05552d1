// How long ago (or how soon), for things that age while the screen is open: "synced 2 minutes
// ago", "offline since 3 hours ago". Intl writes the words and their plurals in the locale.
import { cached } from './intl-cache.js';
import type { Instant } from './venue-time.js';

const at = (instant: Instant) => (instant instanceof Date ? instant.getTime() : new Date(instant).getTime());

/**
 * "now", "2 minutes ago", "in 3 hours", "yesterday", "5 days ago". Under 45 seconds reads as
 * now: the screen refreshes it every half minute, so finer would only flicker.
 */
export function formatRelative(instant: Instant, now: Instant, locale: string): string {
  const seconds = Math.round((at(instant) - at(now)) / 1000);
  const format = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  if (abs < 320 * 86_400) return format.format(Math.round(seconds / (30.44 * 86_400)), 'month');
  return format.format(Math.round(seconds / (365.25 * 86_400)), 'year');
}
