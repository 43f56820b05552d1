// The week view's arithmetic: which seven days a week is, and where on a day's column a show sits
// by its venue-clock times. Dates are YYYY-MM-DD and times HH:MM already on the venue's clock, so
// no timezone can shift anything here.
import { addDays } from '@promoteros/shared/venue-clock';
import type { Weekday } from './month-grid.js';

/** the first day of the week holding `date`, weeks starting on `firstWeekday` (1 Monday … 7 Sunday) */
export function weekStart(date: string, firstWeekday: Weekday = 1): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((weekday - (firstWeekday % 7) + 7) % 7));
}

export function weekDays(start: string): string[] {
  return Array.from({ length: 7 }, (_, offset) => addDays(start, offset));
}

/** "19:30" → 1170 */
export function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return hour! * 60 + minute!;
}

export interface TimedShow {
  readonly doors: string | null;
  readonly show: string | null;
  readonly ends: string | null;
}

/**
 * The part of a day a show takes, in minutes after midnight: from doors (or the show) to the
 * end; an end after midnight runs to the bottom of the day it starts on. At least half an hour,
 * so a show with no end still has a block to click.
 */
export function showSpan(item: TimedShow): { start: number; end: number } | null {
  const startTime = item.doors ?? item.show;
  if (!startTime) return null;
  const start = minutesOf(startTime);
  const startOfShow = item.show ? minutesOf(item.show) : start;
  const ends = item.ends ? minutesOf(item.ends) : startOfShow + 30;
  const end = ends <= startOfShow ? 24 * 60 : ends;
  return { start, end: Math.min(24 * 60, Math.max(end, start + 30)) };
}

/** the hours the grid shows: from noon (or the earliest doors) to midnight */
export function visibleHours(items: readonly TimedShow[]): { first: number; last: number } {
  const starts = items.map(showSpan).filter((span) => span !== null);
  const earliest = Math.min(12, ...starts.map((span) => Math.floor(span.start / 60)));
  return { first: earliest, last: 24 };
}
