// A venue's shows: requests that became events, over the last eight weeks, tonight and the coming
// months (month by month, so that no stretch of the coming three months is quiet by chance), each
// with the decisions and the converted hold that led there. One past show was cancelled; the last
// one ahead is still a draft.
import type { EventStatus, RowOf } from '@promoteros/shared';
import { addDays } from './venue-time.js';
import { BookingDesk, within, type Hold, type Request } from './booking-desk.js';
import { audit, DAY, HOUR, iso } from './plan-types.js';
import type { PlannedEvent, VenueCalendar } from './plan-booking.js';

export interface BookedShows {
  readonly events: PlannedEvent[];
  /** the dates ahead that are confirmed shows (the draft's left out) */
  readonly upcoming: string[];
  /** when each show's request came in and when it was booked */
  readonly bookedByDate: Map<string, { submitted: number; booked: number }>;
}

export function planBookedShows(desk: BookingDesk, calendar: VenueCalendar): BookedShows {
  const { r, tonight } = desk;
  desk.taken.add(tonight);
  const pastDates = desk.pickDates(-56, -1, calendar.past);
  // month by month, so that no stretch of the coming three months is quiet by chance
  const perMonth = Math.ceil(calendar.next3Months / 3);
  const futureDates = [
    ...desk.pickDates(1, 30, perMonth),
    ...desk.pickDates(31, 60, perMonth),
    ...desk.pickDates(61, 91, calendar.next3Months - 2 * perMonth),
    ...desk.pickDates(92, 182, calendar.later),
  ].sort();
  const cancelledDate = pastDates.length > 2 ? r.pick(pastDates.slice(0, -2)) : null;
  const draftDate = futureDates.at(-1) ?? null;
  const events: PlannedEvent[] = [];
  const bookedByDate = new Map<string, { submitted: number; booked: number }>();

  for (const date of [...pastDates, tonight, ...futureDates]) {
    const { req, hold, manager, submitted, bookedAt } = scheduledRequest(desk, date);
    bookedByDate.set(date, { submitted, booked: bookedAt });
    const status: EventStatus =
      date === cancelledDate
        ? 'CANCELLED'
        : date === draftDate
          ? 'DRAFT'
          : date < addDays(tonight, -7)
            ? 'SETTLED'
            : 'CONFIRMED';
    const event = showOf(desk, req, date, status, bookedAt);
    desk.plan.events.push(event);
    hold.event_id = event.id;
    hold.expires_at = null;
    hold.updated_at = iso(bookedAt);
    audit(desk.plan, desk.clock, {
      organizationId: desk.venue.organization.id,
      actor: manager,
      action: 'event.created',
      table: 'events',
      entityId: event.id,
      at: bookedAt,
      details: { title: event.title, showDate: date },
    });
    events.push({ row: event, venue: desk.venue, bookedAt, tonight: date === tonight });
  }
  return { events, upcoming: futureDates.filter((d) => d !== draftDate), bookedByDate };
}

/** The request a show on `date` came from: reviewed, held, approved and scheduled in turn. */
function scheduledRequest(
  desk: BookingDesk,
  date: string,
): { req: Request; hold: Hold; manager: string; submitted: number; bookedAt: number } {
  const { r, clock } = desk;
  const showTime = desk.at(date, '19:00');
  const promoter = desk.maybePromoter(0.3);
  const submitted = Math.min(showTime - r.int(45, 150) * DAY, clock.anchor - r.int(10, 30) * DAY) + r.int(8, 20) * HOUR;
  const end = Math.min(showTime - 3 * DAY, clock.anchor - DAY);
  const req = desk.request('SCHEDULED', date, submitted, promoter);
  const reviewedAt = within(submitted, end, 0.15);
  const approvedAt = within(submitted, end, 0.5);
  const bookedAt = within(submitted, end, 0.8);
  const manager = desk.decider();
  desk.decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
  const hold = desk.hold(req, date, reviewedAt + 2 * HOUR, manager, 'CONVERTED');
  desk.decide(req, 'REVIEW', 'APPROVED', approvedAt, manager, r.chance(0.5) ? 'Numbers work; send offer.' : null);
  desk.decide(req, 'APPROVED', 'SCHEDULED', bookedAt, manager, null);
  return { req, hold, manager, submitted, bookedAt };
}

/** The event a scheduled request became: doors, show and curfew on the venue's clock. */
function showOf(desk: BookingDesk, req: Request, date: string, status: EventStatus, bookedAt: number): RowOf<'events'> {
  const { r, venue, clock } = desk;
  const doors = desk.at(date, r.pick(['18:30', '19:00', '19:00', '19:30', '20:00']));
  const showAt = doors + r.pick([60, 75, 90]) * 60_000;
  const settledAt = Math.min(doors + r.int(1, 5) * DAY, clock.anchor - HOUR);
  return {
    id: r.uuid(),
    organization_id: venue.organization.id,
    venue_id: venue.id,
    request_id: req.id,
    title: req.event_title,
    artist_name: req.artist_name,
    status,
    show_date: date,
    doors_at: iso(doors),
    show_at: iso(showAt),
    // the curfew: a few hours after the headliner goes on, never past 23:30 on the venue's clock
    ends_at: iso(Math.min(showAt + r.pick([150, 165, 180]) * 60_000, desk.at(date, '23:30'))),
    capacity_override:
      date !== desk.tonight && r.chance(0.15) ? Math.round((venue.cast.capacity * 0.6) / 50) * 50 : null,
    promoter_user_id: req.promoter_user_id,
    notes:
      status === 'CANCELLED'
        ? 'Cancelled: artist illness. Refunds issued through the ticketing platform.'
        : r.chance(0.3)
          ? r.pick(['All ages; wristbands for 21+.', 'Support act TBA.', 'Curfew 23:00 strictly.', 'Co-promoted.'])
          : null,
    created_at: iso(bookedAt),
    updated_at: iso(status === 'SETTLED' ? settledAt : bookedAt),
  };
}
