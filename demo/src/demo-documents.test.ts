// Every kind of document drawn for demo events at each demo venue (Chicago, London, two in Melbourne),
// its text read back with pdfjs and checked against the rows: names, the show's times on the
// venue's clock, and the settlement's payout as the shared arithmetic settles the stored lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleShow, type SettlementDealTerms, type SettlementLine } from '@promoteros/shared/settlement';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { seedDemo } from './seed.js';
import { flat } from '@promoteros/relay/testing/document-world';
import { ensureDocument } from '@promoteros/relay/documents';
import { pdfText } from '@promoteros/relay/testing/pdf-text';

const TODAY = '2026-03-01';
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('demo_documents');
  await seedDemo(db.sql, { seed: 1, today: TODAY });
});
afterAll(() => db.drop());

interface DemoEvent {
  id: string;
  title: string;
  artist_name: string;
  venue_name: string;
  timezone: string;
  org_name: string;
  doors_at: Date;
  show_at: Date;
  currency: string;
}

/** a past show with ticket sales at each venue, so the settlement has figures */
async function demoEvents(): Promise<DemoEvent[]> {
  return db.sql<DemoEvent[]>`
    SELECT DISTINCT ON (v.id) e.id, e.title, e.artist_name, v.name AS venue_name, v.timezone, o.name AS org_name,
           e.doors_at, e.show_at, d.currency
      FROM events e JOIN venues v ON v.id = e.venue_id JOIN organizations o ON o.id = e.organization_id
      JOIN deal_terms d ON d.event_id = e.id
     WHERE EXISTS (SELECT 1 FROM settlement_lines s WHERE s.event_id = e.id AND s.kind = 'TICKETS')
       AND e.show_date < ${TODAY}
     ORDER BY v.id, e.show_date DESC`;
}

// the venue's clock by hand: the zone's offset at that instant, from Intl, applied to UTC
function wallClock(instant: Date, timeZone: string): { h: number; m: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  return {
    h: Number(parts.find((p) => p.type === 'hour')!.value),
    m: Number(parts.find((p) => p.type === 'minute')!.value),
  };
}
/** the demo organizations keep the default locale, en-US: a 12-hour clock, the zone after it */
function clockText(instant: Date, timeZone: string): string {
  const { h, m } = wallClock(instant, timeZone);
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'} `;
}

describe('documents of demo events', () => {
  it('should find a settled-looking show at each of the demo venues', async () => {
    expect((await demoEvents()).map((e) => e.timezone).sort()).toEqual([
      'America/Chicago',
      'Australia/Melbourne',
      'Australia/Melbourne',
      'Europe/London',
    ]);
  });

  it('should draw each kind with the names and times of the event', async () => {
    for (const event of await demoEvents()) {
      for (const kind of ['CONFIRMATION', 'ADVANCE', 'SETTLEMENT'] as const) {
        const doc = await ensureDocument(db.sql, { eventId: event.id, kind });
        const { text, info } = await pdfText(doc.bytes);
        const words = flat(text);
        expect(words).toContain(event.title);
        expect(words).toContain(event.venue_name);
        expect(info.Author).toBe(event.org_name);
        if (kind !== 'SETTLEMENT') {
          expect(words).toContain(`Doors ${clockText(event.doors_at, event.timezone)}`);
          expect(words).toContain(`Show ${clockText(event.show_at, event.timezone)}`);
        }
      }
    }
    // twelve sheets (four venues), drawn one after another by the one PDF worker
  }, 90_000);

  it("should settle each demo show to the shared arithmetic's payout, in the deal's currency", async () => {
    // en-US names the Australian dollar A$ beside the US one
    const symbols: Record<string, string> = { USD: '$', GBP: '£', AUD: 'A$' };
    for (const event of await demoEvents()) {
      const [deal] = await db.sql<SettlementDealTerms[]>`
        SELECT deal_type, currency, guarantee_cents, artist_share_bp, split_basis, promoter_profit_bp,
               ticket_price_cents, sellable_capacity, expenses_budget_cents, bonuses
          FROM deal_terms WHERE event_id = ${event.id}`;
      const lines = await db.sql<SettlementLine[]>`
        SELECT kind, label, quantity, unit_cents, budget_cents, actual_cents FROM settlement_lines WHERE event_id = ${event.id}`;
      const s = settleShow(deal!, lines);
      const payout = `${symbols[event.currency]}${(Number(s.artistPayoutCents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
      const doc = await ensureDocument(db.sql, { eventId: event.id, kind: 'SETTLEMENT' });
      const words = flat((await pdfText(doc.bytes)).text);
      expect(words).toContain(`Artist payout: ${payout}`);
      expect(words).toContain(`Tickets sold ${s.ticketsSold.toLocaleString('en-US')}`);
    }
  });
});
