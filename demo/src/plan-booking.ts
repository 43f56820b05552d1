// One venue's booking history: requests in every status with the decisions that led there,
// ranked holds (shared dates, challenges, expiries, releases) and the events that approved
// requests became, in this order (one random source draws them all, so the order is part of the
// demo): the shows (plan-booked-shows.ts), the requests on the table (plan-open-requests.ts), the
// closed ones (plan-closed-requests.ts), all through the venue's booking desk (booking-desk.ts).
//
//   NEW ──► REVIEW ──► APPROVED ──► SCHEDULED (an event)
//    │        │  └───► DECLINED
//    └────────┴──────────┴───► WITHDRAWN (by the requester)
import type { RowOf } from '@promoteros/shared';
import { BookingDesk } from './booking-desk.js';
import { planBookedShows } from './plan-booked-shows.js';
import { planDeclinedRequests, planWithdrawnRequests } from './plan-closed-requests.js';
import { planNewRequests, planReviewedRequests } from './plan-open-requests.js';
import type { DemoPlan, PlanClock, PlannedVenue } from './plan-types.js';

/** How much a venue's calendar holds, around its show tonight. */
export interface VenueCalendar {
  /** shows in the eight weeks before tonight (settled, or awaiting settlement in the last week) */
  readonly past: number;
  /** shows in the coming three months (13 weeks), where the calendar is busiest */
  readonly next3Months: number;
  /** shows confirmed further out, up to six months */
  readonly later: number;
  /** requests that are not (yet) shows, by status */
  readonly requests: {
    readonly NEW: number;
    readonly REVIEW: number;
    readonly APPROVED: number;
    readonly DECLINED: number;
    readonly WITHDRAWN: number;
  };
}

/** An event of the plan with what the show side needs to know about it. */
export interface PlannedEvent {
  readonly row: RowOf<'events'>;
  readonly venue: PlannedVenue;
  /** when it was booked (ms) */
  readonly bookedAt: number;
  /** the venue's show tonight (today on its calendar): show-day mode opens it */
  readonly tonight: boolean;
}

export function planVenueBooking(
  plan: DemoPlan,
  clock: PlanClock,
  venue: PlannedVenue,
  calendar: VenueCalendar,
  usedReferences: Set<string>,
): PlannedEvent[] {
  const desk = new BookingDesk(plan, clock, venue, usedReferences);
  const booked = planBookedShows(desk, calendar);
  planReviewedRequests(desk, calendar.requests);
  planNewRequests(desk, calendar.requests.NEW);
  planDeclinedRequests(desk, calendar.requests.DECLINED, booked);
  planWithdrawnRequests(desk, calendar.requests.WITHDRAWN);
  return booked.events;
}
