// For the tests of the PDF documents (relay/src/documents): a night at a venue written straight to
// PostgreSQL, with figures simple enough to settle by hand (the same night as
// shared/src/settlement/settle-show.test.ts): 300 advance tickets × 25.00 + 50 at the door × 30.00
// = 9,000.00 gross, 20 comps; sound and lights 2,000.00 budgeted / 2,100.00 actual, security
// 1,000.00 budgeted, no actual: expenses charged 3,100.00 (budget 3,000.00), net 5,900.00.
import type { DealType, SplitBasis } from '@promoteros/shared';
import type { Sql } from '../db/database.js';
import { createOrganization } from './fixtures.js';
import { DOCUMENT_RENDER } from '../documents/render-job.js';

export interface Night {
  readonly organizationId: string;
  readonly venueId: string;
  readonly eventId: string;
}

export interface NightOptions {
  readonly organizationName?: string;
  readonly venue?: { name: string; timezone: string; country: string; city: string };
  readonly title?: string;
  readonly artist?: string;
  readonly showDate?: string;
  /** ISO instants */
  readonly doorsAt?: string;
  readonly showAt?: string;
  readonly endsAt?: string;
  readonly notes?: string | null;
  readonly deal?: {
    deal_type: DealType;
    currency?: string;
    guarantee_cents?: number;
    artist_share_bp?: number;
    split_basis?: SplitBasis;
    promoter_profit_bp?: number;
    bonuses?: { atTickets: number; bonusCents: number }[];
  } | null;
  readonly lines?: boolean;
}

export const chicago = { name: 'The Lakeshore Ballroom', timezone: 'America/Chicago', country: 'US', city: 'Chicago' };

export async function createNight(sql: Sql, options: NightOptions = {}): Promise<Night> {
  const organizationId = await createOrganization(sql, options.organizationName ?? 'Lakeshore Live');
  const venue = options.venue ?? chicago;
  const [v] = await sql<{ id: string }[]>`
    INSERT INTO venues (organization_id, slug, name, timezone, capacity, address, city, country)
    VALUES (${organizationId}, ${`v-${organizationId.slice(0, 8)}`}, ${venue.name}, ${venue.timezone}, 400,
            '1 Harbour Street', ${venue.city}, ${venue.country})
    RETURNING id`;
  // Saturday 14 March 2026 in Chicago (CDT, UTC−5 since 8 March): doors 19:30, show 20:45, ends 23:15
  const [e] = await sql<{ id: string }[]>`
    INSERT INTO events (organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at, notes)
    VALUES (${organizationId}, ${v!.id}, ${options.title ?? 'Night Drive at the Ballroom'}, ${options.artist ?? 'Night Drive'},
            'CONFIRMED', ${options.showDate ?? '2026-03-14'},
            ${options.doorsAt ?? '2026-03-15T00:30:00Z'}, ${options.showAt ?? '2026-03-15T01:45:00Z'},
            ${options.endsAt ?? '2026-03-15T04:15:00Z'}, ${options.notes ?? null})
    RETURNING id`;
  const eventId = e!.id;
  const deal = options.deal === undefined ? { deal_type: 'FLAT' as const, guarantee_cents: 250_000 } : options.deal;
  if (deal) {
    await sql`
      INSERT INTO deal_terms (organization_id, event_id, deal_type, currency, guarantee_cents, artist_share_bp,
                              split_basis, promoter_profit_bp, ticket_price_cents, sellable_capacity,
                              expenses_budget_cents, bonuses)
      VALUES (${organizationId}, ${eventId}, ${deal.deal_type}, ${deal.currency ?? 'USD'}, ${deal.guarantee_cents ?? 0},
              ${deal.artist_share_bp ?? 0}, ${deal.split_basis ?? 'NET'}, ${deal.promoter_profit_bp ?? 0}, 2500, 400,
              300000, ${sql.json(deal.bonuses ?? [])})`;
  }
  if (options.lines ?? true) {
    const lines: [string, string, number, number, number, number | null][] = [
      ['TICKETS', 'Advance tickets', 300, 2500, 0, null],
      ['TICKETS', 'Door sales', 50, 3000, 0, null],
      ['COMPS', 'Comps', 20, 0, 0, null],
      ['EXPENSE', 'Sound and lights', 1, 200_000, 200_000, 210_000],
      ['EXPENSE', 'Security', 1, 100_000, 100_000, null],
    ];
    for (const [position, [kind, label, quantity, unit, budget, actual]] of lines.entries()) {
      await sql`
        INSERT INTO settlement_lines (organization_id, event_id, kind, label, quantity, unit_cents, budget_cents, actual_cents, position)
        VALUES (${organizationId}, ${eventId}, ${kind}, ${label}, ${quantity}, ${unit}, ${budget}, ${actual}, ${position})`;
    }
  }
  return { organizationId, venueId: v!.id, eventId };
}

/**
 * Collapses the extracted text's whitespace, so a test can look for a phrase across line breaks
 * (and across the spans of one paragraph, which the extraction pads: "( words )", "2026 .").
 */
export const flat = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ([.:])(?=\s|$)/g, '$1');

/** A guest list of the night with one entry (a guest allotted `admitCount` admissions). */
export async function addGuest(
  sql: Sql,
  night: Night,
  listKind: string,
  admitCount: number,
  /** the list's name (a new list), or the list to add the guest to */
  list: { name?: string; listId?: string } = {},
): Promise<{ listId: string; entryId: string }> {
  let listId = list.listId;
  if (!listId) {
    const [made] = await sql<{ id: string }[]>`
      INSERT INTO guest_lists (organization_id, event_id, name, kind)
      VALUES (${night.organizationId}, ${night.eventId}, ${list.name ?? `${listKind} list`}, ${listKind}) RETURNING id`;
    listId = made!.id;
  }
  const [entry] = await sql<{ id: string }[]>`
    INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count)
    VALUES (${night.organizationId}, ${night.eventId}, ${listId}, 'Sam Guest', ${admitCount}) RETURNING id`;
  return { listId, entryId: entry!.id };
}

/**
 * One check-in as a door device appends it: a guest's admit (entryId), a walk-up (no entry),
 * or the undo of an earlier check-in (`undoes`, admitted negative). Returns its id.
 */
export async function checkIn(
  sql: Sql,
  night: Night,
  c: { entryId?: string | null; admitted: number; undoes?: string },
): Promise<string> {
  const kind = c.undoes ? 'UNDO' : c.entryId ? 'ADMIT' : 'WALK_UP';
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO check_ins (organization_id, event_id, entry_id, kind, admitted, undoes_id, device_id, occurred_at)
    VALUES (${night.organizationId}, ${night.eventId}, ${c.entryId ?? null}, ${kind}, ${c.admitted},
            ${c.undoes ?? null}, 'door-1', '2026-03-15T01:00:00Z')
    RETURNING id`;
  return row!.id;
}

/** The QUEUED renders of these nights' events, as "n:KIND" with n the night's index in the list. */
export async function queuedRenders(sql: Sql, ...nights: Night[]): Promise<string[]> {
  const rows = await sql<{ event_id: string; kind: string }[]>`
    SELECT payload ->> 'eventId' AS event_id, payload ->> 'kind' AS kind FROM jobs
     WHERE kind = ${DOCUMENT_RENDER} AND status = 'QUEUED'
       AND payload ->> 'eventId' IN ${sql(nights.map((n) => n.eventId))}`;
  return rows.map((r) => `${nights.findIndex((n) => n.eventId === r.event_id)}:${r.kind}`).sort();
}

/** Forgets the renders queued so far (by a test's own setup), so that a step sees only its own. */
export async function forgetRenders(sql: Sql): Promise<void> {
  await sql`DELETE FROM jobs WHERE kind = ${DOCUMENT_RENDER}`;
}
