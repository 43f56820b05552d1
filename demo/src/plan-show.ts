// What each demo event carries, in this order (one random source draws it all): a deal of every
// type across the calendar (plan-deal.ts), the settlement sheet (plan-settlement.ts: actuals for
// past shows, tonight's advance sales, itemised budgets for the coming weeks), a checklist made
// from the organization's task templates (plan-checklist.ts), and guest lists with the door's
// check-ins around today (plan-guest-lists.ts). A cancelled show keeps only its deal.
import type { RowOf } from '@promoteros/shared';
import type { SeededRandom } from './random.js';
import { DAY, type DemoPlan, type PlanClock, type PlannedVenue } from './plan-types.js';
import type { PlannedEvent } from './plan-booking.js';
import { planDeal } from './plan-deal.js';
import { planSettlement } from './plan-settlement.js';
import { planChecklist } from './plan-checklist.js';
import { planGuestLists } from './plan-guest-lists.js';

/** An event being planned, with what its parts read of it. */
export interface ShowContext {
  readonly plan: DemoPlan;
  readonly clock: PlanClock;
  readonly r: SeededRandom;
  readonly event: PlannedEvent;
  readonly ev: RowOf<'events'>;
  readonly venue: PlannedVenue;
  /** the venue's time zone */
  readonly tz: string;
  /** before tonight on the venue's calendar */
  readonly isPast: boolean;
  /** the places the show sells: the room's capacity, or the event's own */
  readonly sellable: number;
  /** days from tonight (on the venue's calendar) to the show */
  readonly daysAway: number;
}

export function planShow(
  plan: DemoPlan,
  clock: PlanClock,
  event: PlannedEvent,
  index: number,
  templates: readonly RowOf<'task_templates'>[],
): void {
  const { row: ev, venue } = event;
  const tz = venue.cast.timezone;
  const show: ShowContext = {
    plan,
    clock,
    r: clock.random,
    event,
    ev,
    venue,
    tz,
    isPast: ev.show_date < clock.tonight(tz),
    sellable: ev.capacity_override ?? venue.cast.capacity,
    daysAway: (Date.parse(ev.show_date) - Date.parse(clock.tonight(tz))) / DAY,
  };
  const deal = planDeal(show, index);
  if (ev.status === 'CANCELLED') return;
  planSettlement(show, deal);
  planChecklist(show, templates);
  planGuestLists(show);
}
