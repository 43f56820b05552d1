// The month view's grid: whole weeks covering the month, starting on the locale's first weekday.
// Pure date arithmetic on YYYY-MM-DD strings in UTC, so no timezone can shift a day.

export interface GridDay {
  /** YYYY-MM-DD */
  readonly date: string;
  /** false for the leading and trailing days of the neighbouring months */
  readonly inMonth: boolean;
}

/** 1 = Monday … 7 = Sunday, as Intl.Locale weekInfo numbers them */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

function parseMonth(month: string): { year: number; index: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`expected YYYY-MM, got ${month}`);
  return { year: Number(match[1]), index: Number(match[2]) - 1 };
}

export function monthGrid(month: string, firstWeekday: Weekday = 1): GridDay[][] {
  const { year, index } = parseMonth(month);
  const first = Date.UTC(year, index, 1);
  const last = Date.UTC(year, index + 1, 0);
  // getUTCDay: 0 = Sunday … 6 = Saturday; weekInfo: 7 = Sunday
  const lead = (new Date(first).getUTCDay() - (firstWeekday % 7) + 7) % 7;
  const trail = (6 - ((new Date(last).getUTCDay() - (firstWeekday % 7) + 7) % 7) + 7) % 7;
  const weeks: GridDay[][] = [];
  for (let time = first - lead * DAY; time <= last + trail * DAY; time += 7 * DAY) {
    weeks.push(
      Array.from({ length: 7 }, (_, offset) => {
        const day = time + offset * DAY;
        return { date: iso(day), inMonth: day >= first && day <= last };
      }),
    );
  }
  return weeks;
}

/** "2025-01", -1 → "2024-12" */
export function shiftMonth(month: string, delta: number): string {
  const { year, index } = parseMonth(month);
  return iso(Date.UTC(year, index + delta, 1)).slice(0, 7);
}

/** The weekday names in grid order, for the header row */
export function weekdayNames(firstWeekday: Weekday, locale?: string): string[] {
  // 2024-01-01 was a Monday
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' });
  return Array.from({ length: 7 }, (_, offset) => format.format(new Date(Date.UTC(2024, 0, firstWeekday + offset))));
}

/** 1 → "1st", 2 → "2nd", 11 → "11th" (hold ranks) */
export function ordinal(rank: number, locale = 'en-US'): string {
  const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
  return `${rank}${suffix[new Intl.PluralRules(locale, { type: 'ordinal' }).select(rank)] ?? 'th'}`;
}
