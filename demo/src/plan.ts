// Builds the whole demo as rows, deterministically from a seed and a reference day.
import { DEFAULT_LOCALE } from '@promoteros/shared/format';
import { demoEmail, demoOrganizations } from './cast.js';
import { SeededRandom } from './random.js';
import { planVenueBooking, type PlannedEvent, type VenueCalendar } from './plan-booking.js';
import { planNotes } from './plan-notes.js';
import { planShow } from './plan-show.js';
import { planTemplates } from './plan-checklist.js';
import { venueDate } from './venue-time.js';
import {
  audit,
  DAY,
  emptyPlan,
  HOUR,
  iso,
  type DemoPlan,
  type PlanClock,
  type PlannedOrganization,
  type PlannedVenue,
} from './plan-types.js';

export interface DemoPlanOptions {
  readonly seed: number;
  /** 'YYYY-MM-DD': the day the demo is seen from */
  readonly today: string;
  /**
   * the moment the demo is loaded: each venue's show tonight is on that venue's calendar day
   * then (Melbourne is a day ahead of Chicago for much of the day), so show-day mode opens it.
   * Without it every venue's show tonight is on `today`.
   */
  readonly now?: Date;
}

/**
 * A venue's calendar from how many shows it puts on a month: busiest in the coming three months
 * (what a booker looks at), lighter further out and in the weeks already past, with the requests
 * a room of that pace has on the table. Past shows are kept to eight weeks: enough for settlements
 * and the door's history, without rows nobody opens slowing every desktop's first sync.
 */
export function venueCalendar(showsPerMonth: number): VenueCalendar {
  const n = (factor: number) => Math.max(1, Math.round(showsPerMonth * factor));
  return {
    past: n(1),
    next3Months: n(3),
    later: n(0.5),
    requests: { NEW: n(0.8), REVIEW: n(0.9), APPROVED: n(0.6), DECLINED: n(1.1), WITHDRAWN: n(0.5) },
  };
}

export function buildDemoPlan(options: DemoPlanOptions): DemoPlan {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today))
    throw new Error(`demo: today must be YYYY-MM-DD, got ${options.today}`);
  const random = new SeededRandom(options.seed);
  const { now } = options;
  const clock: PlanClock = {
    random,
    today: options.today,
    anchor: Date.parse(`${options.today}T00:00:00Z`),
    tonight: (timeZone) => (now ? venueDate(now, timeZone) : options.today),
  };
  const plan = emptyPlan();
  const founded = clock.anchor - 420 * DAY;
  const usedReferences = new Set<string>();
  const events: PlannedEvent[] = [];
  const templatesByOrg = new Map<string, ReturnType<typeof planTemplates>>();

  for (const cast of demoOrganizations) {
    const orgId = random.uuid();
    plan.organizations.push({
      id: orgId,
      slug: cast.slug,
      name: cast.name,
      email_from: `bookings@${cast.slug}.demo`,
      locale: DEFAULT_LOCALE,
      created_at: iso(founded),
      updated_at: iso(founded),
    });
    const members = cast.people.map((person, i) => {
      const userId = random.uuid();
      const email = demoEmail(cast, person);
      const joined = iso(founded + i * DAY);
      plan.users.push({
        id: userId,
        email,
        display_name: person.name,
        phone: person.phone,
        created_at: joined,
        updated_at: joined,
      });
      plan.memberships.push({
        id: random.uuid(),
        organization_id: orgId,
        user_id: userId,
        role: person.role,
        user_email: email,
        user_name: person.name,
        created_at: joined,
        updated_at: joined,
      });
      return { userId, role: person.role, name: person.name, email };
    });
    const org: PlannedOrganization = { id: orgId, cast, members };
    const owner = members.find((m) => m.role === 'OWNER')!;

    // one invitation still open, one withdrawn
    for (const [mailbox, revoked] of [
      ['new.staff', false],
      ['old.intern', true],
    ] as const) {
      const sent = clock.anchor - (revoked ? 40 : 2) * DAY;
      plan.invitations.push({
        id: random.uuid(),
        organization_id: orgId,
        email: `${mailbox}@${cast.slug}.demo`,
        role: 'STAFF',
        token_hash: random.hex(64),
        invited_by: owner.userId,
        expires_at: iso(sent + 7 * DAY),
        accepted_at: null,
        revoked_at: revoked ? iso(sent + 3 * DAY) : null,
        created_at: iso(sent),
        updated_at: iso(revoked ? sent + 3 * DAY : sent),
      });
      audit(plan, clock, {
        organizationId: orgId,
        actor: owner.userId,
        action: 'member.invited',
        table: 'invitations',
        entityId: plan.invitations.at(-1)!.id,
        at: sent,
        details: { email: `${mailbox}@${cast.slug}.demo`, role: 'STAFF' },
      });
    }

    templatesByOrg.set(orgId, planTemplates(plan, clock, org));

    for (const venueCast of cast.venues) {
      const venueId = random.uuid();
      const opened = iso(founded + HOUR);
      plan.venues.push({
        id: venueId,
        organization_id: orgId,
        slug: venueCast.slug,
        name: venueCast.name,
        timezone: venueCast.timezone,
        capacity: venueCast.capacity,
        min_attendance: venueCast.minAttendance,
        address: venueCast.address,
        city: venueCast.city,
        country: venueCast.country,
        intake_enabled: true,
        created_at: opened,
        updated_at: opened,
      });
      const venue: PlannedVenue = { id: venueId, organization: org, cast: venueCast };
      events.push(...planVenueBooking(plan, clock, venue, venueCalendar(venueCast.showsPerMonth), usedReferences));
    }
  }

  events.forEach((event, index) => {
    planShow(plan, clock, event, index, templatesByOrg.get(event.venue.organization.id)!);
    planNotes(plan, clock, event);
    // tonight's paperwork is out: the confirmation went to the agent, the day sheet to the crew
    if (event.tonight) {
      for (const kind of ['CONFIRMATION', 'ADVANCE'] as const) {
        plan.document_renders.push({ organizationId: event.venue.organization.id, eventId: event.row.id, kind });
      }
    }
  });

  // rows that point at rows of their own table go after them, so that chunked inserts and
  // foreign keys agree
  plan.holds.sort((a, b) => Number(a.challenged_by_hold_id !== null) - Number(b.challenged_by_hold_id !== null));
  plan.check_ins.sort((a, b) => Number(a.undoes_id !== null) - Number(b.undoes_id !== null));
  return plan;
}
