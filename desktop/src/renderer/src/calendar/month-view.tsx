// The month as a grid of weeks: up to four items a day, "+N more" opening the list of that month.
import { useFormat } from '../format/use-format.js';
import { CalendarItemLink, type CalendarItem } from './calendar-item.js';
import { monthGrid, ordinal, weekdayNames, type Weekday } from './month-grid.js';

const MAX_IN_CELL = 4;

export function MonthView({
  month,
  today,
  firstWeekday,
  days,
  venueName,
  onMore,
}: {
  month: string;
  today: string;
  firstWeekday: Weekday;
  days: Map<string, CalendarItem[]>;
  venueName: Map<string, string> | undefined;
  onMore: (date: string) => void;
}) {
  const f = useFormat();
  const weeks = monthGrid(month, firstWeekday);
  return (
    // no overflow clipping: a focused item's full title may reach over the next row
    <div
      role="table"
      aria-label={f.month(month)}
      className="flex min-h-[32rem] flex-1 flex-col rounded-lg border border-zinc-200 dark:border-zinc-800"
    >
      <div
        role="row"
        className="grid grid-cols-7 rounded-t-lg border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {weekdayNames(firstWeekday, f.locale).map((name) => (
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
          className="grid flex-1 grid-cols-7 border-b border-zinc-200 last:border-b-0 dark:border-zinc-800"
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
                  <CalendarItemLink
                    key={`${item.kind}:${item.id}`}
                    item={item}
                    venueName={venueName?.get(item.venueId)}
                  >
                    {item.kind === 'event' ? (
                      <>
                        {item.show && (
                          <span className="mr-1 text-indigo-700 tabular-nums dark:text-indigo-300">
                            {f.wallTime(item.show)}
                          </span>
                        )}
                        {item.title}
                      </>
                    ) : (
                      <>
                        <span className="mr-1 font-semibold">{ordinal(item.rank ?? 1)}</span>
                        {item.title}
                      </>
                    )}
                  </CalendarItemLink>
                ))}
                {items.length > MAX_IN_CELL && (
                  <button
                    type="button"
                    onClick={() => onMore(day.date)}
                    className="px-1 text-[11px] text-zinc-500 hover:underline"
                  >
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
