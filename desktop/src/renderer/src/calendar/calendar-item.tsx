// One event or hold on the calendar, as every view shows it: where it opens, its words in full
// (status labels, the venue when several are shown), and the link that keeps a cut title
// readable: the whole of it on hover (title) and, for the keyboard, in a tooltip while focused.
import { statusLabel } from '@promoteros/shared/labels';
import type { ReactNode } from 'react';
import type { Formats } from '@promoteros/shared/format';
import type { CommandResult } from '../../../common/command-map.js';
import { routeHash } from '../data/route.js';
import { useFormat } from '../format/use-format.js';
import { ordinal } from './month-grid.js';

export type CalendarItem = CommandResult<'calendar.range'>[number];

export function itemHref(item: CalendarItem): string | undefined {
  if (item.kind === 'event') return routeHash(`events/${item.id}`);
  // a hold opens the request it holds the date for, where it is released or confirmed
  return item.requestId ? routeHash(`requests/${item.requestId}`) : undefined;
}

/** everything about the item in one line: "8:00 PM · Amber Fields live · The Hall · Confirmed" */
export function itemSummary(item: CalendarItem, venueName: string | undefined, f: Formats): string {
  if (item.kind === 'hold')
    return [`${ordinal(item.rank ?? 1)} hold: ${item.title}`, venueName].filter(Boolean).join(' · ');
  return [
    item.show && f.wallTime(item.show),
    item.title,
    venueName,
    item.doors && `doors ${f.wallTime(item.doors)}`,
    statusLabel(item.status, 'event'),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** events first (by show time), then holds by rank: the order a booker reads a day in */
export function byDay(items: readonly CalendarItem[]): Map<string, CalendarItem[]> {
  const days = new Map<string, CalendarItem[]>();
  const sorted = [...items].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) ||
      (a.show ?? '').localeCompare(b.show ?? '') ||
      (a.rank ?? 0) - (b.rank ?? 0),
  );
  for (const item of sorted) days.set(item.date, [...(days.get(item.date) ?? []), item]);
  return days;
}

const tone = {
  event:
    'border-l-2 border-indigo-500 bg-indigo-50 text-indigo-950 hover:bg-indigo-100 dark:bg-indigo-950/60 dark:text-indigo-100 dark:hover:bg-indigo-900',
  hold: 'border border-dashed border-amber-500/70 bg-white text-amber-900 hover:bg-amber-50 dark:bg-zinc-950 dark:text-amber-200 dark:hover:bg-amber-950/40',
};

/**
 * A link drawn inside a small box (a month cell, a week column) whose words may be cut: the full
 * summary is its title, and while it has focus a tooltip below it shows the whole of it.
 */
export function CalendarItemLink({
  item,
  venueName,
  className = '',
  style,
  wrap = false,
  children,
}: {
  item: CalendarItem;
  venueName: string | undefined;
  className?: string;
  /** words may wrap inside a tall box (a week's block), else one line cut with an ellipsis */
  wrap?: boolean;
  style?: React.CSSProperties;
  children: ReactNode;
}) {
  const summary = itemSummary(item, venueName, useFormat());
  const cancelled = item.kind === 'event' && item.status === 'CANCELLED';
  return (
    <a
      href={itemHref(item)}
      title={summary}
      style={style}
      className={`group relative block rounded px-1.5 py-0.5 text-xs focus:z-30 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 ${tone[item.kind]} ${className}`}
    >
      <span
        className={`block ${wrap ? 'h-full overflow-hidden' : 'truncate'} ${cancelled ? 'line-through opacity-60' : ''}`}
      >
        {children}
      </span>
      {/* the accessible name is the link's own text and its title; this repeats it for the eyes */}
      <span
        aria-hidden
        data-full-title
        className="pointer-events-none absolute top-full left-0 z-30 mt-1 hidden w-max max-w-72 rounded-md bg-zinc-900 px-2 py-1 text-xs whitespace-normal text-white shadow-lg group-focus:block dark:bg-zinc-100 dark:text-zinc-900"
      >
        {summary}
      </span>
    </a>
  );
}
