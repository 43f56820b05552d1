import { describe, expect, it } from 'vitest';
import { eventUpdate, showDateOf } from './events.js';
import { MemoryRows } from './testing/memory-reader.js';
import { VENUE, EVENT, AT, context } from './testing/fixtures.js';

const TOKYO = '00000000-0000-4000-8000-00000000f002';

// doors 19:00, show 20:00, ends 23:00 in New York on 3 July (EDT, UTC-4)
function rows(event: Record<string, unknown> = {}) {
  return new MemoryRows({
    venues: [
      { id: VENUE, name: 'The Basement', timezone: 'America/New_York' },
      { id: TOKYO, name: 'Shibuya Hall', timezone: 'Asia/Tokyo' },
    ],
    events: [
      {
        id: EVENT,
        venue_id: VENUE,
        title: 'Summer Night',
        artist_name: 'The Lanterns',
        status: 'CONFIRMED',
        show_date: '2026-07-03',
        doors_at: '2026-07-03T23:00:00+00:00',
        show_at: '2026-07-04T00:00:00+00:00',
        ends_at: '2026-07-04T03:00:00+00:00',
        capacity_override: null,
        notes: null,
        ...event,
      },
    ],
  });
}

function update(args: Record<string, unknown>, memory = rows()) {
  return eventUpdate.plan(eventUpdate.args.parse({ eventId: EVENT, ...args }), context, memory);
}

describe('event.update', () => {
  it('should set only the fields the user changed, with updated_at', async () => {
    const writes = await update({ title: 'Summer Night II', notes: 'load-in at 15:00', capacityOverride: 450 });
    expect(writes).toEqual([
      {
        op: 'update',
        table: 'events',
        id: EVENT,
        set: { title: 'Summer Night II', notes: 'load-in at 15:00', capacity_override: 450, updated_at: AT },
      },
    ]);
  });

  it('should leave out fields given with the value they already have', async () => {
    const writes = await update({ title: 'Summer Night', artistName: 'The Lanterns (duo)' });
    expect(writes).toEqual([
      { op: 'update', table: 'events', id: EVENT, set: { artist_name: 'The Lanterns (duo)', updated_at: AT } },
    ]);
  });

  it('should write nothing when every given field already has its value', async () => {
    const writes = await update({ title: 'Summer Night', showAt: '2026-07-04T00:00:00Z', status: 'CONFIRMED' });
    expect(writes).toEqual([]);
  });

  it('should clear the capacity override and the notes when given null', async () => {
    const memory = rows({ capacity_override: 300, notes: 'old' });
    const writes = await update({ capacityOverride: null, notes: null }, memory);
    expect(writes).toEqual([
      { op: 'update', table: 'events', id: EVENT, set: { capacity_override: null, notes: null, updated_at: AT } },
    ]);
  });

  it('should cancel the event and describe it as cancelling', async () => {
    const args = eventUpdate.args.parse({ eventId: EVENT, status: 'CANCELLED' });
    expect(eventUpdate.describe(args)).toBe('Cancel the event');
    expect(await eventUpdate.plan(args, context, rows())).toEqual([
      { op: 'update', table: 'events', id: EVENT, set: { status: 'CANCELLED', updated_at: AT } },
    ]);
  });

  it('should put a late show on the venue’s calendar day, not the UTC day', async () => {
    // 23:30 on 3 July in New York is already 4 July in UTC
    const writes = await update({ showAt: '2026-07-04T03:30:00Z', endsAt: '2026-07-04T05:00:00Z' });
    expect(writes).toEqual([
      {
        op: 'update',
        table: 'events',
        id: EVENT,
        set: {
          show_at: '2026-07-04T03:30:00Z',
          ends_at: '2026-07-04T05:00:00Z',
          show_date: '2026-07-03',
          updated_at: AT,
        },
      },
    ]);
  });

  it('should move show_date when the show moves to the next day at the venue', async () => {
    const writes = await update({ showAt: '2026-07-04T04:30:00Z', endsAt: '2026-07-04T06:00:00Z' });
    // 00:30 on 4 July in New York
    expect(writes[0]).toMatchObject({ set: { show_date: '2026-07-04' } });
  });

  it('should compute show_date in a venue east of UTC', async () => {
    const memory = rows({ venue_id: TOKYO, show_date: '2026-07-04' });
    // 16:00 UTC on 3 July is 01:00 on 4 July in Tokyo; doors stay at 23:00 UTC 3 July, so move them too
    const writes = await update(
      { doorsAt: '2026-07-03T15:00:00Z', showAt: '2026-07-03T16:00:00Z', endsAt: '2026-07-03T18:00:00Z' },
      memory,
    );
    expect(writes[0]).toMatchObject({ set: { show_date: '2026-07-04' } });
  });

  it('should write show_date along with show_at even when the day stays the same', async () => {
    const writes = await update({ showAt: '2026-07-04T00:30:00Z' });
    expect(writes).toEqual([
      {
        op: 'update',
        table: 'events',
        id: EVENT,
        set: { show_at: '2026-07-04T00:30:00Z', show_date: '2026-07-03', updated_at: AT },
      },
    ]);
  });

  it('should not touch show_date when show_at is left alone', async () => {
    const writes = await update({ doorsAt: '2026-07-03T22:30:00Z' });
    expect(writes).toEqual([
      { op: 'update', table: 'events', id: EVENT, set: { doors_at: '2026-07-03T22:30:00Z', updated_at: AT } },
    ]);
  });

  it('should accept doors at the very time the show starts', async () => {
    const writes = await update({ doorsAt: '2026-07-04T00:00:00Z' });
    expect(writes).toHaveLength(1);
  });

  it('should refuse doors after the show starts, judged with the show time already saved', async () => {
    await expect(update({ doorsAt: '2026-07-04T00:30:00Z' })).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'the show must start at or after doors',
    });
  });

  it('should refuse a show moved before the saved doors time', async () => {
    await expect(update({ showAt: '2026-07-03T22:00:00Z' })).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'the show must start at or after doors',
    });
  });

  it('should refuse a show that ends when or before it starts', async () => {
    for (const endsAt of ['2026-07-04T00:00:00Z', '2026-07-03T23:30:00Z']) {
      await expect(update({ endsAt })).rejects.toMatchObject({
        name: 'RuleViolation',
        message: 'the show must end after it starts',
      });
    }
  });

  it('should refuse a show moved past the saved end', async () => {
    await expect(update({ showAt: '2026-07-04T03:30:00Z' })).rejects.toMatchObject({
      message: 'the show must end after it starts',
    });
  });

  it('should refuse to edit a settled event', async () => {
    await expect(update({ title: 'Renamed' }, rows({ status: 'SETTLED' }))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: '“Summer Night” is settled and can no longer be edited',
    });
  });

  it('should refuse when the event no longer exists', async () => {
    await expect(update({ title: 'Renamed' }, new MemoryRows())).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'the event no longer exists',
    });
  });

  it('should refuse when the venue of a moved show no longer exists', async () => {
    const memory = rows({ venue_id: '00000000-0000-4000-8000-00000000f999' });
    await expect(update({ showAt: '2026-07-04T00:30:00Z' }, memory)).rejects.toMatchObject({
      message: 'the venue no longer exists',
    });
  });

  describe('arguments', () => {
    const refused = (args: Record<string, unknown>) => {
      const result = eventUpdate.args.safeParse({ eventId: EVENT, ...args });
      expect(result.success).toBe(false);
      return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };

    it('should refuse an event id that is not a uuid', () => {
      expect(refused({ eventId: 'event-1', title: 'x' })).toEqual(['eventId: must be a uuid']);
    });

    it('should refuse an empty title and artist name', () => {
      expect(refused({ title: '', artistName: '' })).toEqual([
        'title: must not be empty',
        'artistName: must not be empty',
      ]);
    });

    it('should refuse a time without a zone offset', () => {
      expect(refused({ showAt: '2026-07-04T00:00:00' })).toEqual([
        'showAt: must be a timestamp with a time zone offset',
      ]);
    });

    it('should refuse a capacity override outside 1..100000', () => {
      expect(refused({ capacityOverride: 0 })).toEqual(['capacityOverride: must be at least 1']);
      expect(refused({ capacityOverride: 100001 })).toEqual(['capacityOverride: must be at most 100000']);
      expect(refused({ capacityOverride: 1.5 })).toEqual(['capacityOverride: must be a whole number']);
    });

    it('should refuse notes longer than 20000 characters', () => {
      expect(refused({ notes: 'x'.repeat(20001) })).toEqual(['notes: must be at most 20000 characters']);
    });

    it('should refuse setting SETTLED by editing', () => {
      expect(refused({ status: 'SETTLED' })).toEqual(['status: must be DRAFT, CONFIRMED or CANCELLED']);
    });

    it('should refuse an edit that names no field', () => {
      expect(refused({})).toEqual([': name at least one field to change']);
    });
  });
});

describe('showDateOf', () => {
  it('should give the calendar day at the venue', () => {
    expect(showDateOf('2026-07-04T03:30:00Z', 'America/New_York')).toBe('2026-07-03');
    expect(showDateOf('2026-07-04T04:00:00Z', 'America/New_York')).toBe('2026-07-04');
    expect(showDateOf('2026-07-03T15:00:00Z', 'Asia/Tokyo')).toBe('2026-07-04');
    expect(showDateOf('2026-01-01T00:30:00+00', 'Europe/London')).toBe('2026-01-01');
    expect(showDateOf('2026-03-29 00:30:00+00', 'Europe/London')).toBe('2026-03-29');
  });
});
