// What the README promises the demo owner (owner@lakeshore-live.demo) on a first start, checked
// on PostgreSQL as loaded today: venues in three timezones and not the other organization's, a
// busy calendar over the coming three months at each, and a show tonight at each that every
// screen can open on: run of show and advance notes, its confirmation and day sheet drawn by the
// render jobs the demo queues, ticket sales that leave the venue in profit, guest lists, and a
// checklist partly done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleShow, type SettlementDealTerms, type SettlementLine } from '@promoteros/shared/settlement';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { ensureDocument } from '@promoteros/relay/documents';
import { flat } from '@promoteros/relay/testing/document-world';
import { pdfText } from '@promoteros/relay/testing/pdf-text';
import { readEventNotes } from '@promoteros/relay/notes/read-event-notes';
import { seedDemo } from './seed.js';
import { addDays, utcToday, venueDate } from './venue-time.js';

const OWNER = 'owner@lakeshore-live.demo';
const now = new Date();
let db: TestDatabase;

interface OwnerVenue {
  id: string;
  name: string;
  timezone: string;
  capacity: number;
}
let venues: OwnerVenue[];

beforeAll(async () => {
  db = await createTestDatabase('demo_owner_world');
  const seeded = await seedDemo(db.sql, { seed: 1, today: utcToday(now), now });
  expect(seeded.created).toBe(true);
  // what the owner's memberships open: the venues of their organizations
  venues = await db.sql<OwnerVenue[]>`
    SELECT v.id, v.name, v.timezone, v.capacity
      FROM users u JOIN memberships m ON m.user_id = u.id JOIN venues v ON v.organization_id = m.organization_id
     WHERE u.email = ${OWNER} ORDER BY v.name`;
});
afterAll(() => db?.drop());

/** the venue's show tonight: today on its own calendar */
async function tonightAt(venue: OwnerVenue) {
  const [show] = await db.sql<{ id: string; title: string; doors_at: Date; status: string }[]>`
    SELECT id, title, doors_at, status FROM events
     WHERE venue_id = ${venue.id} AND show_date = ${venueDate(now, venue.timezone)}::date AND status <> 'CANCELLED'`;
  if (!show) throw new Error(`no show tonight at ${venue.name}`);
  return show;
}

describe("the demo owner's world", () => {
  it('should open at least three venues in three timezones, all of one organization, and none of the other', async () => {
    expect(venues.length).toBeGreaterThanOrEqual(3);
    expect(new Set(venues.map((v) => v.timezone)).size).toBeGreaterThanOrEqual(3);
    const organizations = await db.sql<{ slug: string }[]>`
      SELECT o.slug FROM users u JOIN memberships m ON m.user_id = u.id JOIN organizations o ON o.id = m.organization_id
       WHERE u.email = ${OWNER}`;
    expect(organizations.map((o) => o.slug)).toEqual(['lakeshore-live']);
    // the other organization on the relay has venues and shows of its own, out of the owner's sight
    const [other] = await db.sql<{ venues: number; events: number }[]>`
      SELECT count(DISTINCT v.id)::int AS venues, count(e.id)::int AS events
        FROM organizations o JOIN venues v ON v.organization_id = o.id LEFT JOIN events e ON e.venue_id = v.id
       WHERE o.slug <> 'lakeshore-live'`;
    expect(other!.venues).toBeGreaterThan(0);
    expect(other!.events).toBeGreaterThan(0);
  });

  it('should keep every venue busy in each of the coming three months, with holds pencilled in between', async () => {
    for (const venue of venues) {
      const today = venueDate(now, venue.timezone);
      for (const month of [0, 1, 2]) {
        const [from, to] = [addDays(today, 1 + 30 * month), addDays(today, 30 * (month + 1))];
        const [row] = await db.sql<{ shows: number }[]>`
          SELECT count(*)::int AS shows FROM events
           WHERE venue_id = ${venue.id} AND status = 'CONFIRMED' AND show_date BETWEEN ${from}::date AND ${to}::date`;
        expect(row!.shows, `${venue.name}, ${from} to ${to}`).toBeGreaterThanOrEqual(6);
      }
      const [holds] = await db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM holds
         WHERE venue_id = ${venue.id} AND status = 'ACTIVE' AND hold_date BETWEEN ${today}::date AND ${addDays(today, 91)}::date`;
      expect(holds!.n, venue.name).toBeGreaterThan(0);
    }
  });

  it("should give tonight's show a run of show on the venue's clock and advance notes", async () => {
    for (const venue of venues) {
      const show = await tonightAt(venue);
      expect(show.status).toBe('CONFIRMED');
      const notes = await readEventNotes(db.sql, show.id);
      expect(notes.advanceNotes).toMatch(/^Advanced with /);
      expect(notes.runOfShow.length).toBeGreaterThanOrEqual(8);
      const doors = new Intl.DateTimeFormat('en-GB', {
        timeZone: venue.timezone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(show.doors_at);
      expect(notes.runOfShow).toContainEqual({ at: doors, item: 'Doors' });
    }
  });

  it("should queue tonight's confirmation and day sheet, which draw with the run of show", async () => {
    for (const venue of venues) {
      const show = await tonightAt(venue);
      const jobs = await db.sql<{ kind: string }[]>`
        SELECT payload ->> 'kind' AS kind FROM jobs
         WHERE kind = 'document.render' AND status = 'QUEUED' AND payload ->> 'eventId' = ${show.id}
         ORDER BY 1`;
      expect(jobs.map((j) => j.kind)).toEqual(['ADVANCE', 'CONFIRMATION']);
    }
    // one venue's drawn through, as the job does it
    const show = await tonightAt(venues[0]!);
    const daySheet = flat(
      (await pdfText((await ensureDocument(db.sql, { eventId: show.id, kind: 'ADVANCE' })).bytes)).text,
    );
    const { runOfShow } = await readEventNotes(db.sql, show.id);
    for (const row of runOfShow) expect(daySheet).toContain(row.item);
    const confirmation = await ensureDocument(db.sql, { eventId: show.id, kind: 'CONFIRMATION' });
    expect(flat((await pdfText(confirmation.bytes)).text)).toContain(show.title);
  });

  it("should sell tonight's show well enough that the venue makes money on the advance alone", async () => {
    for (const venue of venues) {
      const show = await tonightAt(venue);
      const [deal] = await db.sql<SettlementDealTerms[]>`
        SELECT deal_type, currency, guarantee_cents, artist_share_bp, split_basis, promoter_profit_bp,
               ticket_price_cents, sellable_capacity, expenses_budget_cents, bonuses
          FROM deal_terms WHERE event_id = ${show.id}`;
      const lines = await db.sql<SettlementLine[]>`
        SELECT kind, label, quantity, unit_cents, budget_cents, actual_cents FROM settlement_lines
         WHERE event_id = ${show.id} ORDER BY position`;
      const settlement = settleShow(deal!, lines);
      expect(settlement.ticketsSold, venue.name).toBeGreaterThan(venue.capacity * 0.7);
      expect(settlement.overCapacity).toBe(false);
      expect(settlement.promoterResultCents, venue.name).toBeGreaterThanOrEqual(0n);
      expect(settlement.artistPayoutCents).toBeGreaterThan(0n);
    }
  });

  it("should put guests on tonight's lists, within the room, and leave the checklist partly done", async () => {
    for (const venue of venues) {
      const show = await tonightAt(venue);
      const [guests] = await db.sql<{ lists: number; entries: number; admits: number }[]>`
        SELECT count(DISTINCT l.id)::int AS lists, count(g.id)::int AS entries, coalesce(sum(g.admit_count), 0)::int AS admits
          FROM guest_lists l LEFT JOIN guest_list_entries g ON g.guest_list_id = l.id WHERE l.event_id = ${show.id}`;
      expect(guests!.lists).toBe(4);
      expect(guests!.entries).toBeGreaterThanOrEqual(100);
      expect(guests!.admits).toBeLessThan(venue.capacity * 0.2);
      const [tasks] = await db.sql<{ done: number; open: number }[]>`
        SELECT count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS done,
               count(*) FILTER (WHERE completed_at IS NULL)::int AS open
          FROM event_tasks WHERE event_id = ${show.id}`;
      expect(tasks!.done, venue.name).toBeGreaterThan(0);
      expect(tasks!.open, venue.name).toBeGreaterThan(0);
    }
  });
});
