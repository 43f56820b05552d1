// Requests on a venue's table: fresh ones nobody has looked at yet, and reviewed and approved ones
// holding dates. Several share a date as its 1st, 2nd and 3rd holds, and two of those 1st holds
// are challenged; a couple of holds expired unconfirmed and a few requests wait without one.
import { addDays } from './venue-time.js';
import { BookingDesk, within, type Hold, type Request } from './booking-desk.js';
import { audit, DAY, HOUR, iso } from './plan-types.js';
import type { VenueCalendar } from './plan-booking.js';

/** how many requests share each pencilled date, the largest groups first */
const GROUP_SIZES = [3, 3, 2, 2];
/** how many groups of three see their 1st hold challenged */
const CHALLENGES = 2;

type Holding = { req: Request; placed: number; by: string };

export function planReviewedRequests(desk: BookingDesk, counts: VenueCalendar['requests']): void {
  const { r, clock } = desk;
  const { anchor } = clock;
  const expiredCount = Math.min(2, counts.REVIEW);
  const unheldCount = Math.min(3, counts.REVIEW - expiredCount);
  const holding: Holding[] = [];

  for (let i = 0; i < counts.REVIEW + counts.APPROVED; i++) {
    const approved = i >= counts.REVIEW;
    const submitted = anchor - r.between(approved ? 15 : 5, approved ? 60 : 40) * DAY;
    const req = desk.request(approved ? 'APPROVED' : 'REVIEW', clock.today, submitted, desk.maybePromoter(0.25));
    const manager = desk.decider();
    const reviewedAt = within(submitted, anchor, r.between(0.1, 0.4));
    desk.decide(req, 'NEW', 'REVIEW', reviewedAt, manager, r.chance(0.3) ? 'Checking avails and the draw.' : null);
    if (approved) desk.decide(req, 'REVIEW', 'APPROVED', within(reviewedAt, anchor, 0.6), manager, null);
    const placed = reviewedAt + r.int(1, 6) * HOUR;
    if (i < expiredCount) {
      // a hold nobody confirmed in time
      const date = desk.pickDates(10, 150, 1)[0]!;
      desk.setDate(req, date);
      const h = desk.hold(req, date, placed, manager, 'EXPIRED');
      h.expires_at = iso(anchor - r.int(1, 6) * DAY);
      h.updated_at = h.expires_at;
    } else if (i < expiredCount + unheldCount) {
      desk.setDate(req, desk.pickDates(20, 240, 1)[0]!);
    } else {
      holding.push({ req, placed, by: manager });
    }
  }
  rankHolds(desk, holding);
}

/** Several requests on one date: 1st, 2nd and 3rd holds, ranked by when they were placed. */
function rankHolds(desk: BookingDesk, holding: readonly Holding[]): void {
  const { r, clock } = desk;
  const groupSizes = [...GROUP_SIZES];
  const shuffled = r.shuffle(holding);
  let challenges = 0;
  while (shuffled.length > 0) {
    const size = Math.min(groupSizes.shift() ?? 1, shuffled.length);
    const group = shuffled.splice(0, size).sort((a, b) => a.placed - b.placed);
    // pencilled into the coming months, between the confirmed shows
    const date = desk.pickDates(5, 120, 1)[0]!;
    const holds = group.map(({ req, placed, by }, index) => {
      desk.setDate(req, date);
      const h = desk.hold(req, date, placed, by, 'ACTIVE');
      h.rank = index + 1;
      h.expires_at = iso(clock.anchor + r.int(5, 30) * DAY + 17 * HOUR);
      return h;
    });
    if (holds.length === 3 && challenges < CHALLENGES) {
      challenges++;
      challenge(desk, holds as [Hold, Hold, Hold], date);
    }
  }
}

/** The 2nd hold challenges the 1st: its holder has 48 hours to confirm or let the date go. */
function challenge(desk: BookingDesk, [first, second]: [Hold, Hold, Hold], date: string): void {
  const challengedAt = desk.clock.anchor - desk.r.int(2, 10) * HOUR;
  first.challenged_by_hold_id = second.id;
  first.challenge_deadline = iso(challengedAt + 48 * HOUR);
  first.updated_at = iso(challengedAt);
  audit(desk.plan, desk.clock, {
    organizationId: desk.venue.organization.id,
    actor: second.created_by,
    action: 'hold.challenged',
    table: 'holds',
    entityId: first.id,
    at: challengedAt,
    details: { holdDate: date, challengerHoldId: second.id },
  });
}

/** Fresh requests nobody has looked at yet, for dates up to ten months out. */
export function planNewRequests(desk: BookingDesk, count: number): void {
  const { r, clock } = desk;
  for (let i = 0; i < count; i++) {
    const date = addDays(clock.today, r.int(30, 300));
    desk.request('NEW', date, clock.anchor - r.between(0.05, 10) * DAY, desk.maybePromoter(0.2));
  }
}
