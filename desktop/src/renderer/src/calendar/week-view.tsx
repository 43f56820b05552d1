// A week as seven day columns on the venue's clock: each show a block from doors to its end
// (drawn at the height of its hours), holds above the hours since they hold the whole day.
// Every day is a list in time order, so a screen reader or the Tab key reads the week as it is.
import { useFormat } from '../format/use-format.js';
import { CalendarItemLink, type CalendarItem } from './calendar-item.js';
import { ordinal } from './month-grid.js';
import { showSpan, visibleHours, weekDays } from './week.js';

const HOUR_REM = 3;

export function WeekView({
  week,
  today,
  days,
  venueName,
}: {
  /** the week's first day */
  week: string;
  today: string;
  days: Map<string, CalendarItem[]>;
  venueName: Map<string, string> | undefined;
}) {
  const f = useFormat();
  const dates = weekDays(week);
  const events = dates.flatMap((date) => (days.get(date) ?? []).filter((item) => item.kind === 'event'));
  const { first, last } = visibleHours(events);
  const hours = Array.from({ length: last - first }, (_, index) => first + index);
  const top = (minutes: number) => `${((minutes - first * 60) / 60) * HOUR_REM}rem`;
  // every day's holds row as high as the week's fullest, so the hours line up across the columns
  const mostHolds = Math.max(1, ...dates.map((date) => (days.get(date) ?? []).filter((i) => i.kind === 'hold').length));
  const holdsHeight = `${mostHolds * 1.5 + 0.25}rem`;

  return (
    <div
      data-testid="week-view"
      className="grid flex-1 grid-cols-[4.5rem_repeat(7,minmax(0,1fr))] rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <HoursColumn hours={hours} first={first} holdsHeight={holdsHeight} top={top} />
      {dates.map((date) => {
        const items = days.get(date) ?? [];
        const holds = items.filter((item) => item.kind === 'hold');
        const shows = items.filter((item) => item.kind === 'event');
        return (
          <section
            key={date}
            aria-label={f.date(date)}
            data-date={date}
            className="min-w-0 border-r border-zinc-200 last:border-r-0 dark:border-zinc-800"
          >
            <h2
              aria-current={date === today ? 'date' : undefined}
              className="flex h-8 items-center justify-center border-b border-zinc-200 text-xs font-medium text-zinc-600 aria-[current=date]:font-semibold aria-[current=date]:text-indigo-600 dark:border-zinc-800 dark:text-zinc-300 dark:aria-[current=date]:text-indigo-400"
            >
              {f.date(date, 'weekday')}
            </h2>
            <ul aria-label="Holds" className="space-y-0.5 px-0.5 py-0.5" style={{ height: holdsHeight }}>
              {holds.map((hold) => (
                <li key={hold.id}>
                  <CalendarItemLink item={hold} venueName={venueName?.get(hold.venueId)}>
                    <span className="mr-1 font-semibold">{ordinal(hold.rank ?? 1)}</span>
                    {hold.title}
                  </CalendarItemLink>
                </li>
              ))}
            </ul>
            <ul
              aria-label="Shows"
              className="relative border-t border-zinc-200 dark:border-zinc-800"
              style={{ height: `${hours.length * HOUR_REM}rem` }}
            >
              {hours.slice(1).map((hour) => (
                <li
                  key={`line-${hour}`}
                  aria-hidden
                  className="absolute inset-x-0 border-t border-zinc-100 dark:border-zinc-900"
                  style={{ top: top(hour * 60) }}
                />
              ))}
              {shows.map((show) => {
                const span = showSpan(show);
                if (!span) return null;
                // shows that overlap at one venue's date sit side by side
                const overlapping = shows.filter((other) => {
                  const otherSpan = showSpan(other);
                  return otherSpan && otherSpan.start < span.end && otherSpan.end > span.start;
                });
                const column = overlapping.indexOf(show);
                const width = 100 / overlapping.length;
                return (
                  <li key={show.id}>
                    <CalendarItemLink
                      item={show}
                      venueName={venueName?.get(show.venueId)}
                      wrap
                      className="absolute! py-1"
                      style={{
                        top: top(span.start),
                        height: `${((span.end - span.start) / 60) * HOUR_REM}rem`,
                        left: `calc(${column * width}% + 2px)`,
                        width: `calc(${width}% - 4px)`,
                      }}
                    >
                      <span className="block text-[11px] text-indigo-700 tabular-nums dark:text-indigo-300">
                        {[show.doors && `doors ${f.wallTime(show.doors)}`, show.show && `show ${f.wallTime(show.show)}`]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                      <span className="font-medium">{show.title}</span>
                    </CalendarItemLink>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** the hours down the side, for the eyes: each block also says its times */
function HoursColumn({
  hours,
  first,
  holdsHeight,
  top,
}: {
  hours: number[];
  first: number;
  holdsHeight: string;
  top: (minutes: number) => string;
}) {
  const f = useFormat();
  return (
    <div
      aria-hidden
      className="border-r border-zinc-200 dark:border-zinc-800"
      style={{ paddingTop: `calc(2rem + ${holdsHeight})` }}
    >
      <div className="relative" style={{ height: `${hours.length * HOUR_REM}rem` }}>
        {hours.map((hour) => (
          <span
            key={hour}
            className="absolute right-1 -translate-y-1/2 text-[11px] whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400"
            style={{ top: top(hour * 60) }}
          >
            {hour > first && f.wallTime(`${String(hour).padStart(2, '0')}:00`)}
          </span>
        ))}
      </div>
    </div>
  );
}
