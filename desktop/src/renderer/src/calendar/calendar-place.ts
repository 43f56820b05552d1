// Where the calendar is, read from the address (#/calendar?view=week&week=2027-04-19,
// #/calendar?view=list&from=2027-04-23&to=2027-07-21, or a month's list: ?view=list&month=2027-08):
// anything missing or malformed falls back to today's month, today's week, or the next 90 days,
// so a link never opens an empty screen.
import { addDays } from '@promoteros/shared/venue-clock';
import { shiftMonth, type Weekday } from './month-grid.js';
import { weekStart } from './week.js';

export type CalendarView = 'month' | 'week' | 'list';

/** the list's default: the coming three months, today included */
export const LIST_DAYS = 90;
/** as calendar.range allows */
export const MAX_LIST_DAYS = 366;

export interface CalendarPlace {
  readonly view: CalendarView;
  /** YYYY-MM */
  readonly month: string;
  /** the week's first day */
  readonly week: string;
  /** the list's first and last day, both included */
  readonly from: string;
  readonly to: string;
  /** why the list's range cannot be shown, in words */
  readonly problem?: string;
}

export function isCalendarDay(text: string | null): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function readCalendarPlace(params: URLSearchParams, today: string, firstWeekday: Weekday): CalendarPlace {
  const asked = params.get('view');
  const view: CalendarView = asked === 'week' || asked === 'list' ? asked : 'month';
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : today.slice(0, 7);
  const weekParam = params.get('week');
  const week = weekStart(isCalendarDay(weekParam) ? weekParam : today, firstWeekday);
  // a list asked for by month (#/calendar?month=2027-08&view=list) is that month's days
  const byMonth = monthParam === month && !params.has('from') && !params.has('to');
  const fromParam = params.get('from');
  const from = isCalendarDay(fromParam) ? fromParam : byMonth ? `${month}-01` : today;
  const toParam = params.get('to');
  const to = isCalendarDay(toParam)
    ? toParam
    : byMonth
      ? addDays(`${shiftMonth(month, 1)}-01`, -1)
      : addDays(from, LIST_DAYS - 1);
  const span = daysBetween(from, to);
  const problem =
    span < 0
      ? 'The last day is before the first day.'
      : span + 1 > MAX_LIST_DAYS
        ? `The list covers at most ${MAX_LIST_DAYS} days; choose a shorter range.`
        : undefined;
  return { view, month, week, from, to, ...(problem ? { problem } : {}) };
}
