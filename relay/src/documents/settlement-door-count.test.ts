// The drop count on the settlement sheet: who came in at the door (check_ins), per guest list by
// its name and walk-ups, beside the tickets sold and comps entered (the night of
// relay/src/testing/document-world.ts: 350 tickets sold, 20 comps, gross $9,000.00).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { addGuest, checkIn, createNight, flat, type Night } from '../testing/document-world.js';
import { ensureDocument } from './ensure-document.js';
import { pdfText } from '../testing/pdf-text.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('settlement_door_count');
});
afterAll(() => db.drop());

async function settlementText(night: Night): Promise<string> {
  const doc = await ensureDocument(db.sql, { eventId: night.eventId, kind: 'SETTLEMENT' });
  return flat((await pdfText(doc.bytes)).text);
}

describe('settlement sheet door count', () => {
  it('should count who came in per list and walk-ups, undos taken off, beside tickets and comps', async () => {
    const night = await createNight(db.sql);
    const band = await addGuest(db.sql, night, 'ARTIST', 3, { name: 'Band and crew' });
    const comp = await addGuest(db.sql, night, 'COMP', 2, { name: 'Radio giveaway' });
    await addGuest(db.sql, night, 'PROMOTER', 1, { name: 'Promoter friends' }); // nobody came in: listed at 0
    const bandIn = await checkIn(db.sql, night, { entryId: band.entryId, admitted: 3 });
    await checkIn(db.sql, night, { entryId: band.entryId, admitted: -1, undoes: bandIn }); // one of the +2 left
    await checkIn(db.sql, night, { entryId: comp.entryId, admitted: 2 });
    await checkIn(db.sql, night, { admitted: 5 });
    const counted = await checkIn(db.sql, night, { admitted: 4 });
    await checkIn(db.sql, night, { admitted: -1, undoes: counted }); // a walk-up counted twice

    const text = await settlementText(night);
    // the summary: tickets and comps entered, the door count beside them
    expect(text).toContain(
      'Tickets sold 350 of 400 Comps 20 Gross receipts $9,000.00 Expenses $3,100.00 Net receipts $5,900.00 ' +
        'Came in at the door Kind People Band and crew Artist 2 Promoter friends Promoter 0 Radio giveaway Comp 2 ' +
        'Walk-ups (counted, not priced) 8 Total came in 12',
    );
    expect(text).toContain('Walk-ups are a count only: they add nothing to the gross');
    // the walk-ups are not priced into the gross
    expect(text).toContain('Gross receipts 350 $9,000.00');
    expect(text).not.toContain('came in on comp lists');
  });

  it('should say the door was not counted when no check-in was recorded, rather than print a zero', async () => {
    const night = await createNight(db.sql);
    await addGuest(db.sql, night, 'ARTIST', 2);
    const text = await settlementText(night);
    expect(text).toContain('Net receipts $5,900.00 Door count: no check-ins were recorded at the door for this show.');
    expect(text).not.toContain('Total came in');
  });

  it('should count a night whose every check-in was undone as zero, and flag more in on the comp list than comps entered', async () => {
    const undone = await createNight(db.sql);
    const walkUp = await checkIn(db.sql, undone, { admitted: 2 });
    await checkIn(db.sql, undone, { admitted: -2, undoes: walkUp });
    expect(await settlementText(undone)).toContain('Walk-ups (counted, not priced) 0 Total came in 0');

    const generous = await createNight(db.sql);
    const radio = await addGuest(db.sql, generous, 'COMP', 2, { name: 'Radio giveaway' });
    await checkIn(db.sql, generous, { entryId: radio.entryId, admitted: 2 });
    for (let i = 0; i < 10; i += 1) {
      const guest = await addGuest(db.sql, generous, 'COMP', 2, {
        listId: i === 0 ? undefined : radio.listId,
        name: 'Sponsors',
      });
      await checkIn(db.sql, generous, { entryId: guest.entryId, admitted: 2 });
    }
    const text = await settlementText(generous);
    // two comp lists, each under its own name; the warning sums every list of the comp kind
    expect(text).toContain('Radio giveaway Comp 20 Sponsors Comp 2');
    expect(text).toContain('Note: 22 came in on comp lists, more than the 20 comps entered.');
  });

  it('should name each list as the venue named it, with its kind beside it, two lists of one kind apart', async () => {
    const night = await createNight(db.sql);
    const press = await addGuest(db.sql, night, 'MEDIA', 2, { name: 'Press and photo' });
    const radio = await addGuest(db.sql, night, 'MEDIA', 1, { name: 'Radio interviews' });
    await checkIn(db.sql, night, { entryId: press.entryId, admitted: 2 });
    await checkIn(db.sql, night, { entryId: radio.entryId, admitted: 1 });
    const text = await settlementText(night);
    expect(text).toContain('Press and photo Media 2 Radio interviews Media 1');
    expect(text).not.toContain('Media list');

    // renamed after the show: the sheet is drawn again with the new name
    await db.sql`UPDATE guest_lists SET name = 'Photographers' WHERE id = ${press.listId}`;
    expect(await settlementText(night)).toContain('Photographers Media 2 Radio interviews Media 1');
  });
});
