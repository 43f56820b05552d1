// One request as the manager decides on it: what the requester asked for (dates on the venue's
// clock), the decisions so far with who made them and why, the dates it holds and who else holds
// them, the decisions the state machine allows from here, and, once approved, the event it becomes.
import type { Formats } from '@promoteros/shared/format';
import { useState, type ReactNode } from 'react';
import type { CommandResult } from '../../../common/command-map.js';
import { routeHash } from '../data/route.js';
import { useQuery } from '../data/use-query.js';
import type { Role } from '../event/edit-rights.js';
import { wallClockInZone } from '../format/venue-time.js';
import { ConvertForm } from '../request/convert-form.js';
import { DecisionBar } from '../request/decision-bar.js';
import { HoldsPanel } from '../request/holds-panel.js';
import { decidesRequests, managesHolds, mayConvert } from '../request/request-actions.js';
import { DecisionSteps } from '../ui/decision-steps.js';
import { ErrorNote, primaryButtonClass, Section, Spinner, StatusBadge } from '../ui/controls.js';
import { useFormat } from '../format/use-format.js';

type RequestDetail = CommandResult<'requests.get'>;

export function RequestDetailScreen({ requestId, role }: { requestId: string; role: Role | undefined }) {
  const request = useQuery('requests.get', { requestId });
  if (request.error && !request.data)
    return (
      <div className="space-y-3 p-6">
        <BackLink />
        <ErrorNote error={request.error} />
      </div>
    );
  if (!request.data)
    return (
      <div className="p-6">
        <Spinner label="Loading request…" />
      </div>
    );
  return <RequestDetailView request={request.data} role={role} />;
}

function BackLink({ promoter = false }: { promoter?: boolean }) {
  return (
    <a href={routeHash('requests')} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
      ← {promoter ? 'My requests' : 'Requests'}
    </a>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-3 py-1 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </div>
  );
}

function budget(request: RequestDetail, f: Formats): string | null {
  const { budgetMinCents: min, budgetMaxCents: max } = request;
  if (min === null && max === null) return null;
  // the venue's currency is not on the request; dollars as the intake page asks them
  if (min !== null && max !== null) return `${f.money(min, 'USD')} – ${f.money(max, 'USD')}`;
  return min !== null ? `from ${f.money(min, 'USD')}` : `up to ${f.money(max!, 'USD')}`;
}

export function RequestDetailView({ request, role }: { request: RequestDetail; role: Role | undefined }) {
  const f = useFormat();
  const zone = request.venue.timezone;
  const [converting, setConverting] = useState(false);
  // an evening on one day reads "Mon, Apr 19, 2027, 7:00 PM – 11:00 PM" (the zone once, after the
  // start, when this computer's clock differs); past midnight, both dates
  const span = (start: string, end: string) =>
    `${f.dateTime(start, zone)} – ${
      wallClockInZone(start, zone).date === wallClockInZone(end, zone).date
        ? f.venueClock(end, zone)
        : f.dateTime(end, zone)
    }`;
  const deciding = decidesRequests(role);

  return (
    <div className="mx-auto max-w-5xl space-y-4 p-5">
      <BackLink promoter={role === 'PROMOTER'} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">
            {request.artistName} <span className="font-normal text-zinc-500">· {request.eventTitle}</span>
          </h1>
          <p className="mt-0.5 flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-300">
            <StatusBadge status={request.status} />
            <span className="font-mono text-xs">{request.reference}</span>
            <span>· {request.venue.name}</span>
            <span>· submitted {f.dateTime(request.submittedAt, zone)}</span>
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <DecisionBar
            requestId={request.id}
            status={request.status}
            role={role}
            requester={{ name: request.contactName, email: request.contactEmail }}
          />
          {mayConvert(role, request.status) && !converting && (
            <button type="button" className={primaryButtonClass} onClick={() => setConverting(true)}>
              Create event
            </button>
          )}
          {request.eventId && (
            <a
              href={routeHash(`events/${request.eventId}`)}
              className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Open the event →
            </a>
          )}
          {!deciding && role !== 'PROMOTER' && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Managers and owners decide on requests.</p>
          )}
        </div>
      </header>

      {converting && (
        <Section title="Create event" aside={`Venue time: ${zone}`}>
          <ConvertForm request={request} onDone={() => setConverting(false)} />
        </Section>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Request" aside={`Venue time: ${zone}`}>
          <dl>
            <Term label="Preferred">{span(request.preferredStart, request.preferredEnd)}</Term>
            <Term label="Alternative">
              {request.alternativeStart && request.alternativeEnd
                ? span(request.alternativeStart, request.alternativeEnd)
                : null}
            </Term>
            <Term label="Expected">{`${f.count(request.expectedAttendance)} (venue holds ${f.count(request.venue.capacity)})`}</Term>
            <Term label="Budget">{budget(request, f)}</Term>
            <Term label="Description">{request.description}</Term>
            <Term label="Deal notes">{request.dealNotes}</Term>
            <Term label="Tech needs">{request.techNeeds}</Term>
          </dl>
        </Section>
        <Section title="Contact">
          <dl>
            <Term label="Name">{request.contactName}</Term>
            <Term label="Email">
              <a
                href={`mailto:${request.contactEmail}`}
                className="text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {request.contactEmail}
              </a>
            </Term>
            <Term label="Phone">{request.contactPhone}</Term>
            <Term label="Company">{request.company}</Term>
          </dl>
        </Section>
      </div>

      {/* holds are the venue's business: a promoter's replica has none */}
      {role !== 'PROMOTER' && <HoldsPanel request={request} manages={managesHolds(role)} />}

      <Section title="Decision history">
        {request.history.length === 0 ? (
          <p className="text-sm text-zinc-500">No decisions yet.</p>
        ) : (
          <DecisionSteps steps={request.history} zone={zone} label="Decision history" />
        )}
      </Section>
    </div>
  );
}
