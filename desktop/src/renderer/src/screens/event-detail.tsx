// One show, read-only: its schedule in the venue's timezone, the deal, the tasks to get it on
// stage, and how the request that became it was decided.
import type { ReactNode } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import { formatBasisPoints, formatMoney } from '../format/money.js';
import {
  formatDateTimeInZone,
  formatLocalDate,
  formatTimeInZone,
  timeZoneLabel,
  todayInZone,
} from '../format/venue-time.js';
import { ErrorNote, Section, Spinner, StatusBadge } from '../ui/controls.js';

type EventDetail = CommandResult<'events.get'>;

const TABLES = ['events', 'venues', 'deal_terms', 'event_tasks', 'decision_logs', 'event_requests'];

export function EventDetailScreen({ eventId }: { eventId: string }) {
  const event = useQuery('events.get', { eventId }, TABLES);
  if (event.error && !event.data)
    return (
      <div className="space-y-3 p-6">
        <BackLink />
        <ErrorNote error={event.error} />
      </div>
    );
  if (!event.data)
    return (
      <div className="p-6">
        <Spinner label="Loading event…" />
      </div>
    );
  return <EventDetailView event={event.data} />;
}

function BackLink({ month }: { month?: string }) {
  return (
    <a href={routeHash('calendar', { month })} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
      ← Calendar
    </a>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  );
}

const dealTypeName: Record<string, string> = {
  FLAT: 'Flat guarantee',
  DOOR_SPLIT: 'Door deal',
  VERSUS: 'Versus',
  GUARANTEE_PLUS: 'Guarantee plus',
};
const humanize = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');

export function EventDetailView({ event }: { event: EventDetail }) {
  const zone = event.venue.timezone;
  const zoneLabel = `${timeZoneLabel(zone, new Date(event.showAt))} (${zone})`;
  const today = todayInZone(zone);
  const deal = event.deal;
  const done = event.tasks.filter((task) => task.completedAt).length;

  return (
    <div className="mx-auto max-w-5xl space-y-4 p-5">
      <BackLink month={event.showDate.slice(0, 7)} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{event.title}</h1>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-300">
            {event.artistName} · {event.venue.name} · {formatLocalDate(event.showDate)}
          </p>
        </div>
        <StatusBadge status={event.status} />
      </header>

      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Schedule" aside={`Venue time: ${zoneLabel}`}>
          <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <Term label="Doors">{formatTimeInZone(event.doorsAt, zone)}</Term>
            <Term label="Show">{formatTimeInZone(event.showAt, zone)}</Term>
            <Term label="Ends">{formatDateTimeInZone(event.endsAt, zone)}</Term>
            <Term label="Capacity">{event.capacity.toLocaleString()}</Term>
          </dl>
          {event.notes && (
            <p className="mt-3 text-sm whitespace-pre-line text-zinc-600 dark:text-zinc-300">{event.notes}</p>
          )}
        </Section>

        <Section title="Deal" aside={deal?.currency}>
          {deal ? (
            <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
              <Term label="Deal type">{dealTypeName[deal.dealType] ?? humanize(deal.dealType)}</Term>
              <Term label="Guarantee">{formatMoney(deal.guaranteeCents, deal.currency)}</Term>
              <Term label="Artist share">
                {formatBasisPoints(deal.artistShareBp)} of {humanize(deal.splitBasis).toLowerCase()}
              </Term>
              <Term label="Ticket price">{formatMoney(deal.ticketPriceCents, deal.currency)}</Term>
              <Term label="Expenses budget">{formatMoney(deal.expensesBudgetCents, deal.currency)}</Term>
              {deal.notes && <p className="pt-2 text-sm text-zinc-600 dark:text-zinc-300">{deal.notes}</p>}
            </dl>
          ) : (
            <p className="text-sm text-zinc-500">No deal terms yet.</p>
          )}
        </Section>
      </div>

      <Section title="Tasks" aside={`${done} of ${event.tasks.length} done`}>
        {event.tasks.length === 0 ? (
          <p className="text-sm text-zinc-500">No tasks.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {event.tasks.map((task) => {
              const overdue = !task.completedAt && task.dueDate !== null && task.dueDate < today;
              return (
                <li key={task.id} className="flex items-center gap-3 py-1.5 text-sm">
                  <span
                    role="img"
                    aria-label={task.completedAt ? 'done' : 'open'}
                    className={`grid size-4 shrink-0 place-items-center rounded border text-[10px] ${task.completedAt ? 'border-emerald-600 bg-emerald-600 text-white' : 'border-zinc-400 dark:border-zinc-600'}`}
                  >
                    {task.completedAt ? '✓' : ''}
                  </span>
                  <span className={task.completedAt ? 'text-zinc-500 line-through' : ''}>{task.title}</span>
                  {task.assignee && <span className="text-xs text-zinc-500">{task.assignee}</span>}
                  <span
                    className={`ml-auto text-xs tabular-nums ${overdue ? 'font-semibold text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}
                  >
                    {task.dueDate
                      ? `${overdue ? 'overdue · ' : 'due '}${formatLocalDate(task.dueDate, undefined, 'short')}`
                      : 'no due date'}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section title="Request history">
        {event.requestHistory.length === 0 ? (
          <p className="text-sm text-zinc-500">This event was not booked from a request.</p>
        ) : (
          <ol className="space-y-2">
            {event.requestHistory.map((step, index) => (
              <li key={index} className="grid grid-cols-[12rem_1fr] gap-3 text-sm">
                <time dateTime={step.at} className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {formatDateTimeInZone(step.at, zone)}
                </time>
                <div>
                  <span className="inline-flex items-center gap-1.5">
                    {step.fromStatus && (
                      <>
                        <StatusBadge status={step.fromStatus} />
                        <span aria-label="to">→</span>
                      </>
                    )}
                    <StatusBadge status={step.toStatus} />
                  </span>
                  {step.actor && <span className="ml-2 text-xs text-zinc-500">by {step.actor}</span>}
                  {step.note && <p className="mt-0.5 text-zinc-600 dark:text-zinc-300">{step.note}</p>}
                </div>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
