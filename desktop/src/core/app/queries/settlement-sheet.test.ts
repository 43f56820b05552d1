// The settlement panel's query on a real PGlite replica (no relay): every deal column the
// arithmetic reads, money as numbers of cents (negative adjustments included), bonuses parsed,
// the lines in their order, and nothing of another organization's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica, type Replica } from '../../replica/open-replica.js';
import { settlementSheet } from './settlement-sheet.js';

const org = '30000000-0000-4000-8000-000000000001';
const otherOrg = '30000000-0000-4000-8000-000000000002';
const venue = '30000000-0000-4000-8000-000000000003';
const otherVenue = '30000000-0000-4000-8000-000000000004';
const show = '30000000-0000-4000-8000-0000000000e1';
const noDeal = '30000000-0000-4000-8000-0000000000e2';
const foreign = '30000000-0000-4000-8000-0000000000e3';
const line = (n: number) => `30000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;

const event = (id: string, organization: string, atVenue: string, title: string) =>
  `('${id}', '${organization}', '${atVenue}', '${title}', 'Artist', 'CONFIRMED', '2027-03-05',
    '2027-03-06T01:00:00Z', '2027-03-06T02:00:00Z', '2027-03-06T05:00:00Z')`;

const seed = `
INSERT INTO synced.organizations (id, slug, name) VALUES ('${org}', 'lakeshore', 'Lakeshore Live'),
  ('${otherOrg}', 'meridian', 'Meridian Halls');
INSERT INTO synced.venues (id, organization_id, slug, name, timezone, capacity) VALUES
  ('${venue}', '${org}', 'hall', 'The Hall', 'America/Chicago', 2000),
  ('${otherVenue}', '${otherOrg}', 'camden', 'Camden', 'Europe/London', 900);
INSERT INTO synced.events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at,
    ends_at) VALUES ${event(show, org, venue, 'Settled Soon')}, ${event(noDeal, org, venue, 'No Deal Yet')},
    ${event(foreign, otherOrg, otherVenue, 'Not Ours')};
INSERT INTO synced.deal_terms (id, organization_id, event_id, deal_type, currency, guarantee_cents, artist_share_bp,
    split_basis, promoter_profit_bp, ticket_price_cents, sellable_capacity, expenses_budget_cents, bonuses) VALUES
  (gen_random_uuid(), '${org}', '${show}', 'GUARANTEE_PLUS', 'USD', 300000, 8500, 'NET', 1500, 2500, 450, 150000,
   '[{"atTickets": 400, "bonusCents": 25000}]'),
  (gen_random_uuid(), '${otherOrg}', '${foreign}', 'FLAT', 'GBP', 100000, 0, 'NET', 0, 0, NULL, 0, '[]');
INSERT INTO synced.settlement_lines (id, organization_id, event_id, kind, label, quantity, unit_cents, budget_cents,
    actual_cents, position) VALUES
  ('${line(2)}', '${org}', '${show}', 'ADJUSTMENT', 'Ticketing fees', 1, -4200, 0, -4200, 2),
  ('${line(1)}', '${org}', '${show}', 'EXPENSE', 'Security', 1, 0, 30000, NULL, 1),
  ('${line(0)}', '${org}', '${show}', 'TICKETS', 'Advance', 380, 2500, 0, NULL, 0),
  ('${line(9)}', '${otherOrg}', '${foreign}', 'TICKETS', 'Not ours', 10, 1000, 0, NULL, 0);
`;

let dir: string;
let replica: Replica;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'settlement-sheet-'));
  replica = await openReplica({ dataDir: join(dir, 'replica') });
  await replica.db.exec(seed);
});

afterAll(async () => {
  await replica.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the settlement sheet query', () => {
  it('should give the deal and the lines in their order, money as numbers of cents', async () => {
    expect(await settlementSheet(replica, org, show)).toEqual({
      eventId: show,
      status: 'CONFIRMED',
      terms: {
        dealType: 'GUARANTEE_PLUS',
        currency: 'USD',
        guaranteeCents: 300_000,
        artistShareBp: 8_500,
        splitBasis: 'NET',
        promoterProfitBp: 1_500,
        ticketPriceCents: 2_500,
        sellableCapacity: 450,
        expensesBudgetCents: 150_000,
        bonuses: [{ atTickets: 400, bonusCents: 25_000 }],
      },
      lines: [
        {
          id: line(0),
          kind: 'TICKETS',
          label: 'Advance',
          quantity: 380,
          unitCents: 2_500,
          budgetCents: 0,
          actualCents: null,
          position: 0,
        },
        {
          id: line(1),
          kind: 'EXPENSE',
          label: 'Security',
          quantity: 1,
          unitCents: 0,
          budgetCents: 30_000,
          actualCents: null,
          position: 1,
        },
        {
          id: line(2),
          kind: 'ADJUSTMENT',
          label: 'Ticketing fees',
          quantity: 1,
          unitCents: -4_200,
          budgetCents: 0,
          actualCents: -4_200,
          position: 2,
        },
      ],
    });
  });

  it('should give no terms and no lines for a show whose deal is not made yet', async () => {
    expect(await settlementSheet(replica, org, noDeal)).toMatchObject({ terms: null, lines: [] });
  });

  it("should not find another organization's show", async () => {
    await expect(settlementSheet(replica, org, foreign)).rejects.toMatchObject({ code: 'not_found' });
  });
});
