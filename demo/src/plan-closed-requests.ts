// Requests a venue has closed: declined (the first few lost their date to a show confirmed first;
// the rest for the reasons venues give) and withdrawn by the requester at any point before
// scheduling, their holds released.
import type { RequestStatus } from '@promoteros/shared';
import { addDays } from './venue-time.js';
import { BookingDesk, within, type Hold } from './booking-desk.js';
import { declineReasons } from './names.js';
import { DAY, HOUR, iso } from './plan-types.js';
import type { BookedShows } from './plan-booked-shows.js';

/** how many declined requests lost their date to a confirmed show */
const LOST_TO_A_SHOW = 4;

export function planDeclinedRequests(desk: BookingDesk, count: number, booked: BookedShows): void {
  for (let i = 0; i < count; i++) {
    const manager = desk.decider();
    const lostDate = i < LOST_TO_A_SHOW ? booked.upcoming[i] : undefined;
    if (lostDate) declineForTheShow(desk, manager, lostDate, booked.bookedByDate.get(lostDate)!);
    else decline(desk, manager);
  }
}

/** A 2nd hold on a date that another request then confirmed: released, and the request declined. */
function declineForTheShow(
  desk: BookingDesk,
  manager: string,
  lostDate: string,
  booked: { submitted: number; booked: number },
): void {
  const submitted = within(booked.submitted, booked.booked, 0.3);
  const req = desk.request('DECLINED', lostDate, submitted, desk.maybePromoter(0.2));
  const reviewedAt = within(booked.submitted, booked.booked, 0.55);
  desk.decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
  const h = desk.hold(req, lostDate, reviewedAt + HOUR, manager, 'ACTIVE');
  h.rank = 2;
  desk.release(h, booked.booked + HOUR, manager, 'Date confirmed for another show');
  desk.decide(req, 'REVIEW', 'DECLINED', booked.booked + 2 * HOUR, manager, 'Date confirmed for another show.');
}

/** Reviewed and declined for one of the usual reasons; some held the date for a while first. */
function decline(desk: BookingDesk, manager: string): void {
  const { r, clock } = desk;
  const date = addDays(clock.today, r.int(-150, 200));
  const submitted = Math.min(desk.at(date, '12:00') - r.int(20, 90) * DAY, clock.anchor - r.int(3, 30) * DAY);
  const end = Math.min(clock.anchor, desk.at(date, '12:00')) - DAY;
  const req = desk.request('DECLINED', date, submitted, desk.maybePromoter(0.2));
  const reviewedAt = within(submitted, end, 0.3);
  desk.decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
  if (r.chance(0.35)) {
    const h = desk.hold(req, date, reviewedAt + HOUR, manager, 'EXPIRED');
    h.expires_at = iso(within(reviewedAt, end, 0.5));
    h.updated_at = h.expires_at;
  }
  desk.decide(req, 'REVIEW', 'DECLINED', within(submitted, end, 0.7), manager, r.pick(declineReasons));
}

/** Withdrawn by the requester: a third still NEW, a third in REVIEW, a third APPROVED. */
export function planWithdrawnRequests(desk: BookingDesk, count: number): void {
  const { r, clock } = desk;
  for (let i = 0; i < count; i++) {
    const date = addDays(clock.today, r.int(-100, 250));
    const submitted = Math.min(desk.at(date, '12:00') - r.int(20, 90) * DAY, clock.anchor - r.int(3, 60) * DAY);
    const end = Math.min(clock.anchor, desk.at(date, '12:00')) - HOUR;
    const promoter = desk.maybePromoter(0.35);
    const req = desk.request('WITHDRAWN', date, submitted, promoter);
    const manager = desk.decider();
    const reached = i % 3; // 0: still NEW, 1: in REVIEW, 2: APPROVED
    let last: RequestStatus = 'NEW';
    let h: Hold | undefined;
    if (reached >= 1) {
      const reviewedAt = within(submitted, end, 0.2);
      desk.decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
      h = desk.hold(req, date, reviewedAt + HOUR, manager, 'ACTIVE');
      last = 'REVIEW';
    }
    if (reached === 2) {
      desk.decide(req, 'REVIEW', 'APPROVED', within(submitted, end, 0.5), manager, null);
      last = 'APPROVED';
    }
    const withdrawnAt = within(submitted, end, 0.8);
    if (h) desk.release(h, withdrawnAt, promoter?.userId ?? null, 'Request withdrawn by the requester');
    desk.decide(
      req,
      last,
      'WITHDRAWN',
      withdrawnAt,
      promoter?.userId ?? null,
      r.chance(0.5) ? 'Tour routing changed.' : null,
    );
  }
}
