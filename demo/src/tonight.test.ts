// Show-day mode opens the venue's show tonight, "tonight" on the venue's own calendar: the demo
// must have one at every venue, whatever the hour, with a guest list long enough to search.
import { describe, expect, it } from 'vitest';
import { isOverAllotment } from '@promoteros/shared/mutations';
import { buildDemoPlan } from './plan.js';
import { utcToday, venueDate } from './venue-time.js';

function tonightAtEachVenue(now: Date) {
  const plan = buildDemoPlan({ seed: 3, today: utcToday(now), now });
  return plan.venues.map((venue) => {
    const date = venueDate(now, venue.timezone);
    const shows = plan.events.filter((e) => e.venue_id === venue.id && e.show_date === date);
    const entries = plan.guest_list_entries.filter((g) => shows.some((s) => s.id === g.event_id));
    return { timezone: venue.timezone, date, shows, entries, plan };
  });
}

describe('the demo show tonight', () => {
  // 08:30 UTC: still the evening before in Chicago, already the afternoon in Melbourne
  const now = new Date('2026-11-26T08:30:00Z');

  it("should put one confirmed show at every venue on the venue's own calendar day", () => {
    const venues = tonightAtEachVenue(now);
    expect(venues.map((v) => [v.timezone, v.date, v.shows.map((s) => s.status)])).toEqual([
      ['America/Chicago', '2026-11-26', ['CONFIRMED']],
      ['Europe/London', '2026-11-26', ['CONFIRMED']],
      ['Australia/Melbourne', '2026-11-26', ['CONFIRMED']],
      ['Australia/Melbourne', '2026-11-26', ['CONFIRMED']],
    ]);
    // at 01:00 UTC Chicago's evening is still the 25th there
    const early = tonightAtEachVenue(new Date('2026-11-26T01:00:00Z'));
    expect(early.map((v) => [v.timezone, v.date, v.shows.length])).toEqual([
      ['America/Chicago', '2026-11-25', 1],
      ['Europe/London', '2026-11-26', 1],
      ['Australia/Melbourne', '2026-11-26', 1],
      ['Australia/Melbourne', '2026-11-26', 1],
    ]);
  });

  it('should give each show tonight every kind of list and over a hundred guests, none checked in yet', () => {
    for (const { shows, entries, plan } of tonightAtEachVenue(now)) {
      const lists = plan.guest_lists.filter((l) => l.event_id === shows[0]!.id);
      expect(lists.map((l) => l.kind).sort()).toEqual(['ARTIST', 'MEDIA', 'PROMOTER', 'WILL_CALL']);
      expect(entries.length).toBeGreaterThanOrEqual(100);
      // no namesakes: the door would flag each as a possible double entry
      expect(new Set(entries.map((e) => e.guest_name)).size).toBe(entries.length);
      expect(plan.check_ins.filter((c) => c.event_id === shows[0]!.id)).toEqual([]);
    }
  });

  it('should keep the door history of past shows: admits, undos, walk-ups, each entry within its count', () => {
    const { plan } = tonightAtEachVenue(now)[0]!;
    const kinds = new Set(plan.check_ins.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['ADMIT', 'UNDO', 'WALK_UP']);
    const admitted = new Map<string, number>();
    for (const c of plan.check_ins)
      if (c.entry_id) admitted.set(c.entry_id, (admitted.get(c.entry_id) ?? 0) + c.admitted);
    for (const entry of plan.guest_list_entries) {
      expect(isOverAllotment(admitted.get(entry.id) ?? 0, entry.admit_count), entry.guest_name).toBe(false);
    }
  });
});
