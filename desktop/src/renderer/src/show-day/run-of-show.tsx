// The day at a glance, large enough to read from across the room: doors, show and curfew in the
// venue's time, who to call, and what is still open on the checklist. (The collaborative run of
// show document joins this when the notes rooms land.)
import type { CommandResult } from '../../../common/command-map.js';
import { useFormat } from '../format/use-format.js';

type ShowDayEvent = NonNullable<CommandResult<'showDay.get'>['event']>;

export function RunOfShow({ event, timezone }: { event: ShowDayEvent; timezone: string }) {
  const f = useFormat();
  const zone = f.zoneName(event.doorsAt, timezone);
  const times: Array<[string, string]> = [
    ['Doors', event.doorsAt],
    ['Show', event.showAt],
    ['Ends', event.endsAt],
  ];
  return (
    <div className="grid gap-5 lg:grid-cols-3">
      <section aria-labelledby="run-of-show" className="rounded-xl border-2 border-zinc-900 p-4 dark:border-zinc-100">
        <h2 id="run-of-show" className="mb-2 text-xl font-black">
          Run of show <span className="text-base font-semibold text-zinc-700 dark:text-zinc-300">({zone})</span>
        </h2>
        <dl className="space-y-1">
          {times.map(([label, at]) => (
            <div key={label} className="flex justify-between text-2xl">
              <dt className="font-semibold">{label}</dt>
              <dd className="font-black tabular-nums">{f.venueClock(at, timezone)}</dd>
            </div>
          ))}
        </dl>
        {event.notes && <p className="mt-3 text-base whitespace-pre-wrap">{event.notes}</p>}
      </section>
      <section aria-labelledby="contacts" className="rounded-xl border-2 border-zinc-900 p-4 dark:border-zinc-100">
        <h2 id="contacts" className="mb-2 text-xl font-black">
          Contacts
        </h2>
        {event.contacts.length === 0 ? (
          <p>No contacts on file.</p>
        ) : (
          <ul className="space-y-2">
            {event.contacts.map((contact, index) => (
              <li key={`${contact.role}-${contact.name}-${index}`}>
                <span className="font-bold">{contact.name}</span>{' '}
                <span className="text-base text-zinc-700 dark:text-zinc-300">
                  {contact.role}
                  {contact.company ? `, ${contact.company}` : ''}
                </span>
                <div className="text-base">
                  {contact.phone && (
                    <a href={`tel:${contact.phone}`} className="mr-3 font-semibold underline">
                      {contact.phone}
                    </a>
                  )}
                  {contact.email && (
                    <a href={`mailto:${contact.email}`} className="underline">
                      {contact.email}
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="open-tasks" className="rounded-xl border-2 border-zinc-900 p-4 dark:border-zinc-100">
        <h2 id="open-tasks" className="mb-2 text-xl font-black">
          Open tasks
        </h2>
        {event.openTasks.length === 0 ? (
          <p>Nothing left on the checklist.</p>
        ) : (
          <ul className="space-y-1">
            {event.openTasks.map((task) => (
              <li key={task.id}>
                <span className="font-semibold">{task.title}</span>
                {task.assignee && (
                  <span className="text-base text-zinc-700 dark:text-zinc-300"> · {task.assignee}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
