// One show: its schedule in the venue's timezone, the deal, the tasks to get it on stage, and
// how the request that became it was decided. Managers edit the event and the deal, staff work
// the checklist; every edit shows at once (the core applies it to the replica and this screen's
// query re-runs on replica.changed) and uploads when the relay is there.
import { useState } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { routeHash } from '../data/route.js';
import { useEdit } from '../data/use-edit.js';
import { useQuery } from '../data/use-query.js';
import { DealTermsForm } from '../event/deal-terms-form.js';
import { DocumentsPanel } from '../event/documents-panel.js';
import { ConfirmationEmails } from '../event/confirmation-emails.js';
import { editRights, maySendConfirmation, type Role } from '../event/edit-rights.js';
import { EventForm } from '../event/event-form.js';
import { EventStatusControl } from '../event/event-status-control.js';
import { DealTerms, EventTerms } from '../event/event-terms.js';
import { RevisedConfirmationOffer } from '../event/revised-confirmation-offer.js';
import { SharedNotes } from '../notes/shared-notes.js';
import { SettlementPanel } from '../event/settlement-panel.js';
import { TaskChecklist } from '../event/task-checklist.js';
import { DecisionSteps } from '../ui/decision-steps.js';
import { ErrorNote, linkButtonClass, Section, Spinner } from '../ui/controls.js';
import { useFormat } from '../format/use-format.js';

type EventDetail = CommandResult<'events.get'>;

export function EventDetailScreen({ eventId, role }: { eventId: string; role: Role | undefined }) {
  const event = useQuery('events.get', { eventId });
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
  return <EventDetailView event={event.data} role={role} />;
}

function BackLink({ month }: { month?: string }) {
  return (
    <a href={routeHash('calendar', { month })} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
      ← Calendar
    </a>
  );
}

export function EventDetailView({ event, role }: { event: EventDetail; role: Role | undefined }) {
  const f = useFormat();
  const zone = event.venue.timezone;
  const zoneLabel = `${f.zoneName(event.showAt, zone)} (${zone})`;
  const deal = event.deal;
  const rights = editRights(role, event.status);
  // A promoter's replica holds none of the venue's side of a show (deal terms, checklist, the
  // request's decisions): empty sections would tell them there is none, so they are not shown.
  const venueSide = role !== undefined && role !== 'PROMOTER';
  const edit = useEdit();
  const [editing, setEditing] = useState<'event' | 'deal'>();
  const editButton = (what: 'event' | 'deal', label: string) =>
    rights.event && editing !== what ? (
      <button type="button" className={linkButtonClass} onClick={() => setEditing(what)}>
        {label}
      </button>
    ) : null;

  return (
    <div className="mx-auto max-w-5xl space-y-4 p-5">
      <BackLink month={event.showDate.slice(0, 7)} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{event.title}</h1>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-300">
            {event.artistName} · {event.venue.name} · {f.date(event.showDate)}
          </p>
        </div>
        <EventStatusControl event={event} editable={rights.event} edit={edit} />
      </header>

      <div className="grid gap-4 md:grid-cols-2">
        <Section
          title="Event"
          aside={
            <span className="flex items-center gap-2">
              <span>Venue time: {zoneLabel}</span>
              {editButton('event', 'Edit')}
            </span>
          }
        >
          {editing === 'event' ? (
            <EventForm event={event} edit={edit} onDone={() => setEditing(undefined)} />
          ) : (
            <EventTerms event={event} />
          )}
        </Section>

        <Section
          title="Deal"
          aside={
            <span className="flex items-center gap-2">
              {deal?.currency}
              {editButton('deal', deal ? 'Edit' : 'Add terms')}
            </span>
          }
        >
          <RevisedConfirmationOffer event={event} mayOffer={maySendConfirmation(role, event.status)} edit={edit} />
          {editing === 'deal' ? (
            <DealTermsForm event={event} edit={edit} onDone={() => setEditing(undefined)} />
          ) : deal ? (
            <DealTerms deal={deal} />
          ) : venueSide ? (
            <p className="text-sm text-zinc-500">No deal terms yet.</p>
          ) : (
            <p className="text-sm text-zinc-500">
              The venue keeps the deal terms; the confirmation email it sends you carries them.
            </p>
          )}
        </Section>
      </div>

      {role && role !== 'PROMOTER' && (
        <SharedNotes eventId={event.id} readOnly={event.status === 'SETTLED'} zoneLabel={zoneLabel} />
      )}

      {venueSide && <TaskChecklist event={event} rights={rights} />}

      {role && role !== 'PROMOTER' && (
        <SettlementPanel eventId={event.id} title={event.title} status={event.status} role={role} />
      )}

      {role && role !== 'PROMOTER' && <DocumentsPanel eventId={event.id} zone={zone} role={role} />}

      {role && role !== 'PROMOTER' && <ConfirmationEmails event={event} />}

      {venueSide && (
        <Section title="Request history">
          {event.requestHistory.length === 0 ? (
            <p className="text-sm text-zinc-500">This event was not booked from a request.</p>
          ) : (
            <DecisionSteps steps={event.requestHistory} zone={zone} />
          )}
        </Section>
      )}
    </div>
  );
}
