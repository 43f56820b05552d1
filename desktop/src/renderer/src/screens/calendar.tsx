// The booking calendar: a month of events and holds for one venue or all of them, as a grid or
// a list, in venue time (the core hands dates and times over already in the venue's timezone).
import { useEffect, useMemo } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { monthGrid, ordinal, shiftMonth, weekdayNames, type Weekday } from '../calendar/month-grid.js';
import { navigate, routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import { todayInZone } from '../format/venue-time.js';
import type { Venue } from '../shell/shell.js';
import { buttonClass, ErrorNote, Spinner } from '../ui/controls.js';
import { useFormat } from '../format/use-format.js';

type CalendarItem = CommandResult<'calendar.month'>[number];

const MAX_IN_CELL = 4;

/** the week starts where the organization's locale starts it (Monday in en-GB, Sunday in en-US) */
function firstWeekday(tag: string): Weekday {
  const locale = new Intl.Locale(tag) as Intl.Locale & {
    getWeekInfo?: () => { firstDay: Weekday };
  };
  return locale.getWeekInfo?.().firstDay ?? 1;
}

/** events first (by show time), then holds by rank: the order a booker reads a day in */
function byDay(items: readonly CalendarItem[]): Map<string, CalendarItem[]> {
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

export function CalendarScreen({
  venues,
  venue,
  params,
}: {
  venues: readonly Venue[];
  venue: Venue | null;
  params: URLSearchParams;
}) {
  const f = useFormat();
  const zones = [...new Set((venue ? [venue] : venues).map((each) => each.timezone))];
  const zone = zones.length === 1 ? zones[0]! : undefined;
  const today = todayInZone(zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : today.slice(0, 7);
  const view = params.get('view') === 'list' ? 'list' : 'month';
  const go = (next: { month?: string; view?: string }) =>
    navigate(
      routeHash('calendar', { month: next.month ?? month, view: (next.view ?? view) === 'list' ? 'list' : null }),
    );

  const items = useQuery('calendar.month', { venueId: venue?.id ?? null, month }, ['events', 'holds', 'venues']);
  const days = useMemo(() => byDay(items.data ?? []), [items.data]);
  const venueName = useMemo(() => new Map(venues.map((each) => [each.id, each.name])), [venues]);
  const showVenue = !venue && venues.length > 1;

  // PageUp / PageDown turn the month, T goes to today (when not typing somewhere)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
      if (event.key === 'PageUp') go({ month: shiftMonth(month, -1) });
      else if (event.key === 'PageDown') go({ month: shiftMonth(month, 1) });
      else if (event.key === 't') go({ month: today.slice(0, 7) });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="flex h-full flex-col p-4">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h1 className="mr-2 min-w-40 text-lg font-semibold" aria-live="polite">
          {f.month(month)}
        </h1>
        <div className="flex items-center gap-1">
          <button type="button" className={buttonClass} onClick={() => go({ month: shiftMonth(month, -1) })}>
            <span aria-hidden>‹</span>
            <span className="sr-only">Previous month</span>
          </button>
          <button type="button" className={buttonClass} onClick={() => go({ month: today.slice(0, 7) })}>
            Today
          </button>
          <button type="button" className={buttonClass} onClick={() => go({ month: shiftMonth(month, 1) })}>
            <span aria-hidden>›</span>
            <span className="sr-only">Next month</span>
          </button>
        </div>
        <div
          role="group"
          aria-label="View"
          className="ml-2 inline-flex rounded-md border border-zinc-300 dark:border-zinc-700"
        >
          {(['month', 'list'] as const).map((each) => (
            <button
              key={each}
              type="button"
              aria-pressed={view === each}
              onClick={() => go({ view: each })}
              className="px-2.5 py-1 text-sm first:rounded-l-md last:rounded-r-md aria-pressed:bg-zinc-200 aria-pressed:font-medium dark:aria-pressed:bg-zinc-800"
            >
              {each === 'month' ? 'Month' : 'List'}
            </button>
          ))}
        </div>
        <p className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" data-testid="calendar-timezone">
          {zone ? `Times in ${f.zoneName(Date.now(), zone)} (${zone})` : 'Times in each venue’s local time'}
        </p>
        {items.loading && <Spinner label="Loading…" />}
      </div>
      <ErrorNote error={items.error} />
      {view === 'month' ? (
        <MonthGrid
          month={month}
          today={today}
          days={days}
          venueName={showVenue ? venueName : undefined}
          onMore={() => go({ view: 'list' })}
        />
      ) : (
        <MonthList days={days} today={today} venueName={showVenue ? venueName : undefined} loaded={!items.loading} />
      )}
    </div>
  );
}

function ItemChip({ item, venueName }: { item: CalendarItem; venueName: Map<string, string> | undefined }) {
  const f = useFormat();
  const where = venueName?.get(item.venueId);
  if (item.kind === 'event') {
    return (
      <a
        href={routeHash(`events/${item.id}`)}
        title={`${item.title}${where ? ` · ${where}` : ''} · ${item.status.toLowerCase()}`}
        className={`block truncate rounded border-l-2 border-indigo-500 bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-950 hover:bg-indigo-100 dark:bg-indigo-950/60 dark:text-indigo-100 dark:hover:bg-indigo-900 ${item.status === 'CANCELLED' ? 'line-through opacity-60' : ''}`}
      >
        {item.show && (
          <span className="mr-1 tabular-nums text-indigo-700 dark:text-indigo-300">{f.wallTime(item.show)}</span>
        )}
        {item.title}
      </a>
    );
  }
  // a hold opens the request it holds the date for, where it is released or confirmed
  return (
    <a
      href={item.requestId ? routeHash(`requests/${item.requestId}`) : undefined}
      title={`${ordinal(item.rank ?? 1)} hold: ${item.title}${where ? ` · ${where}` : ''}`}
      className="block truncate rounded border border-dashed border-amber-500/70 px-1.5 py-0.5 text-xs text-amber-900 hover:bg-amber-50 dark:text-amber-200 dark:hover:bg-amber-950/40"
    >
      <span className="mr-1 font-semibold">{ordinal(item.rank ?? 1)}</span>
      {item.title}
    </a>
  );
}

function MonthGrid({
  month,
  today,
  days,
  venueName,
  onMore,
}: {
  month: string;
  today: string;
  days: Map<string, CalendarItem[]>;
  venueName: Map<string, string> | undefined;
  onMore: () => void;
}) {
  const f = useFormat();
  const start = firstWeekday(f.locale);
  const weeks = monthGrid(month, start);
  return (
    <div
      role="table"
      aria-label={f.month(month)}
      className="flex min-h-[32rem] flex-1 flex-col overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <div
        role="row"
        className="grid grid-cols-7 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {weekdayNames(start, f.locale).map((name) => (
          <div
            role="columnheader"
            key={name}
            className="px-2 py-1 text-xs font-medium text-zinc-500 dark:text-zinc-400"
          >
            {name}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div
          role="row"
          key={week[0]!.date}
          className="grid min-h-0 flex-1 grid-cols-7 border-b border-zinc-200 last:border-b-0 dark:border-zinc-800"
        >
          {week.map((day) => {
            const items = days.get(day.date) ?? [];
            const isToday = day.date === today;
            return (
              <div
                role="cell"
                key={day.date}
                data-date={day.date}
                aria-label={f.date(day.date)}
                className={`min-w-0 space-y-0.5 border-r border-zinc-200 p-1 last:border-r-0 dark:border-zinc-800 ${day.inMonth ? '' : 'bg-zinc-50/70 dark:bg-zinc-900/50'}`}
              >
                <div className="flex justify-end">
                  <span
                    aria-current={isToday ? 'date' : undefined}
                    className={`grid size-5 place-items-center rounded-full text-[11px] tabular-nums ${isToday ? 'bg-indigo-600 font-semibold text-white' : day.inMonth ? 'text-zinc-700 dark:text-zinc-300' : 'text-zinc-400 dark:text-zinc-600'}`}
                  >
                    {Number(day.date.slice(8))}
                  </span>
                </div>
                {items.slice(0, MAX_IN_CELL).map((item) => (
                  <ItemChip key={`${item.kind}:${item.id}`} item={item} venueName={venueName} />
                ))}
                {items.length > MAX_IN_CELL && (
                  <button type="button" onClick={onMore} className="px-1 text-[11px] text-zinc-500 hover:underline">
                    +{items.length - MAX_IN_CELL} more
                  </button>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

function MonthList({
  days,
  today,
  venueName,
  loaded,
}: {
  days: Map<string, CalendarItem[]>;
  today: string;
  venueName: Map<string, string> | undefined;
  loaded: boolean;
}) {
  const f = useFormat();
  if (loaded && days.size === 0)
    return <p className="py-10 text-center text-sm text-zinc-500">Nothing booked or held this month.</p>;
  return (
    <ol className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {[...days].map(([date, items]) => (
        <li key={date} className="grid grid-cols-[9rem_1fr] gap-3 px-3 py-2">
          <div className={`text-sm ${date === today ? 'font-semibold text-indigo-600 dark:text-indigo-400' : ''}`}>
            {f.date(date)}
          </div>
          <ul className="space-y-1">
            {items.map((item) => (
              <li key={`${item.kind}:${item.id}`} className="flex items-center gap-3 text-sm">
                <span className="w-28 shrink-0 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
                  {item.kind === 'event'
                    ? [item.doors && `doors ${f.wallTime(item.doors)}`, item.show && `show ${f.wallTime(item.show)}`]
                        .filter(Boolean)
                        .join(' · ')
                    : `${ordinal(item.rank ?? 1)} hold`}
                </span>
                {item.kind === 'event' ? (
                  <a
                    href={routeHash(`events/${item.id}`)}
                    className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {item.title}
                  </a>
                ) : (
                  <a
                    href={item.requestId ? routeHash(`requests/${item.requestId}`) : undefined}
                    className="text-amber-800 hover:underline dark:text-amber-300"
                  >
                    {item.title}
                  </a>
                )}
                <span className="text-xs text-zinc-500">{item.status.toLowerCase()}</span>
                {venueName && <span className="ml-auto text-xs text-zinc-500">{venueName.get(item.venueId)}</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
