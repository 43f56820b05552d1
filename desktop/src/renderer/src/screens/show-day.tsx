// Show-day mode: the venue's show today (today at the venue, whatever the laptop's clock zone),
// opened from the replica alone so it works with no network from the start, in large type for a
// door or a box office: run of show, who to call, open tasks, the guest list with check-in and
// the door count. A venue picker when the organization has several; a plain "no show today"
// with the next show's date when the venue is dark.
import type { CommandResult } from '../../../common/command-map.js';
import { navigate, routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import type { Venue } from '../shell/shell.js';
import { DoorDesk } from '../show-day/door-desk.js';
import { RunOfShow } from '../show-day/run-of-show.js';
import { ErrorNote, Spinner } from '../ui/controls.js';
import { useFormat } from '../format/use-format.js';

type ShowDay = CommandResult<'showDay.get'>;

export function ShowDayScreen({
  venues,
  venue,
  onVenueChange,
  params,
  role,
}: {
  venues: readonly Venue[];
  venue: Venue | null;
  onVenueChange: (venueId: string | null) => void;
  params: URLSearchParams;
  role: Role | undefined;
}) {
  const eventId = params.get('event');
  const day = useQuery('showDay.get', { venueId: venue?.id ?? null, eventId });
  const shown = day.data;
  // guest lists and check-ins are synced to venue staff only
  if (role === 'PROMOTER')
    return <p className="p-6 text-lg">Show-day mode is for the venue's staff: managers, door and box office.</p>;

  return (
    <div className="min-h-full bg-white text-lg text-zinc-950 dark:bg-black dark:text-white">
      <div className="mx-auto max-w-[1400px] space-y-5 p-5">
        {venues.length > 1 && (
          <div className="flex items-center gap-3">
            <label htmlFor="show-day-venue" className="text-base font-semibold">
              Show day at
            </label>
            <select
              id="show-day-venue"
              value={shown?.venue.id ?? venue?.id ?? ''}
              onChange={(event) => {
                onVenueChange(event.target.value || null);
                // a show opened by id stays at its own venue: choosing a venue leaves it
                if (eventId) navigate(routeHash('show-day'));
              }}
              className="rounded-md border-2 border-zinc-900 bg-white px-3 py-1.5 text-lg font-semibold dark:border-zinc-100 dark:bg-black"
            >
              {!venue && !shown && <option value="">Choose a venue…</option>}
              {venues.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {day.error && <ErrorNote error={day.error} />}
        {!shown ? (
          !day.error && <Spinner label="Opening today's show…" />
        ) : shown.event ? (
          <ShowToday day={shown} event={shown.event} role={role} guest={params.get('guest') ?? undefined} />
        ) : (
          <NoShowToday day={shown} />
        )}
      </div>
    </div>
  );
}

function ShowToday({
  day,
  event,
  role,
  guest,
}: {
  day: ShowDay;
  event: NonNullable<ShowDay['event']>;
  role: Role | undefined;
  /** a guest's name to start the door's search with (opened from Ctrl/Cmd-K) */
  guest: string | undefined;
}) {
  const f = useFormat();
  return (
    <>
      <header className="flex flex-wrap items-end justify-between gap-4 border-b-4 border-zinc-900 pb-4 dark:border-zinc-100">
        <div>
          <p className="text-base font-bold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
            Show day · {day.venue.name} · {f.date(event.showDate)}
          </p>
          <h1 className="text-4xl font-black tracking-tight">{event.title}</h1>
          {event.artistName !== event.title && <p className="text-2xl font-semibold">{event.artistName}</p>}
        </div>
        {day.showsToday.length > 1 && (
          <nav aria-label="Today's shows" className="flex gap-2">
            {day.showsToday.map((show) => (
              <a
                key={show.id}
                href={routeHash('show-day', { event: show.id })}
                aria-current={show.id === event.id ? 'page' : undefined}
                className="rounded-md border-2 border-zinc-900 px-3 py-1 text-base font-semibold aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:border-zinc-100 dark:aria-[current=page]:bg-white dark:aria-[current=page]:text-black"
              >
                {show.title}
              </a>
            ))}
          </nav>
        )}
      </header>
      <DoorDesk
        eventId={event.id}
        showDate={event.showDate}
        timezone={day.venue.timezone}
        role={role}
        initialSearch={guest}
      />
      <RunOfShow event={event} timezone={day.venue.timezone} />
    </>
  );
}

function NoShowToday({ day }: { day: ShowDay }) {
  const f = useFormat();
  return (
    <section aria-labelledby="no-show" className="rounded-xl border-4 border-zinc-900 p-8 dark:border-zinc-100">
      <h1 id="no-show" className="text-4xl font-black">
        No show today at {day.venue.name}
      </h1>
      <p className="mt-3 text-2xl">
        {day.nextShow ? (
          <>
            Next show:{' '}
            <a href={routeHash(`events/${day.nextShow.id}`)} className="font-bold underline">
              {day.nextShow.title}
            </a>{' '}
            on <strong>{f.date(day.nextShow.showDate)}</strong>
          </>
        ) : (
          'No show is booked here yet.'
        )}
      </p>
    </section>
  );
}
