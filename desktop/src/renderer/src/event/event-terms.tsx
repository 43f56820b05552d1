// The event's and the deal's terms as read (not edited): the night's times on the venue's clock,
// the capacity (and whether it is the venue's), the deal's type, guarantee, share, ticket price
// and expenses budget, with their notes.
import type { ReactNode } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { useFormat } from '../format/use-format.js';
import { dealTypeName } from './deal-changes.js';
import { humanize } from './humanize.js';

type EventDetail = CommandResult<'events.get'>;

export function EventTerms({ event }: { event: EventDetail }) {
  const f = useFormat();
  const zone = event.venue.timezone;
  return (
    <>
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Term label="Doors">{f.time(event.doorsAt, zone)}</Term>
        <Term label="Show">{f.time(event.showAt, zone)}</Term>
        <Term label="Ends">{f.dateTime(event.endsAt, zone)}</Term>
        <Term label="Capacity">
          {f.count(event.capacity)}
          {event.capacityOverride === null && (
            <span className="ml-1 font-normal text-zinc-500 dark:text-zinc-400">(venue)</span>
          )}
        </Term>
      </dl>
      {event.notes && (
        <p className="mt-3 text-sm whitespace-pre-line text-zinc-600 dark:text-zinc-300">{event.notes}</p>
      )}
    </>
  );
}

export function DealTerms({ deal }: { deal: NonNullable<EventDetail['deal']> }) {
  const f = useFormat();
  return (
    <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
      <Term label="Deal type">{dealTypeName[deal.dealType] ?? humanize(deal.dealType)}</Term>
      <Term label="Guarantee">{f.money(deal.guaranteeCents, deal.currency)}</Term>
      <Term label="Artist share">
        {f.percent(deal.artistShareBp)} of {humanize(deal.splitBasis).toLowerCase()}
      </Term>
      <Term label="Ticket price">{f.money(deal.ticketPriceCents, deal.currency)}</Term>
      <Term label="Expenses budget">{f.money(deal.expensesBudgetCents, deal.currency)}</Term>
      {deal.notes && <p className="pt-2 text-sm text-zinc-600 dark:text-zinc-300">{deal.notes}</p>}
    </dl>
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
