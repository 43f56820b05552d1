// The calendar as a list of days over any range (the next 90 days unless chosen otherwise):
// each day with its shows (doors and show on the venue's clock) and holds, status in words.
import { statusLabel } from '@promoteros/shared/labels';
import { useFormat } from '../format/use-format.js';
import { itemHref, type CalendarItem } from './calendar-item.js';
import { ordinal } from './month-grid.js';

export function RangeList({
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
    return <p className="py-10 text-center text-sm text-zinc-500">Nothing booked or held in these days.</p>;
  return (
    <ol
      aria-label="Days"
      className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {[...days].map(([date, items]) => (
        <li key={date} data-date={date} className="grid grid-cols-[9rem_1fr] gap-3 px-3 py-2">
          <div
            aria-current={date === today ? 'date' : undefined}
            className="text-sm aria-[current=date]:font-semibold aria-[current=date]:text-indigo-600 dark:aria-[current=date]:text-indigo-400"
          >
            {f.date(date)}
          </div>
          <ul className="space-y-1">
            {items.map((item) => (
              <li key={`${item.kind}:${item.id}`} className="flex items-center gap-3 text-sm">
                <span className="w-48 shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {item.kind === 'event'
                    ? [item.doors && `doors ${f.wallTime(item.doors)}`, item.show && `show ${f.wallTime(item.show)}`]
                        .filter(Boolean)
                        .join(' · ')
                    : `${ordinal(item.rank ?? 1)} hold`}
                </span>
                <a
                  href={itemHref(item)}
                  className={
                    item.kind === 'event'
                      ? 'font-medium text-indigo-700 hover:underline dark:text-indigo-300'
                      : 'text-amber-800 hover:underline dark:text-amber-300'
                  }
                >
                  {item.title}
                </a>
                {item.kind === 'event' && (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">{statusLabel(item.status, 'event')}</span>
                )}
                {venueName && (
                  <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">
                    {venueName.get(item.venueId)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
