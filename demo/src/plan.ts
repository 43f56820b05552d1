// Builds the whole demo as rows, deterministically from a seed and a reference day: each
// organization of the cast with its people and venues (plan-organization.ts), each venue's
// booking history (plan-booking.ts), then what each show carries (plan-show.ts, plan-notes.ts).
import { demoOrganizations } from './cast.js';
import { SeededRandom } from './random.js';
import { planVenueBooking, type PlannedEvent, type VenueCalendar } from './plan-booking.js';
import { planNotes } from './plan-notes.js';
import { planOrganization, planVenue } from './plan-organization.js';
import { planShow } from './plan-show.js';
import { planTemplates } from './plan-checklist.js';
import { venueDate } from './venue-time.js';
import { DAY, emptyPlan, type DemoPlan, type PlanClock } from './plan-types.js';

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
  const { now } = options;
  const clock: PlanClock = {
    random: new SeededRandom(options.seed),
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
    const org = planOrganization(plan, clock, cast, founded);
    templatesByOrg.set(org.id, planTemplates(plan, clock, org));
    for (const venueCast of cast.venues) {
      const venue = planVenue(plan, clock, org, venueCast, founded);
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
