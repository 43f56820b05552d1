// A venue's booking desk as the demo plans it: the requests it receives, the decisions taken on
// them and the holds placed on dates, each written into the plan with its audit entry. Every part
// of a venue's booking history (plan-booked-shows.ts, plan-open-requests.ts,
// plan-closed-requests.ts) goes through one desk, so that one random source draws it all in turn.
import type { RequestStatus, RowOf } from '@promoteros/shared';
import { requestReference } from '@promoteros/shared/intake';
import { addDays, venueInstant, weekday } from './venue-time.js';
import { artistName, companyName, dealNotes, emailOf, eventTitle, genreTags, personName, techNeeds } from './names.js';
import type { SeededRandom } from './random.js';
import {
  audit,
  DAY,
  iso,
  membersWith,
  type DemoPlan,
  type PlanClock,
  type PlannedMember,
  type PlannedVenue,
} from './plan-types.js';

export type Request = RowOf<'event_requests'>;
export type Hold = RowOf<'holds'>;

/** the moment `fraction` of the way from `from` to `to` */
export const within = (from: number, to: number, fraction: number) => from + (to - from) * fraction;

export class BookingDesk {
  readonly r: SeededRandom;
  /** the venue's show tonight: today on its own calendar */
  readonly tonight: string;
  /** dates given to a show or a request already, so that no two land on one by chance */
  readonly taken = new Set<string>();
  private readonly deciders: PlannedMember[];
  private readonly promoters: PlannedMember[];

  constructor(
    readonly plan: DemoPlan,
    readonly clock: PlanClock,
    readonly venue: PlannedVenue,
    /** the organization's request references so far: the intake page never gives one twice */
    private readonly usedReferences: Set<string>,
  ) {
    this.r = clock.random;
    this.tonight = clock.tonight(venue.cast.timezone);
    this.deciders = membersWith(venue.organization, 'OWNER', 'MANAGER');
    this.promoters = membersWith(venue.organization, 'PROMOTER');
  }

  /** a wall-clock time on a date at the venue, as an instant (ms) */
  at(date: string, time: string): number {
    return venueInstant(date, time, this.venue.cast.timezone).getTime();
  }

  /** `n` free dates between `fromDay` and `toDay` days from tonight, mostly Thursday to Saturday */
  pickDates(fromDay: number, toDay: number, n: number): string[] {
    const { r, taken } = this;
    const out: string[] = [];
    for (let guard = 0; out.length < n; guard++) {
      if (guard > 100_000) throw new Error('demo: not enough free dates');
      // the venue's shows are laid out around its own tonight
      const date = addDays(this.tonight, r.int(fromDay, toDay));
      if (taken.has(date)) continue;
      // most shows are Thursday to Saturday
      if (![4, 5, 6].includes(weekday(date)) && r.chance(0.75)) continue;
      taken.add(date);
      out.push(date);
    }
    return out.sort();
  }

  /** an OWNER or MANAGER who decides */
  decider(): string {
    return this.r.pick(this.deciders).userId;
  }

  /** one of the organization's promoters, with probability `p` (none if it has none) */
  maybePromoter(p: number): PlannedMember | null {
    return this.promoters.length > 0 && this.r.chance(p) ? this.r.pick(this.promoters) : null;
  }

  /** A request as the intake page files it (status NEW in its decision log), then `status`. */
  request(status: RequestStatus, date: string, submitted: number, promoter: PlannedMember | null): Request {
    const { r, venue } = this;
    const artist = artistName(r);
    const contact = promoter?.name ?? personName(r);
    const budgetMin = r.chance(0.7) ? r.int(8, 60) * 50_000 : null;
    const hasAlternative = r.chance(0.25);
    const alternative = addDays(date, 7);
    const row: Request = {
      ...this.referencedId(),
      organization_id: venue.organization.id,
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
      preferred_start: iso(this.at(date, '19:00')),
      preferred_end: iso(this.at(date, '23:00')),
      alternative_start: hasAlternative ? iso(this.at(alternative, '19:00')) : null,
      alternative_end: hasAlternative ? iso(this.at(alternative, '23:00')) : null,
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
    this.plan.event_requests.push(row);
    this.decide(row, null, 'NEW', submitted, promoter?.userId ?? null, null);
    return row;
  }

  /** A step of a request's status, in its decision log (and the audit log, when someone took it). */
  decide(
    req: Request,
    from: RequestStatus | null,
    to: RequestStatus,
    when: number,
    actor: string | null,
    note: string | null,
  ): void {
    const orgId = this.venue.organization.id;
    this.plan.decision_logs.push({
      id: this.r.uuid(),
      organization_id: orgId,
      request_id: req.id,
      from_status: from,
      to_status: to,
      note,
      actor_user_id: actor,
      created_at: iso(when),
    });
    req.updated_at = iso(when);
    if (from !== null && actor !== null) {
      audit(this.plan, this.clock, {
        organizationId: orgId,
        actor,
        action: `request.${to.toLowerCase()}`,
        table: 'event_requests',
        entityId: req.id,
        at: when,
        details: { reference: req.reference, from, to },
      });
    }
  }

  /** A 1st hold on `date` for the request, placed by `by`. */
  hold(req: Request, date: string, placed: number, by: string, status: Hold['status']): Hold {
    const orgId = this.venue.organization.id;
    const row: Hold = {
      id: this.r.uuid(),
      organization_id: orgId,
      venue_id: this.venue.id,
      request_id: req.id,
      hold_date: date,
      rank: 1,
      status,
      expires_at: iso(placed + this.r.int(14, 30) * DAY),
      challenged_by_hold_id: null,
      challenge_deadline: null,
      released_at: null,
      release_reason: null,
      event_id: null,
      created_by: by,
      created_at: iso(placed),
      updated_at: iso(placed),
    };
    this.plan.holds.push(row);
    audit(this.plan, this.clock, {
      organizationId: orgId,
      actor: by,
      action: 'hold.placed',
      table: 'holds',
      entityId: row.id,
      at: placed,
      details: { holdDate: date, reference: req.reference },
    });
    return row;
  }

  release(h: Hold, when: number, by: string | null, reason: string): void {
    h.status = 'RELEASED';
    h.released_at = iso(when);
    h.release_reason = reason;
    h.updated_at = iso(when);
    audit(this.plan, this.clock, {
      organizationId: this.venue.organization.id,
      actor: by,
      action: 'hold.released',
      table: 'holds',
      entityId: h.id,
      at: when,
      details: { holdDate: h.hold_date, reason },
    });
  }

  /** Moves a request to `date`, its alternative a week later. */
  setDate(req: Request, date: string): void {
    req.preferred_start = iso(this.at(date, '19:00'));
    req.preferred_end = iso(this.at(date, '23:00'));
    if (req.alternative_start !== null) {
      req.alternative_start = iso(this.at(addDays(date, 7), '19:00'));
      req.alternative_end = iso(this.at(addDays(date, 7), '23:00'));
    }
  }

  /** A request's id and the reference read from it, as the intake page makes them (REQ-7K3F9Q). */
  private referencedId(): { id: string; reference: string } {
    for (;;) {
      const id = this.r.uuid();
      const reference = requestReference(id);
      const key = `${this.venue.organization.id}:${reference}`;
      if (!this.usedReferences.has(key)) {
        this.usedReferences.add(key);
        return { id, reference };
      }
    }
  }
}
