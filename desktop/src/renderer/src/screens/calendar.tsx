// The booking calendar: events and holds for one venue or all of them, as a month grid, a week on
// the venue's clock, or a list over any range of days, in venue time (the core hands dates and
// times over already in the venue's timezone). Where it is lives in the address.
import { addDays } from '@promoteros/shared/venue-clock';
import { useEffect, useMemo } from 'react';
import { byDay } from '../calendar/calendar-item.js';
import { daysBetween, readCalendarPlace, type CalendarPlace, type CalendarView } from '../calendar/calendar-place.js';
import { monthGrid, shiftMonth, type Weekday } from '../calendar/month-grid.js';
import { MonthView } from '../calendar/month-view.js';
import { RangeList } from '../calendar/range-list.js';
import { WeekView } from '../calendar/week-view.js';
import { navigate, routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import { useFormat } from '../format/use-format.js';
import { todayInZone } from '../format/venue-time.js';
import type { Venue } from '../shell/shell.js';
import { buttonClass, ErrorNote, inputClass, Spinner } from '../ui/controls.js';

/** the week starts where the organization's locale starts it (Monday in en-GB, Sunday in en-US) */
function firstWeekday(tag: string): Weekday {
  const locale = new Intl.Locale(tag) as Intl.Locale & {
    getWeekInfo?: () => { firstDay: Weekday };
  };
  return locale.getWeekInfo?.().firstDay ?? 1;
}

const viewNames: Record<CalendarView, string> = { month: 'Month', week: 'Week', list: 'List' };

/** the address of a place, keeping only what its view reads */
function placeHash(place: CalendarPlace): string {
  return routeHash('calendar', {
    view: place.view === 'month' ? null : place.view,
    month: place.view === 'month' ? place.month : null,
    week: place.view === 'week' ? place.week : null,
    from: place.view === 'list' ? place.from : null,
    to: place.view === 'list' ? place.to : null,
  });
}

/** the first and last day the view asks the core for */
function shownDays(place: CalendarPlace, start: Weekday): { from: string; to: string } {
  if (place.view === 'week') return { from: place.week, to: addDays(place.week, 6) };
  if (place.view === 'list') return place.problem ? { from: place.from, to: place.from } : place;
  // the whole grid, so the neighbouring months' days in it show their shows too
  const weeks = monthGrid(place.month, start);
  return { from: weeks[0]![0]!.date, to: weeks.at(-1)!.at(-1)!.date };
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
  const start = firstWeekday(f.locale);
  const place = readCalendarPlace(params, today, start);
  const go = (next: Partial<CalendarPlace>) => navigate(placeHash({ ...place, ...next }));

  /** the view's period before (-1) or after (1) this one */
  const step = (direction: -1 | 1): Partial<CalendarPlace> => {
    if (place.view === 'month') return { month: shiftMonth(place.month, direction) };
    if (place.view === 'week') return { week: addDays(place.week, 7 * direction) };
    const length = Math.max(1, daysBetween(place.from, place.to) + 1);
    return { from: addDays(place.from, length * direction), to: addDays(place.to, length * direction) };
  };
  const toToday = (): Partial<CalendarPlace> =>
    place.view === 'month'
      ? { month: today.slice(0, 7) }
      : place.view === 'week'
        ? { week: readCalendarPlace(new URLSearchParams(), today, start).week }
        : { from: today, to: addDays(today, daysBetween(place.from, place.to)) };
  const period = { month: 'month', week: 'week', list: 'days' }[place.view];

  const range = shownDays(place, start);
  const items = useQuery('calendar.range', { venueId: venue?.id ?? null, ...range });
  const days = useMemo(() => byDay(items.data ?? []), [items.data]);
  const venueName = useMemo(() => new Map(venues.map((each) => [each.id, each.name])), [venues]);
  const showVenue = !venue && venues.length > 1;

  // PageUp / PageDown turn the month or week, T goes to today (when not typing somewhere)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
      if (event.key === 'PageUp') go(step(-1));
      else if (event.key === 'PageDown') go(step(1));
      else if (event.key === 't') go(toToday());
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const heading =
    place.view === 'month'
      ? f.month(place.month)
      : place.view === 'week'
        ? f.dayRange(place.week, addDays(place.week, 6))
        : f.dayRange(place.from, place.to);

  return (
    <div className="flex h-full flex-col p-4">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h1 className="mr-2 min-w-40 text-lg font-semibold" aria-live="polite">
          {heading}
        </h1>
        <div className="flex items-center gap-1">
          <button type="button" className={buttonClass} onClick={() => go(step(-1))}>
            <span aria-hidden>‹</span>
            <span className="sr-only">{place.view === 'list' ? 'Earlier days' : `Previous ${period}`}</span>
          </button>
          <button type="button" className={buttonClass} onClick={() => go(toToday())}>
            Today
          </button>
          <button type="button" className={buttonClass} onClick={() => go(step(1))}>
            <span aria-hidden>›</span>
            <span className="sr-only">{place.view === 'list' ? 'Later days' : `Next ${period}`}</span>
          </button>
        </div>
        <ViewSwitch view={place.view} onChange={(view) => go({ view })} />
        {place.view === 'list' && <RangePickers place={place} onChange={(from, to) => go({ from, to })} />}
        <p className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" data-testid="calendar-timezone">
          {zone ? `Times in ${f.zoneName(Date.now(), zone)} (${zone})` : 'Times in each venue’s local time'}
        </p>
        {items.loading && <Spinner label="Loading…" />}
      </div>
      <ErrorNote error={items.error} />
      {place.view === 'month' ? (
        <MonthView
          month={place.month}
          today={today}
          firstWeekday={start}
          days={days}
          venueName={showVenue ? venueName : undefined}
          onMore={(date) => go({ view: 'list', from: date, to: addDays(`${shiftMonth(place.month, 1)}-01`, -1) })}
        />
      ) : place.view === 'week' ? (
        <WeekView week={place.week} today={today} days={days} venueName={showVenue ? venueName : undefined} />
      ) : place.problem ? (
        <p role="alert" className="py-10 text-center text-sm text-red-700 dark:text-red-400">
          {place.problem}
        </p>
      ) : (
        <RangeList days={days} today={today} venueName={showVenue ? venueName : undefined} loaded={!items.loading} />
      )}
    </div>
  );
}

/** month, week or list, one pressed */
function ViewSwitch({ view, onChange }: { view: CalendarView; onChange: (view: CalendarView) => void }) {
  return (
    <div
      role="group"
      aria-label="View"
      className="ml-2 inline-flex rounded-md border border-zinc-300 dark:border-zinc-700"
    >
      {(['month', 'week', 'list'] as const).map((each) => (
        <button
          key={each}
          type="button"
          aria-pressed={view === each}
          onClick={() => onChange(each)}
          className="px-2.5 py-1 text-sm first:rounded-l-md last:rounded-r-md aria-pressed:bg-zinc-200 aria-pressed:font-medium dark:aria-pressed:bg-zinc-800"
        >
          {viewNames[each]}
        </button>
      ))}
    </div>
  );
}

/** the list's first and last day; a cleared field keeps the range it had */
function RangePickers({ place, onChange }: { place: CalendarPlace; onChange: (from: string, to: string) => void }) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="calendar-from">From</label>
      <input
        id="calendar-from"
        type="date"
        value={place.from}
        onChange={(event) => event.target.value && onChange(event.target.value, place.to)}
        className={`${inputClass} w-auto py-1`}
      />
      <label htmlFor="calendar-to">to</label>
      <input
        id="calendar-to"
        type="date"
        value={place.to}
        min={place.from}
        onChange={(event) => event.target.value && onChange(place.from, event.target.value)}
        className={`${inputClass} w-auto py-1`}
        aria-invalid={place.problem ? true : undefined}
      />
    </div>
  );
}
