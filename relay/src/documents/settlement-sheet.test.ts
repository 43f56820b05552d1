// The settlement sheet of one night under each deal, against figures worked out by hand (the
// night: see relay/src/testing/document-world.ts; gross 9,000.00, expenses 3,100.00, net 5,900.00).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createNight, flat, type NightOptions } from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { pdfText } from '../testing/pdf-text.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('settlement_sheet');
});
afterAll(() => db.drop());

async function settlementText(deal: NonNullable<NightOptions['deal']>): Promise<string> {
  const night = await createNight(db.sql, { deal });
  const doc = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
  return flat((await pdfText(doc.bytes)).text);
}

describe('settlement sheet', () => {
  it('should show the night: tickets, comps, gross, expenses budget against actual, net', async () => {
    const text = await settlementText({ deal_type: 'FLAT', guarantee_cents: 250_000 });
    expect(text).toContain('Advance tickets 300 $25.00 $7,500.00');
    expect(text).toContain('Door sales 50 $30.00 $1,500.00');
    expect(text).toContain('Comps (no charge) 20');
    expect(text).toContain('Gross receipts 350 $9,000.00');
    expect(text).toContain('Sound and lights $2,000.00 $2,100.00 $2,100.00');
    expect(text).toContain('Security $1,000.00 — $1,000.00');
    expect(text).toContain('Total expenses $3,000.00 $3,100.00');
    expect(text).toContain('Net receipts $5,900.00');
    expect(text).toContain('1 expense is charged at budget');
    expect(text).toContain('For the artist, Night Drive');
  });

  it('should pay a flat deal its guarantee', async () => {
    const text = await settlementText({ deal_type: 'FLAT', guarantee_cents: 250_000 });
    expect(text).toContain('Flat guarantee $2,500.00');
    expect(text).toContain('Artist payout: $2,500.00 (two thousand five hundred US dollars)');
    expect(text).toContain('Promoter result: $3,400.00');
  });

  it('should pay a door split its share of net', async () => {
    // 70 % of 5,900.00 = 4,130.00
    const text = await settlementText({ deal_type: 'DOOR_SPLIT', artist_share_bp: 7000, split_basis: 'NET' });
    expect(text).toContain('Door split: 70% of net $4,130.00');
    expect(text).toContain('Artist payout: $4,130.00');
    expect(text).toContain('Promoter result: $1,770.00');
  });

  it('should pay a versus deal the larger side, here the guarantee', async () => {
    // 80 % of 5,900.00 = 4,720.00 < 5,000.00
    const text = await settlementText({ deal_type: 'VERSUS', guarantee_cents: 500_000, artist_share_bp: 8000 });
    expect(text).toContain('Versus: 80% of net $4,720.00');
    expect(text).toContain('Versus deal pays the larger: the guarantee $5,000.00');
    expect(text).toContain('Artist payout: $5,000.00');
    expect(text).toContain('Promoter result: $900.00');
  });

  it('should pay a versus deal the larger side, here the percentage', async () => {
    // 90 % of 5,900.00 = 5,310.00 > 4,000.00
    const text = await settlementText({ deal_type: 'VERSUS', guarantee_cents: 400_000, artist_share_bp: 9000 });
    expect(text).toContain('Versus deal pays the larger: the percentage $5,310.00');
    expect(text).toContain('Promoter result: $590.00');
  });

  it('should pay a guarantee plus deal above its split point, with the bonus reached', async () => {
    // promoter profit 15 % of (3,100.00 + 2,000.00) = 765.00; split point 5,865.00;
    // above it 9,000.00 − 5,865.00 = 3,135.00; 85 % = 2,664.75; + 2,000.00 + bonus 300.00 at 350 sold
    const text = await settlementText({
      deal_type: 'GUARANTEE_PLUS',
      guarantee_cents: 200_000,
      artist_share_bp: 8500,
      promoter_profit_bp: 1500,
      bonuses: [
        { atTickets: 350, bonusCents: 30_000 },
        { atTickets: 400, bonusCents: 50_000 },
      ],
    });
    expect(text).toContain('Promoter profit (15% of expenses and guarantee) $765.00');
    expect(text).toContain('Split point (expenses + guarantee + promoter profit) $5,865.00');
    expect(text).toContain('Adjusted gross above the split point $3,135.00');
    expect(text).toContain("Artist's 85% above the split point $2,664.75");
    expect(text).toContain('Bonus at 350 tickets sold $300.00');
    expect(text).not.toContain('Bonus at 400 tickets sold');
    expect(text).toContain('Artist payout: $4,964.75 (four thousand nine hundred sixty-four US dollars and 75/100)');
    expect(text).toContain('Promoter result: $935.25');
  });

  it('should write the figures in the deal currency with the venue country conventions', async () => {
    const night = await createNight(db.sql, {
      venue: { name: 'Meridian Hall', timezone: 'Europe/London', country: 'GB', city: 'London' },
      deal: { deal_type: 'DOOR_SPLIT', currency: 'GBP', artist_share_bp: 7000 },
    });
    const doc = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
    const text = flat((await pdfText(doc.bytes)).text);
    expect(text).toContain('Artist payout: £4,130.00 (four thousand one hundred thirty British pounds)');
  });
});
