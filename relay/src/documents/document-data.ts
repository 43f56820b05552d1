// What a sheet is drawn from, read from the database in one snapshot: the event with its venue,
// organization and people, and per kind the deal, the settlement lines or the open tasks.
import type { DocumentKind } from '@promoteros/shared';
import type { Queries } from '../db/as-organizations.js';
import type { SettlementDealTerms, SettlementLine } from '@promoteros/shared/settlement';
import { readEventNotes } from '../notes/read-event-notes.js';
import { notesBesidesRunOfShow, runOfShowFromNotes, type RunOfShowItem } from './run-of-show.js';
import { loadDoorCount, type DoorCount } from './door-count.js';

export interface Party {
  readonly name: string;
  readonly company?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly role: string;
}

export interface EventFacts {
  readonly id: string;
  readonly title: string;
  readonly artistName: string;
  readonly status: string;
  /** 'YYYY-MM-DD', the show's date at the venue */
  readonly showDate: string;
  readonly doorsAt: Date;
  readonly showAt: Date;
  readonly endsAt: Date;
  readonly capacity: number;
  readonly notes: string | null;
  readonly requestReference: string | null;
  /** locale: how the sheet writes dates, times, counts and money (shared/src/format) */
  readonly organization: { readonly name: string; readonly emailFrom: string | null; readonly locale: string };
  readonly venue: {
    readonly name: string;
    readonly timezone: string;
    readonly address: string | null;
    readonly city: string | null;
    readonly country: string | null;
    readonly capacity: number;
  };
  /** the promoter member, else the requester who asked for the date */
  readonly promoter: Party | null;
  readonly requester: Party | null;
  /** owners and managers of the organization: who to call about the show */
  readonly venueContacts: readonly Party[];
}

export interface DealFacts extends SettlementDealTerms {
  readonly notes: string | null;
}

export interface OpenTask {
  readonly title: string;
  readonly dueDate: string | null;
  readonly assignee: string | null;
}

export type DocumentData =
  | {
      readonly kind: 'CONFIRMATION';
      readonly event: EventFacts;
      readonly deal: DealFacts | null;
      /** the deal terms' updated_at as read here: which terms a sent confirmation carried */
      readonly dealChangedAt: Date | null;
      readonly asOf: Date;
    }
  | {
      readonly kind: 'ADVANCE';
      readonly event: EventFacts;
      readonly openTasks: readonly OpenTask[];
      /** the shared run of show (relay/src/notes), else the timed lines of the event's notes */
      readonly runOfShow: readonly RunOfShowItem[];
      /** the event's notes (less the lines that became the run of show) and the shared advance notes */
      readonly notes: string;
      readonly asOf: Date;
    }
  | {
      readonly kind: 'SETTLEMENT';
      readonly event: EventFacts;
      readonly deal: DealFacts;
      readonly lines: readonly SettlementLine[];
      /** who came in at the door (check_ins), null when the door recorded nobody */
      readonly door: DoorCount | null;
      readonly asOf: Date;
    };

/** What the confirmation sheet and the confirmation email are both written from. */
export type ConfirmationData = Extract<DocumentData, { kind: 'CONFIRMATION' }>;

/** The event cannot have this document (no such event, or no deal to settle): not worth a retry. */
export class DocumentUnavailable extends Error {
  override name = 'DocumentUnavailable';
}

interface EventRow {
  id: string;
  organization_id: string;
  title: string;
  artist_name: string;
  status: string;
  show_date: string;
  doors_at: Date;
  show_at: Date;
  ends_at: Date;
  capacity_override: number | null;
  notes: string | null;
  updated_at: Date;
  promoter_user_id: string | null;
  org_name: string;
  email_from: string | null;
  locale: string;
  org_updated_at: Date;
  venue_name: string;
  timezone: string;
  address: string | null;
  city: string | null;
  country: string | null;
  venue_capacity: number;
  venue_updated_at: Date;
  reference: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  company: string | null;
}

const latest = (...dates: (Date | null | undefined)[]): Date =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));

async function loadEvent(sql: Queries, eventId: string): Promise<{ facts: EventFacts; changedAt: Date }> {
  const [row] = await sql<EventRow[]>`
    SELECT e.id, e.organization_id, e.title, e.artist_name, e.status, e.show_date::text AS show_date,
           e.doors_at, e.show_at, e.ends_at, e.capacity_override, e.notes, e.updated_at, e.promoter_user_id,
           o.name AS org_name, o.email_from, o.locale, o.updated_at AS org_updated_at,
           v.name AS venue_name, v.timezone, v.address, v.city, v.country, v.capacity AS venue_capacity,
           v.updated_at AS venue_updated_at,
           r.reference, r.contact_name, r.contact_email, r.contact_phone, r.company
      FROM events e
      JOIN organizations o ON o.id = e.organization_id
      JOIN venues v ON v.id = e.venue_id
      LEFT JOIN event_requests r ON r.id = e.request_id
     WHERE e.id = ${eventId}`;
  if (!row) throw new DocumentUnavailable(`there is no event ${eventId}`);
  const members = await sql<
    { user_id: string; role: string; user_name: string; user_email: string; phone: string | null; updated_at: Date }[]
  >`
    SELECT m.user_id, m.role, m.user_name, m.user_email, u.phone, m.updated_at
      FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = ${row.organization_id}
       AND (m.role IN ('OWNER', 'MANAGER') OR m.user_id = ${row.promoter_user_id})
     ORDER BY CASE m.role WHEN 'OWNER' THEN 0 WHEN 'MANAGER' THEN 1 ELSE 2 END, m.user_name, m.user_id`;
  const promoterMember = members.find((m) => m.user_id === row.promoter_user_id);
  const requester: Party | null = row.contact_name
    ? {
        name: row.contact_name,
        company: row.company,
        email: row.contact_email,
        phone: row.contact_phone,
        role: 'Requester',
      }
    : null;
  const promoter: Party | null = promoterMember
    ? {
        name: promoterMember.user_name,
        company: row.company,
        email: promoterMember.user_email,
        phone: promoterMember.phone,
        role: 'Promoter',
      }
    : requester && { ...requester, role: 'Promoter' };
  const facts: EventFacts = {
    id: row.id,
    title: row.title,
    artistName: row.artist_name,
    status: row.status,
    showDate: row.show_date,
    doorsAt: row.doors_at,
    showAt: row.show_at,
    endsAt: row.ends_at,
    capacity: row.capacity_override ?? row.venue_capacity,
    notes: row.notes,
    requestReference: row.reference,
    organization: { name: row.org_name, emailFrom: row.email_from, locale: row.locale },
    venue: {
      name: row.venue_name,
      timezone: row.timezone,
      address: row.address,
      city: row.city,
      country: row.country,
      capacity: row.venue_capacity,
    },
    promoter,
    requester,
    venueContacts: members
      .filter((m) => m.role === 'OWNER' || m.role === 'MANAGER')
      .map((m) => ({
        name: m.user_name,
        email: m.user_email,
        phone: m.phone,
        role: m.role === 'OWNER' ? 'Owner' : 'Manager',
      })),
  };
  const changedAt = latest(
    row.updated_at,
    row.org_updated_at,
    row.venue_updated_at,
    ...members.map((m) => m.updated_at),
  );
  return { facts, changedAt };
}

async function loadDeal(sql: Queries, eventId: string): Promise<{ deal: DealFacts; changedAt: Date } | null> {
  const [row] = await sql<(DealFacts & { updated_at: Date })[]>`
    SELECT deal_type, currency, guarantee_cents, artist_share_bp, split_basis, promoter_profit_bp,
           ticket_price_cents, sellable_capacity, expenses_budget_cents, bonuses, notes, updated_at
      FROM deal_terms WHERE event_id = ${eventId}`;
  if (!row) return null;
  const { updated_at, ...deal } = row;
  return { deal, changedAt: updated_at };
}

/**
 * Everything one document of an event shows. `asOf` is the last change of any row it shows: the
 * sheet prints it ("figures as of …") and it stands as the PDF's creation date, so the same data
 * always gives the same bytes.
 */
export async function loadDocumentData(sql: Queries, eventId: string, kind: DocumentKind): Promise<DocumentData> {
  // one snapshot, so a sheet never mixes a deal from before an edit with lines from after it
  return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
    const db = tx as unknown as Queries;
    const { facts: event, changedAt } = await loadEvent(db, eventId);
    switch (kind) {
      case 'CONFIRMATION': {
        const deal = await loadDeal(db, eventId);
        return {
          kind,
          event,
          deal: deal?.deal ?? null,
          dealChangedAt: deal?.changedAt ?? null,
          asOf: latest(changedAt, deal?.changedAt),
        };
      }
      case 'ADVANCE': {
        const tasks = await db<{ title: string; due_date: string | null; assignee: string | null; updated_at: Date }[]>`
          SELECT t.title, t.due_date::text AS due_date, m.user_name AS assignee, t.updated_at
            FROM event_tasks t
            LEFT JOIN memberships m ON m.user_id = t.assignee_user_id AND m.organization_id = t.organization_id
           WHERE t.event_id = ${eventId} AND t.completed_at IS NULL
           ORDER BY t.due_date NULLS LAST, t.position, t.id`;
        // a task ticked off leaves the list: the newest change of any task counts
        const [touched] = await db<
          { at: Date | null }[]
        >`SELECT max(updated_at) AS at FROM event_tasks WHERE event_id = ${eventId}`;
        const shared = await readEventNotes(db, eventId);
        const fromShared = shared.runOfShow.length > 0;
        const [notesStored] = await db<
          { at: Date | null }[]
        >`SELECT max(updated_at) AS at FROM note_documents WHERE event_id = ${eventId}`;
        return {
          kind,
          event,
          openTasks: tasks.map((t) => ({ title: t.title, dueDate: t.due_date, assignee: t.assignee })),
          runOfShow: fromShared ? shared.runOfShow : runOfShowFromNotes(event.notes),
          notes: [
            fromShared ? (event.notes ?? '').trim() : notesBesidesRunOfShow(event.notes),
            shared.advanceNotes.trim(),
          ]
            .filter(Boolean)
            .join('\n\n'),
          asOf: latest(changedAt, touched?.at, notesStored?.at),
        };
      }
      case 'SETTLEMENT': {
        const deal = await loadDeal(db, eventId);
        if (!deal) throw new DocumentUnavailable('this event has no deal terms yet: there is nothing to settle');
        const lines = await db<(SettlementLine & { updated_at: Date })[]>`
          SELECT kind, label, quantity, unit_cents, budget_cents, actual_cents, updated_at
            FROM settlement_lines WHERE event_id = ${eventId} ORDER BY position, created_at, id`;
        const door = await loadDoorCount(db, eventId);
        return {
          kind,
          event,
          deal: deal.deal,
          lines: lines.map(({ updated_at: _at, ...line }) => line),
          door: door.count,
          // every line of the event is read above: their newest change needs no query of its own
          asOf: latest(changedAt, deal.changedAt, ...lines.map((line) => line.updated_at), door.changedAt),
        };
      }
    }
  });
}
