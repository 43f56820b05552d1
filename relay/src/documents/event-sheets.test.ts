// The confirmation and the day sheet of hand-made nights: names, deal terms in figures and
// words, and times as the venue's own clock shows them (daylight saving included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADVANCE_NOTES_TEXT, RUN_OF_SHOW_ROWS } from '@promoteros/shared/notes';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createMember } from '../testing/fixtures.js';
import { createNight, flat } from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { pdfText } from '../testing/pdf-text.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('event_sheets');
});
afterAll(() => db.drop());

async function textOf(eventId: string, kind: 'CONFIRMATION' | 'ADVANCE'): Promise<string> {
  const doc = await ensureDocument(db.sql, { eventId, kind });
  return flat((await pdfText(doc.bytes)).text);
}

async function pageSizes(eventId: string, kind: 'CONFIRMATION' | 'ADVANCE'): Promise<[number, number][]> {
  const doc = await ensureDocument(db.sql, { eventId, kind });
  return (await pdfText(doc.bytes)).sizes;
}

describe('event confirmation', () => {
  it('should name the parties and give the times in Chicago, daylight saving begun', async () => {
    const night = await createNight(db.sql, {
      deal: { deal_type: 'VERSUS', guarantee_cents: 250_000, artist_share_bp: 8000, split_basis: 'NET' },
    });
    const owner = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'OWNER' }]);
    await db.sql`UPDATE memberships SET user_name = 'Dana Booker' WHERE user_id = ${owner.userId}`;
    const text = await textOf(night.eventId, 'CONFIRMATION');
    expect(text).toContain('Lakeshore Live confirms Night Drive at The Lakeshore Ballroom on Sat, Mar 14, 2026.');
    expect(text).toContain('Venue The Lakeshore Ballroom, 1 Harbour Street, Chicago, US');
    // 00:30 UTC on the 15th is 7:30 PM on the 14th in Chicago (CDT, UTC−5, since 8 March)
    expect(text).toContain('Doors 7:30 PM CDT');
    expect(text).toContain('Show 8:45 PM CDT');
    expect(text).toContain('Ends 11:15 PM CDT');
    expect(text).toContain("All times are the venue's local time (America/Chicago).");
    expect(text).toContain(
      'The artist is paid the greater of a guarantee of $2,500.00 (two thousand five hundred US dollars) or 80% (eighty percent) of the net receipts',
    );
    expect(text).toContain('Show expenses are budgeted at $3,000.00 (three thousand US dollars).');
    expect(text).toContain(
      'Deal Guarantee versus percentage Guarantee $2,500.00 Artist share 80% Taken of Net receipts',
    );
    expect(text).toContain('For Lakeshore Live: Dana Booker');
    // printed in Chicago: US Letter
    expect(await pageSizes(night.eventId, 'CONFIRMATION')).toEqual([[612, 792]]);
  });

  it("should write the organization's locale: London times on a 24-hour clock in summer time", async () => {
    const night = await createNight(db.sql, {
      venue: { name: 'Meridian Hall', timezone: 'Europe/London', country: 'GB', city: 'London' },
      showDate: '2026-07-04',
      doorsAt: '2026-07-04T18:30:00Z',
      showAt: '2026-07-04T19:45:00Z',
      endsAt: '2026-07-04T22:00:00Z',
      deal: { deal_type: 'FLAT', currency: 'GBP', guarantee_cents: 123_456 },
    });
    await db.sql`UPDATE organizations SET locale = 'en-GB' WHERE id = ${night.organizationId}`;
    const text = await textOf(night.eventId, 'CONFIRMATION');
    expect(text).toContain('Date Sat, 4 Jul 2026');
    expect(text).toContain('Doors 19:30 BST');
    expect(text).toContain('Ends 23:00 BST');
    expect(text).toContain(
      'a flat guarantee of £1,234.56 (one thousand two hundred thirty-four British pounds and 56/100)',
    );
    // printed in London: A4
    expect(await pageSizes(night.eventId, 'CONFIRMATION')).toEqual([[595, 842]]);
  });

  it('should say the deal is still to be agreed when there are no deal terms', async () => {
    const night = await createNight(db.sql, { deal: null, lines: false });
    const text = await textOf(night.eventId, 'CONFIRMATION');
    expect(text).toContain('The deal terms are still to be agreed');
  });
});

describe('day sheet', () => {
  it('should list the schedule, the run of show from the notes, contacts, open tasks and notes', async () => {
    const night = await createNight(db.sql, {
      venue: { name: 'Meridian Theatre', timezone: 'Australia/Melbourne', country: 'AU', city: 'Melbourne' },
      // 08:30 UTC is 7:30 pm in Melbourne (AEDT, UTC+11, until 5 April)
      doorsAt: '2026-03-14T08:30:00Z',
      showAt: '2026-03-14T09:45:00Z',
      endsAt: '2026-03-14T12:15:00Z',
      notes: 'Load in through the lane.\n17:00 Soundcheck\n15:30 Load-in\n21:00 Changeover',
    });
    await db.sql`UPDATE organizations SET locale = 'en-AU' WHERE id = ${night.organizationId}`;
    const manager = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'MANAGER' }]);
    await db.sql`UPDATE memberships SET user_name = 'Chloe Nguyen' WHERE user_id = ${manager.userId}`;
    await db.sql`UPDATE users SET phone = '+61 3 9555 0164' WHERE id = ${manager.userId}`;
    await db.sql`
      INSERT INTO event_tasks (organization_id, event_id, title, due_date, assignee_user_id, completed_at, position)
      VALUES (${night.organizationId}, ${night.eventId}, 'Send the tech rider', '2026-03-07', ${manager.userId}, NULL, 0),
             (${night.organizationId}, ${night.eventId}, 'Book the hotel', '2026-03-01', NULL, now(), 1),
             (${night.organizationId}, ${night.eventId}, 'Print the guest list', '2026-03-13', NULL, NULL, 2)`;
    const text = await textOf(night.eventId, 'ADVANCE');
    expect(text).toContain('Day sheet');
    expect(text).toContain('Sat, 14 Mar 2026');
    expect(text).toContain('Doors 7:30 pm AEDT');
    expect(text).toContain('Show 8:45 pm AEDT');
    // the run of show's times are the venue's wall clock: its zone once, in the column heading
    expect(text).toContain('Time (AEDT) What 3:30 pm Load-in 5:00 pm Soundcheck 9:00 pm Changeover');
    expect(text).toContain(`Manager Chloe Nguyen ${manager.email} +61 3 9555 0164`);
    expect(text).toContain('Open tasks (2)');
    expect(text).toContain('Send the tech rider 7 Mar Chloe Nguyen');
    expect(text).toContain('Print the guest list 13 Mar unassigned');
    expect(text).not.toContain('Book the hotel');
    expect(text).toContain('Notes Load in through the lane.');
  });

  it('should print the shared run of show and advance notes when the event has them', async () => {
    const night = await createNight(db.sql, { notes: '18:00 From the old notes' });
    const store = async (name: 'RUN_OF_SHOW' | 'ADVANCE_NOTES', fill: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      fill(doc);
      await db.sql`
        INSERT INTO note_documents (organization_id, event_id, name, state)
        VALUES (${night.organizationId}, ${night.eventId}, ${name}, ${Buffer.from(Y.encodeStateAsUpdate(doc))})`;
    };
    await store('RUN_OF_SHOW', (doc) => {
      const rows = doc.getArray<Y.Map<string>>(RUN_OF_SHOW_ROWS);
      for (const [at, item] of [
        ['21:00', 'Headliner'],
        ['', 'Merch count'],
        ['19:15', 'Support'],
      ]) {
        const row = new Y.Map<string>();
        row.set('at', at!);
        row.set('item', item!);
        rows.push([row]);
      }
    });
    await store('ADVANCE_NOTES', (doc) => doc.getText(ADVANCE_NOTES_TEXT).insert(0, 'Wristbands at the side door.'));
    const text = await textOf(night.eventId, 'ADVANCE');
    // Chicago: 19:15 and 21:00 on the venue clock, the row without a time last
    expect(text).toContain('Time (CDT) What 7:15 PM Support 9:00 PM Headliner Merch count');
    // the event's own notes stay notes: none of their lines is lost
    expect(text).toContain('Notes 18:00 From the old notes');
    expect(text).toContain('Wristbands at the side door.');
  });
});
