// One venue's booking history: requests in every status with the decisions that led there,
// ranked holds (shared dates, challenges, expiries, releases) and the events that approved
// requests became.
//
//   NEW ──► REVIEW ──► APPROVED ──► SCHEDULED (an event)
//    │        │  └───► DECLINED
//    └────────┴──────────┴───► WITHDRAWN (by the requester)
import type { EventStatus, RequestStatus, RowOf } from '@promoteros/shared';
import { addDays, venueInstant, weekday } from './venue-time.js';
import { requestReference } from '@promoteros/shared/intake';
import {
  artistName,
  companyName,
  dealNotes,
  declineReasons,
  emailOf,
  eventTitle,
  genreTags,
  personName,
  techNeeds,
} from './names.js';
import {
  audit,
  DAY,
  HOUR,
  iso,
  membersWith,
  type DemoPlan,
  type PlanClock,
  type PlannedMember,
  type PlannedVenue,
} from './plan-types.js';

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

type Request = RowOf<'event_requests'>;
type Hold = RowOf<'holds'>;

export function planVenueBooking(
  plan: DemoPlan,
  clock: PlanClock,
  venue: PlannedVenue,
  calendar: VenueCalendar,
  usedReferences: Set<string>,
): PlannedEvent[] {
  const r = clock.random;
  const { today, anchor } = clock;
  const org = venue.organization;
  const tz = venue.cast.timezone;
  const tonight = clock.tonight(tz);
  const deciders = membersWith(org, 'OWNER', 'MANAGER');
  const promoters = membersWith(org, 'PROMOTER');
  const at = (date: string, time: string) => venueInstant(date, time, tz).getTime();
  const taken = new Set<string>();

  function pickDates(fromDay: number, toDay: number, n: number): string[] {
    const out: string[] = [];
    for (let guard = 0; out.length < n; guard++) {
      if (guard > 100_000) throw new Error('demo: not enough free dates');
      // the venue's shows are laid out around its own tonight
      const date = addDays(tonight, r.int(fromDay, toDay));
      if (taken.has(date)) continue;
      // most shows are Thursday to Saturday
      if (![4, 5, 6].includes(weekday(date)) && r.chance(0.75)) continue;
      taken.add(date);
      out.push(date);
    }
    return out.sort();
  }

  /** A request's id and the reference read from it, as the intake page makes them (REQ-7K3F9Q). */
  function referencedId(): { id: string; reference: string } {
    for (;;) {
      const id = r.uuid();
      const reference = requestReference(id);
      const key = `${org.id}:${reference}`;
      if (!usedReferences.has(key)) {
        usedReferences.add(key);
        return { id, reference };
      }
    }
  }

  function request(status: RequestStatus, date: string, submitted: number, promoter: PlannedMember | null): Request {
    const artist = artistName(r);
    const contact = promoter?.name ?? personName(r);
    const budgetMin = r.chance(0.7) ? r.int(8, 60) * 50_000 : null;
    const hasAlternative = r.chance(0.25);
    const alternative = addDays(date, 7);
    const row: Request = {
      ...referencedId(),
      organization_id: org.id,
      venue_id: venue.id,
      status,
      contact_name: contact,
      contact_email: promoter?.email ?? emailOf(contact, r.pick(['gmail.example', 'agency.example', 'mgmt.example'])),
      contact_phone: r.chance(0.5) ? `+1 555 01${r.int(10, 99)}` : null,
      company: promoter ? `${promoter.name.split(' ')[1]} Presents` : r.chance(0.8) ? companyName(r) : null,
      artist_name: artist,
      event_title: eventTitle(r, artist, Number(date.slice(0, 4))),
      description: r.chance(0.5)
        ? `${artist} are touring behind their new record and have sold out similar rooms this year.`
        : null,
      preferred_start: iso(at(date, '19:00')),
      preferred_end: iso(at(date, '23:00')),
      alternative_start: hasAlternative ? iso(at(alternative, '19:00')) : null,
      alternative_end: hasAlternative ? iso(at(alternative, '23:00')) : null,
      expected_attendance: Math.max(50, Math.round((venue.cast.capacity * r.between(0.35, 1)) / 50) * 50),
      budget_min_cents: budgetMin,
      budget_max_cents: budgetMin === null ? null : Math.round((budgetMin * r.between(1.2, 1.8)) / 10_000) * 10_000,
      deal_notes: r.chance(0.4) ? r.pick(dealNotes) : null,
      tech_needs: r.chance(0.4) ? r.pick(techNeeds) : null,
      tags: r.shuffle(genreTags).slice(0, r.int(1, 2)),
      promoter_user_id: promoter?.userId ?? null,
      submitted_at: iso(submitted),
      created_at: iso(submitted),
      updated_at: iso(submitted),
    };
    plan.event_requests.push(row);
    decide(row, null, 'NEW', submitted, promoter?.userId ?? null, null);
    return row;
  }

  function decide(
    req: Request,
    from: RequestStatus | null,
    to: RequestStatus,
    when: number,
    actor: string | null,
    note: string | null,
  ): void {
    plan.decision_logs.push({
      id: r.uuid(),
      organization_id: org.id,
      request_id: req.id,
      from_status: from,
      to_status: to,
      note,
      actor_user_id: actor,
      created_at: iso(when),
    });
    req.updated_at = iso(when);
    if (from !== null && actor !== null) {
      audit(plan, clock, {
        organizationId: org.id,
        actor,
        action: `request.${to.toLowerCase()}`,
        table: 'event_requests',
        entityId: req.id,
        at: when,
        details: { reference: req.reference, from, to },
      });
    }
  }

  function hold(req: Request, date: string, placed: number, by: string, status: Hold['status']): Hold {
    const row: Hold = {
      id: r.uuid(),
      organization_id: org.id,
      venue_id: venue.id,
      request_id: req.id,
      hold_date: date,
      rank: 1,
      status,
      expires_at: iso(placed + r.int(14, 30) * DAY),
      challenged_by_hold_id: null,
      challenge_deadline: null,
      released_at: null,
      release_reason: null,
      event_id: null,
      created_by: by,
      created_at: iso(placed),
      updated_at: iso(placed),
    };
    plan.holds.push(row);
    audit(plan, clock, {
      organizationId: org.id,
      actor: by,
      action: 'hold.placed',
      table: 'holds',
      entityId: row.id,
      at: placed,
      details: { holdDate: date, reference: req.reference },
    });
    return row;
  }

  function release(h: Hold, when: number, by: string | null, reason: string): void {
    h.status = 'RELEASED';
    h.released_at = iso(when);
    h.release_reason = reason;
    h.updated_at = iso(when);
    audit(plan, clock, {
      organizationId: org.id,
      actor: by,
      action: 'hold.released',
      table: 'holds',
      entityId: h.id,
      at: when,
      details: { holdDate: h.hold_date, reason },
    });
  }

  const maybePromoter = (p: number) => (promoters.length > 0 && r.chance(p) ? r.pick(promoters) : null);
  const decider = () => r.pick(deciders).userId;
  const within = (from: number, to: number, fraction: number) => from + (to - from) * fraction;

  // --- scheduled requests and their events: past, tonight, upcoming --------------------------
  const counts = calendar.requests;
  taken.add(tonight);
  const pastDates = pickDates(-56, -1, calendar.past);
  // month by month, so that no stretch of the coming three months is quiet by chance
  const perMonth = Math.ceil(calendar.next3Months / 3);
  const futureDates = [
    ...pickDates(1, 30, perMonth),
    ...pickDates(31, 60, perMonth),
    ...pickDates(61, 91, calendar.next3Months - 2 * perMonth),
    ...pickDates(92, 182, calendar.later),
  ].sort();
  const cancelledDate = pastDates.length > 2 ? r.pick(pastDates.slice(0, -2)) : null;
  const draftDate = futureDates.at(-1) ?? null;
  const events: PlannedEvent[] = [];
  const bookedByDate = new Map<string, { submitted: number; booked: number }>();

  for (const date of [...pastDates, tonight, ...futureDates]) {
    const showTime = at(date, '19:00');
    const promoter = maybePromoter(0.3);
    const submitted = Math.min(showTime - r.int(45, 150) * DAY, anchor - r.int(10, 30) * DAY) + r.int(8, 20) * HOUR;
    const end = Math.min(showTime - 3 * DAY, anchor - DAY);
    const req = request('SCHEDULED', date, submitted, promoter);
    const reviewedAt = within(submitted, end, 0.15);
    const approvedAt = within(submitted, end, 0.5);
    const bookedAt = within(submitted, end, 0.8);
    const manager = decider();
    decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
    const h = hold(req, date, reviewedAt + 2 * HOUR, manager, 'CONVERTED');
    decide(req, 'REVIEW', 'APPROVED', approvedAt, manager, r.chance(0.5) ? 'Numbers work; send offer.' : null);
    decide(req, 'APPROVED', 'SCHEDULED', bookedAt, manager, null);
    bookedByDate.set(date, { submitted, booked: bookedAt });

    const status: EventStatus =
      date === cancelledDate
        ? 'CANCELLED'
        : date === draftDate
          ? 'DRAFT'
          : date < addDays(tonight, -7)
            ? 'SETTLED'
            : 'CONFIRMED';
    const doors = at(date, r.pick(['18:30', '19:00', '19:00', '19:30', '20:00']));
    const showAt = doors + r.pick([60, 75, 90]) * 60_000;
    const settledAt = Math.min(doors + r.int(1, 5) * DAY, anchor - HOUR);
    const event: RowOf<'events'> = {
      id: r.uuid(),
      organization_id: org.id,
      venue_id: venue.id,
      request_id: req.id,
      title: req.event_title,
      artist_name: req.artist_name,
      status,
      show_date: date,
      doors_at: iso(doors),
      show_at: iso(showAt),
      // the curfew: a few hours after the headliner goes on, never past 23:30 on the venue's clock
      ends_at: iso(Math.min(showAt + r.pick([150, 165, 180]) * 60_000, at(date, '23:30'))),
      capacity_override: date !== tonight && r.chance(0.15) ? Math.round((venue.cast.capacity * 0.6) / 50) * 50 : null,
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
    plan.events.push(event);
    h.event_id = event.id;
    h.expires_at = null;
    h.updated_at = iso(bookedAt);
    audit(plan, clock, {
      organizationId: org.id,
      actor: manager,
      action: 'event.created',
      table: 'events',
      entityId: event.id,
      at: bookedAt,
      details: { title: event.title, showDate: date },
    });
    events.push({ row: event, venue, bookedAt, tonight: date === tonight });
  }

  // --- requests on the table: reviewed and approved ones hold ranked dates ------------------
  const expiredCount = Math.min(2, counts.REVIEW);
  const unheldCount = Math.min(3, counts.REVIEW - expiredCount);
  const holding: Array<{ req: Request; placed: number; by: string }> = [];

  for (let i = 0; i < counts.REVIEW + counts.APPROVED; i++) {
    const approved = i >= counts.REVIEW;
    const submitted = anchor - r.between(approved ? 15 : 5, approved ? 60 : 40) * DAY;
    const req = request(approved ? 'APPROVED' : 'REVIEW', today, submitted, maybePromoter(0.25));
    const manager = decider();
    const reviewedAt = within(submitted, anchor, r.between(0.1, 0.4));
    decide(req, 'NEW', 'REVIEW', reviewedAt, manager, r.chance(0.3) ? 'Checking avails and the draw.' : null);
    if (approved) decide(req, 'REVIEW', 'APPROVED', within(reviewedAt, anchor, 0.6), manager, null);
    const placed = reviewedAt + r.int(1, 6) * HOUR;
    if (i < expiredCount) {
      // a hold nobody confirmed in time
      const date = pickDates(10, 150, 1)[0]!;
      setDate(req, date);
      const h = hold(req, date, placed, manager, 'EXPIRED');
      h.expires_at = iso(anchor - r.int(1, 6) * DAY);
      h.updated_at = h.expires_at;
    } else if (i < expiredCount + unheldCount) {
      setDate(req, pickDates(20, 240, 1)[0]!);
    } else {
      holding.push({ req, placed, by: manager });
    }
  }

  // several requests on one date: 1st, 2nd and 3rd holds, two of them challenged
  const groupSizes = [3, 3, 2, 2];
  const shuffled = r.shuffle(holding);
  let challenges = 0;
  while (shuffled.length > 0) {
    const size = Math.min(groupSizes.shift() ?? 1, shuffled.length);
    const group = shuffled.splice(0, size).sort((a, b) => a.placed - b.placed);
    // pencilled into the coming months, between the confirmed shows
    const date = pickDates(5, 120, 1)[0]!;
    const holds = group.map(({ req, placed, by }, index) => {
      setDate(req, date);
      const h = hold(req, date, placed, by, 'ACTIVE');
      h.rank = index + 1;
      h.expires_at = iso(anchor + r.int(5, 30) * DAY + 17 * HOUR);
      return h;
    });
    if (holds.length === 3 && challenges < 2) {
      challenges++;
      const [first, second] = holds as [Hold, Hold];
      const challengedAt = anchor - r.int(2, 10) * HOUR;
      first.challenged_by_hold_id = second.id;
      first.challenge_deadline = iso(challengedAt + 48 * HOUR);
      first.updated_at = iso(challengedAt);
      audit(plan, clock, {
        organizationId: org.id,
        actor: second.created_by,
        action: 'hold.challenged',
        table: 'holds',
        entityId: first.id,
        at: challengedAt,
        details: { holdDate: date, challengerHoldId: second.id },
      });
    }
  }

  // --- fresh requests nobody has looked at yet ----------------------------------------------
  for (let i = 0; i < counts.NEW; i++) {
    const date = addDays(today, r.int(30, 300));
    request('NEW', date, anchor - r.between(0.05, 10) * DAY, maybePromoter(0.2));
  }

  // --- declined: some lost their date to a show that was confirmed first ---------------------
  const upcoming = futureDates.filter((d) => d !== draftDate);
  for (let i = 0; i < counts.DECLINED; i++) {
    const manager = decider();
    const lostDate = i < 4 ? upcoming[i] : undefined;
    if (lostDate) {
      const booked = bookedByDate.get(lostDate)!;
      const submitted = within(booked.submitted, booked.booked, 0.3);
      const req = request('DECLINED', lostDate, submitted, maybePromoter(0.2));
      const reviewedAt = within(booked.submitted, booked.booked, 0.55);
      decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
      const h = hold(req, lostDate, reviewedAt + HOUR, manager, 'ACTIVE');
      h.rank = 2;
      release(h, booked.booked + HOUR, manager, 'Date confirmed for another show');
      decide(req, 'REVIEW', 'DECLINED', booked.booked + 2 * HOUR, manager, 'Date confirmed for another show.');
      continue;
    }
    const date = addDays(today, r.int(-150, 200));
    const submitted = Math.min(at(date, '12:00') - r.int(20, 90) * DAY, anchor - r.int(3, 30) * DAY);
    const end = Math.min(anchor, at(date, '12:00')) - DAY;
    const req = request('DECLINED', date, submitted, maybePromoter(0.2));
    const reviewedAt = within(submitted, end, 0.3);
    decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
    if (r.chance(0.35)) {
      const h = hold(req, date, reviewedAt + HOUR, manager, 'EXPIRED');
      h.expires_at = iso(within(reviewedAt, end, 0.5));
      h.updated_at = h.expires_at;
    }
    decide(req, 'REVIEW', 'DECLINED', within(submitted, end, 0.7), manager, r.pick(declineReasons));
  }

  // --- withdrawn by the requester, at any point before scheduling ----------------------------
  for (let i = 0; i < counts.WITHDRAWN; i++) {
    const date = addDays(today, r.int(-100, 250));
    const submitted = Math.min(at(date, '12:00') - r.int(20, 90) * DAY, anchor - r.int(3, 60) * DAY);
    const end = Math.min(anchor, at(date, '12:00')) - HOUR;
    const promoter = maybePromoter(0.35);
    const req = request('WITHDRAWN', date, submitted, promoter);
    const manager = decider();
    const reached = i % 3; // 0: still NEW, 1: in REVIEW, 2: APPROVED
    let last: RequestStatus = 'NEW';
    let h: Hold | undefined;
    if (reached >= 1) {
      const reviewedAt = within(submitted, end, 0.2);
      decide(req, 'NEW', 'REVIEW', reviewedAt, manager, null);
      h = hold(req, date, reviewedAt + HOUR, manager, 'ACTIVE');
      last = 'REVIEW';
    }
    if (reached === 2) {
      decide(req, 'REVIEW', 'APPROVED', within(submitted, end, 0.5), manager, null);
      last = 'APPROVED';
    }
    const withdrawnAt = within(submitted, end, 0.8);
    if (h) release(h, withdrawnAt, promoter?.userId ?? null, 'Request withdrawn by the requester');
    decide(
      req,
      last,
      'WITHDRAWN',
      withdrawnAt,
      promoter?.userId ?? null,
      r.chance(0.5) ? 'Tour routing changed.' : null,
    );
  }

  return events;

  function setDate(req: Request, date: string): void {
    req.preferred_start = iso(at(date, '19:00'));
    req.preferred_end = iso(at(date, '23:00'));
    if (req.alternative_start !== null) {
      req.alternative_start = iso(at(addDays(date, 7), '19:00'));
      req.alternative_end = iso(at(addDays(date, 7), '23:00'));
    }
  }
}
