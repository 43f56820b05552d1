// The demo is built for whatever day it is first started on: its promises (a busy three months
// at every venue, a healthy show tonight, a run of show for it) must hold for any seed and any
// day, across daylight-saving changes in Chicago, London and Melbourne, not just on the day a
// test happens to run.
import { describe, expect, it } from 'vitest';
import { settleShow } from '@promoteros/shared/settlement';
import { buildDemoPlan } from './plan.js';
import { addDays, utcToday, venueDate } from './venue-time.js';

const moments = [
  { seed: 1, now: new Date('2027-01-01T03:00:00Z') },
  // the weekend Europe and the US leave summer time a week apart
  { seed: 2, now: new Date('2027-10-31T12:00:00Z') },
  // Melbourne leaves summer time
  { seed: 3, now: new Date('2027-04-04T16:00:00Z') },
  { seed: 4, now: new Date('2028-02-29T22:30:00Z') },
];

describe.each(moments)('the demo built with seed $seed at $now', ({ seed, now }) => {
  const plan = buildDemoPlan({ seed, today: utcToday(now), now });
  const lakeshore = plan.organizations.find((o) => o.slug === 'lakeshore-live')!;
  const venues = plan.venues.filter((v) => v.organization_id === lakeshore.id);

  it("should keep each of the owner's venues in three timezones busy in each of the coming three months", () => {
    expect(new Set(venues.map((v) => v.timezone)).size).toBe(3);
    for (const venue of venues) {
      const today = venueDate(now, venue.timezone);
      for (const month of [0, 1, 2]) {
        const [from, to] = [addDays(today, 1 + 30 * month), addDays(today, 30 * (month + 1))];
        const shows = plan.events.filter(
          (e) => e.venue_id === venue.id && e.status === 'CONFIRMED' && e.show_date >= from && e.show_date <= to,
        );
        expect(shows.length, `${venue.name}, ${from} to ${to}`).toBeGreaterThanOrEqual(6);
      }
    }
  });

  it('should leave every venue in profit on its show tonight, with a run of show and its paperwork queued', () => {
    for (const venue of plan.venues) {
      const show = plan.events.find((e) => e.venue_id === venue.id && e.show_date === venueDate(now, venue.timezone));
      expect(show?.status, venue.name).toBe('CONFIRMED');
      const deal = plan.deal_terms.find((d) => d.event_id === show!.id)!;
      const settlement = settleShow(
        deal,
        plan.settlement_lines.filter((l) => l.event_id === show!.id),
      );
      expect(settlement.promoterResultCents, venue.name).toBeGreaterThanOrEqual(0n);
      expect(settlement.overCapacity).toBe(false);
      expect(plan.note_documents.filter((n) => n.event_id === show!.id).map((n) => n.name)).toEqual([
        'ADVANCE_NOTES',
        'RUN_OF_SHOW',
      ]);
      expect(plan.document_renders.filter((d) => d.eventId === show!.id).map((d) => d.kind)).toEqual([
        'CONFIRMATION',
        'ADVANCE',
      ]);
    }
  });
});
