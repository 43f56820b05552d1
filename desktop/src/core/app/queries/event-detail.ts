// Everything the event screen shows and edits: the event and its venue, the deal, the checklist
// with who does what (names from memberships: users are not synced), the venue's own people a
// task may be given to (never the outside promoter: shared/src/mutations/rules.ts), how the
// request was decided, and each emailing of the confirmation. It reads the replica's views, so the user's own
// edits not yet uploaded are in it.
import { isVenueStaff, type DealType, type EventStatus, type SplitBasis } from '@promoteros/shared';
import type { CommandResult, Member as MemberSchema } from '../../../common/command-map.js';
import type { z } from 'zod';
import type { Replica } from '../../replica/open-replica.js';
import { notFound } from '../command-failure.js';
import { confirmationSends } from './confirmation-sends.js';
import { decisionHistory } from './decision-history.js';
import { isoInstant } from './venue-time.js';

type Member = z.infer<typeof MemberSchema>;

interface EventRow {
  id: string;
  title: string;
  artist_name: string;
  status: EventStatus;
  show_date: string;
  doors_at: Date;
  show_at: Date;
  ends_at: Date;
  capacity_override: number | null;
  notes: string | null;
  request_id: string | null;
  venue_id: string;
  venue_name: string;
  timezone: string;
  venue_capacity: number;
}

interface DealRow {
  id: string;
  deal_type: DealType;
  currency: string;
  guarantee_cents: number;
  artist_share_bp: number;
  split_basis: SplitBasis;
  ticket_price_cents: number;
  expenses_budget_cents: number;
  notes: string | null;
}

interface RequestRow {
  reference: string;
  budget_min_cents: number | null;
  budget_max_cents: number | null;
  deal_notes: string | null;
}

export async function eventDetail(
  replica: Replica,
  organizationId: string,
  eventId: string,
): Promise<CommandResult<'events.get'>> {
  const [event] = await replica.query<EventRow>(
    `SELECT e.id, e.title, e.artist_name, e.status, e.show_date::text AS show_date, e.doors_at, e.show_at,
            e.ends_at, e.capacity_override, e.notes, e.request_id,
            v.id AS venue_id, v.name AS venue_name, v.timezone, v.capacity AS venue_capacity
       FROM events e JOIN venues v ON v.id = e.venue_id
      WHERE e.organization_id = $1 AND e.id = $2`,
    [organizationId, eventId],
  );
  if (!event) throw notFound(`no event ${eventId} in this organization`);

  // bigint money columns as float8: exact for any sum of cents below 2^53
  const [deal] = await replica.query<DealRow>(
    `SELECT id, deal_type, currency, guarantee_cents::float8 AS guarantee_cents, artist_share_bp, split_basis,
            ticket_price_cents::float8 AS ticket_price_cents,
            expenses_budget_cents::float8 AS expenses_budget_cents, notes
       FROM deal_terms WHERE organization_id = $1 AND event_id = $2`,
    [organizationId, eventId],
  );
  const tasks = await replica.query<{
    id: string;
    title: string;
    description: string | null;
    position: number;
    due_date: string | null;
    completed_at: Date | null;
    completed_by: string | null;
    assignee_user_id: string | null;
    assignee: string | null;
  }>(
    `SELECT t.id, t.title, t.description, t.position, t.due_date::text AS due_date, t.completed_at,
            c.user_name AS completed_by, t.assignee_user_id, m.user_name AS assignee
       FROM event_tasks t
       LEFT JOIN memberships m ON m.organization_id = t.organization_id AND m.user_id = t.assignee_user_id
       LEFT JOIN memberships c ON c.organization_id = t.organization_id AND c.user_id = t.completed_by
      WHERE t.organization_id = $1 AND t.event_id = $2
      ORDER BY t.position, t.due_date NULLS LAST, t.id`,
    [organizationId, eventId],
  );
  const members = await replica.query<{ user_id: string; user_name: string; role: Member['role'] }>(
    `SELECT user_id, user_name, role FROM memberships WHERE organization_id = $1 ORDER BY user_name, user_id`,
    [organizationId],
  );
  const requestHistory = event.request_id ? await decisionHistory(replica, organizationId, event.request_id) : [];
  const [request] = event.request_id
    ? await replica.query<RequestRow>(
        `SELECT reference, budget_min_cents::float8 AS budget_min_cents, budget_max_cents::float8 AS budget_max_cents,
                deal_notes
           FROM event_requests WHERE organization_id = $1 AND id = $2`,
        [organizationId, event.request_id],
      )
    : [];
  const confirmations = await confirmationSends(replica, organizationId, eventId);

  return {
    id: event.id,
    title: event.title,
    artistName: event.artist_name,
    status: event.status,
    venue: {
      id: event.venue_id,
      organizationId,
      name: event.venue_name,
      timezone: event.timezone,
      capacity: event.venue_capacity,
    },
    showDate: event.show_date,
    doorsAt: isoInstant(event.doors_at),
    showAt: isoInstant(event.show_at),
    endsAt: isoInstant(event.ends_at),
    capacity: event.capacity_override ?? event.venue_capacity,
    capacityOverride: event.capacity_override,
    notes: event.notes,
    deal: deal
      ? {
          id: deal.id,
          dealType: deal.deal_type,
          currency: deal.currency,
          guaranteeCents: deal.guarantee_cents,
          artistShareBp: deal.artist_share_bp,
          splitBasis: deal.split_basis,
          ticketPriceCents: deal.ticket_price_cents,
          expensesBudgetCents: deal.expenses_budget_cents,
          notes: deal.notes,
        }
      : null,
    tasks: tasks.map((task) => ({
      id: task.id,
      title: task.title,
      description: task.description,
      position: task.position,
      dueDate: task.due_date,
      completedAt: task.completed_at ? isoInstant(task.completed_at) : null,
      completedBy: task.completed_by,
      assigneeUserId: task.assignee_user_id,
      assignee: task.assignee,
    })),
    members: members
      .filter((member) => isVenueStaff(member.role))
      .map((member) => ({ userId: member.user_id, name: member.user_name, role: member.role })),
    request: request
      ? {
          reference: request.reference,
          budgetMinCents: request.budget_min_cents,
          budgetMaxCents: request.budget_max_cents,
          dealNotes: request.deal_notes,
        }
      : null,
    confirmations,
    requestHistory,
  };
}
