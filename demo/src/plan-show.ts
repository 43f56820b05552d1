// What each demo event carries: a deal of every type across the calendar, settlement sheets
// for past shows (tonight's advance sales; itemised budgets for the coming weeks), checklists
// made from the organization's task templates, and guest lists with door check-ins around today.
import type { DealType, GuestListKind, RowOf } from '@promoteros/shared';
import { addDays, venueInstant } from './venue-time.js';
import { settleShow } from '@promoteros/shared/settlement';
import { personName } from './names.js';
import type { SeededRandom } from './random.js';
import {
  audit,
  DAY,
  HOUR,
  iso,
  membersWith,
  type DemoPlan,
  type PlanClock,
  type PlannedOrganization,
} from './plan-types.js';
import type { PlannedEvent } from './plan-booking.js';

const templateCatalogue: ReadonlyArray<{
  title: string;
  description: string | null;
  days: number;
  role: 'MANAGER' | 'STAFF' | 'PROMOTER';
  active?: boolean;
}> = [
  {
    title: 'Send confirmation to the agent',
    description: 'Deal memo and confirmation PDF.',
    days: 60,
    role: 'MANAGER',
  },
  { title: 'Announce and put tickets on sale', description: null, days: 45, role: 'PROMOTER' },
  {
    title: 'Collect tech and hospitality riders',
    description: 'Chase the tour manager if missing.',
    days: 30,
    role: 'MANAGER',
  },
  {
    title: 'Advance call with the tour manager',
    description: 'Schedule, parking, guest list allotment, settlement contact.',
    days: 14,
    role: 'MANAGER',
  },
  { title: 'Schedule security and stagehands', description: null, days: 7, role: 'STAFF' },
  { title: 'Build the guest list', description: 'Cut-off 17:00 on show day.', days: 2, role: 'STAFF' },
  { title: 'Print the day sheet', description: null, days: 1, role: 'STAFF' },
  {
    title: 'Settle the show',
    description: 'Count the drop, enter expense actuals, sign off with the tour manager.',
    days: 0,
    role: 'MANAGER',
  },
  {
    title: 'Book hotel rooms for the crew',
    description: 'No longer offered since 2024.',
    days: 21,
    role: 'MANAGER',
    active: false,
  },
];

/** shows this near have their expenses itemised line by line */
const ITEMISED_DAYS = 21;

// bills in before the night: the advertising is spent and the ticketing platform's fees known
const billedAhead = new Set(['Marketing and advertising', 'Box office and ticketing']);

type DealMoney = Pick<
  RowOf<'deal_terms'>,
  'guarantee_cents' | 'artist_share_bp' | 'split_basis' | 'promoter_profit_bp' | 'expenses_budget_cents'
>;

/**
 * Deal money in proportion to what the room can take (a sell-out's gross): a house nut of about a
 * fifth of it, guarantees a venue can cover at two-thirds sold, splits as agents ask for them
 * (80-90 % of the net, 60-70 % of the gross). Rounded to 500 of the currency, as deals are.
 */
function dealTerms(r: SeededRandom, dealType: DealType, sellable: number, ticketPrice: number): DealMoney {
  const sellOut = sellable * ticketPrice;
  const round = (cents: number) => Math.max(50_000, Math.round(cents / 50_000) * 50_000);
  const gross = dealType === 'DOOR_SPLIT' && r.chance(0.5);
  return {
    expenses_budget_cents: round(sellOut * r.between(0.16, 0.24)),
    guarantee_cents: dealType === 'DOOR_SPLIT' ? 0 : round(sellOut * r.between(0.22, dealType === 'FLAT' ? 0.4 : 0.32)),
    artist_share_bp: dealType === 'FLAT' ? 0 : gross ? r.pick([6000, 6500, 7000]) : r.pick([8000, 8500, 9000]),
    split_basis: gross ? 'GROSS' : 'NET',
    promoter_profit_bp: dealType === 'GUARANTEE_PLUS' ? r.pick([1000, 1500]) : 0,
  };
}

/**
 * Tonight's show is the one every screen opens on: it must not show the venue losing money on a
 * night that sold well. Should the drawn numbers say otherwise, the artist's side comes down until
 * the venue at least breaks even on the advance alone (door sales are still to come).
 */
function keepTheNightHealthy(deal: RowOf<'deal_terms'>, lines: readonly RowOf<'settlement_lines'>[]): void {
  for (let step = 0; step < 40; step++) {
    if (settleShow(deal, lines).promoterResultCents >= 0n) return;
    deal.guarantee_cents = Math.round((deal.guarantee_cents * 0.9) / 50_000) * 50_000;
    if (deal.artist_share_bp > 5000) deal.artist_share_bp -= 250;
  }
  throw new Error(`demo: tonight's deal for event ${deal.event_id} cannot be made to break even`);
}

const extraTasks = [
  'Confirm wheelchair platform',
  'Arrange barricade hire',
  'Extra security for the all-ages show',
  'Order merch table and float',
  'Confirm support act travel',
];

const expenseLines: ReadonlyArray<readonly [string, number]> = [
  ['Sound and lights', 0.3],
  ['Security', 0.2],
  ['Stagehands and crew', 0.15],
  ['Marketing and advertising', 0.15],
  ['Box office and ticketing', 0.08],
  ['Hospitality and catering', 0.07],
  ['Cleaning', 0.05],
];

const guestListPlan: ReadonlyArray<{
  kind: GuestListKind;
  name: (artist: string) => string;
  allotment: number | null;
  entries: [number, number];
  p: number;
}> = [
  { kind: 'ARTIST', name: (a) => `${a} guests`, allotment: 20, entries: [6, 16], p: 1 },
  { kind: 'PROMOTER', name: () => 'Promoter', allotment: 10, entries: [3, 8], p: 1 },
  { kind: 'MEDIA', name: () => 'Press and photo', allotment: 6, entries: [2, 5], p: 0.6 },
  { kind: 'WILL_CALL', name: () => 'Will call', allotment: null, entries: [4, 10], p: 0.5 },
];

const entryNotes = [
  "Tour manager's partner",
  'Photo pass',
  'Radio competition winner',
  'Label rep',
  'Needs accessible entrance',
];

export function planTemplates(plan: DemoPlan, clock: PlanClock, org: PlannedOrganization): RowOf<'task_templates'>[] {
  const created = iso(clock.anchor - 400 * DAY);
  return templateCatalogue.map((t, position) => {
    const row: RowOf<'task_templates'> = {
      id: clock.random.uuid(),
      organization_id: org.id,
      title: t.title,
      description: t.description,
      default_due_days: t.days,
      default_role: t.role,
      position,
      active: t.active ?? true,
      created_at: created,
      updated_at: created,
    };
    plan.task_templates.push(row);
    return row;
  });
}

export function planShow(
  plan: DemoPlan,
  clock: PlanClock,
  event: PlannedEvent,
  index: number,
  templates: readonly RowOf<'task_templates'>[],
): void {
  const r = clock.random;
  const { row: ev, venue } = event;
  const org = venue.organization;
  const tz = venue.cast.timezone;
  const isPast = ev.show_date < clock.tonight(tz);
  const cancelled = ev.status === 'CANCELLED';
  const sellable = ev.capacity_override ?? venue.cast.capacity;
  const daysAway = (Date.parse(ev.show_date) - Date.parse(clock.tonight(tz))) / DAY;

  // --- deal: the four types in turn, with numbers in proportion to the room ----------------
  const dealType = (['FLAT', 'DOOR_SPLIT', 'VERSUS', 'GUARANTEE_PLUS'] as const)[index % 4] as DealType;
  const ticketPrice = r.int(5, 15) * 500;
  const terms = dealTerms(r, dealType, sellable, ticketPrice);
  // tonight's show has sold well (the screens show a healthy night); past shows did what shows do
  const sold = event.tonight ? Math.round(sellable * r.between(0.8, 0.88)) : Math.round(sellable * r.between(0.55, 1));
  const deal: RowOf<'deal_terms'> = {
    id: r.uuid(),
    organization_id: org.id,
    event_id: ev.id,
    deal_type: dealType,
    currency: venue.cast.currency,
    ...terms,
    ticket_price_cents: ticketPrice,
    sellable_capacity: sellable,
    bonuses:
      dealType === 'GUARANTEE_PLUS'
        ? [
            { atTickets: Math.round(sellable * 0.8), bonusCents: 100_000 },
            { atTickets: sellable, bonusCents: 250_000 },
          ]
        : [],
    notes: dealType === 'VERSUS' ? 'Versus deal: the greater of the guarantee or the share of net.' : null,
    created_at: iso(event.bookedAt),
    updated_at: iso(event.bookedAt),
  };
  plan.deal_terms.push(deal);

  // --- settlement: actuals after the show, advance sales tonight, budgets before it ---------
  if (!cancelled) {
    const settled = ev.status === 'SETTLED';
    const lines: Array<RowOf<'settlement_lines'>> = [];
    const line = (
      kind: RowOf<'settlement_lines'>['kind'],
      label: string,
      quantity: number,
      unit: number,
      budget: number,
      actual: number | null,
    ) => {
      lines.push({
        id: r.uuid(),
        organization_id: org.id,
        event_id: ev.id,
        kind,
        label,
        quantity,
        unit_cents: unit,
        budget_cents: budget,
        actual_cents: actual,
        position: lines.length,
        created_at: iso(event.bookedAt),
        updated_at: iso(
          isPast || event.tonight ? Math.min(Date.parse(ev.ends_at) + DAY, clock.anchor - HOUR) : event.bookedAt,
        ),
      });
    };
    const projected = Math.round(sellable * 0.75);
    if (isPast) {
      const advance = Math.round(sold * r.between(0.7, 0.9));
      line('TICKETS', 'Advance tickets', advance, ticketPrice, projected * ticketPrice, advance * ticketPrice);
      line('TICKETS', 'Door sales', sold - advance, ticketPrice + 500, 0, (sold - advance) * (ticketPrice + 500));
      line('COMPS', 'Comps', r.int(20, 80), 0, 0, 0);
    } else if (event.tonight) {
      // the advance is in from the ticketing platform; the door's sales are counted tonight
      line('TICKETS', 'Advance tickets', sold, ticketPrice, projected * ticketPrice, sold * ticketPrice);
      line('TICKETS', 'Door sales', 0, ticketPrice + 500, 0, null);
    }
    // expenses are itemised as the show comes near (the advance); further out, the deal's budget
    // stands in for them (settleShow), as it does in the office
    const itemised = isPast || daysAway <= ITEMISED_DAYS;
    for (const [label, share] of itemised ? expenseLines : []) {
      const budget = Math.round((deal.expenses_budget_cents * share) / 100) * 100;
      const known = isPast ? settled || r.chance(0.6) : event.tonight && billedAhead.has(label);
      const actual = known ? Math.round((budget * r.between(0.85, 1.1)) / 100) * 100 : null;
      line('EXPENSE', label, 1, budget, budget, actual);
    }
    if (isPast && r.chance(0.3)) line('ADJUSTMENT', 'Parking reimbursement', 1, 15_000, 0, 15_000);
    if (event.tonight) keepTheNightHealthy(deal, lines);
    plan.settlement_lines.push(...lines);
    if (settled) {
      audit(plan, clock, {
        organizationId: org.id,
        actor: r.pick(membersWith(org, 'OWNER', 'MANAGER')).userId,
        action: 'settlement.signed_off',
        table: 'events',
        entityId: ev.id,
        at: Date.parse(ev.updated_at),
        details: { title: ev.title },
      });
    }
  }

  if (cancelled) return;

  // --- checklist from the templates ---------------------------------------------------------
  let position = 0;
  for (const template of templates.filter((t) => t.active)) {
    const due = addDays(ev.show_date, -template.default_due_days);
    const assignee = assigneeFor(org, template.default_role, r);
    const dueInstant = venueInstant(due, '15:00', tz).getTime();
    const done = due < clock.today ? r.chance(0.92) : r.chance(0.15);
    const completedAt = Math.max(
      event.bookedAt + HOUR,
      Math.min(dueInstant - r.int(0, 72) * HOUR, clock.anchor - HOUR),
    );
    plan.event_tasks.push({
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      template_id: template.id,
      title: template.title,
      description: template.description,
      assignee_user_id: assignee,
      due_date: due,
      completed_at: done ? iso(completedAt) : null,
      completed_by: done ? assignee : null,
      position: position++,
      created_at: iso(event.bookedAt),
      updated_at: iso(done ? completedAt : event.bookedAt),
    });
  }
  if (r.chance(0.2)) {
    plan.event_tasks.push({
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      template_id: null,
      title: r.pick(extraTasks),
      description: null,
      assignee_user_id: r.pick(membersWith(org, 'MANAGER')).userId,
      due_date: addDays(ev.show_date, -3),
      completed_at: null,
      completed_by: null,
      position: position++,
      created_at: iso(event.bookedAt),
      updated_at: iso(event.bookedAt),
    });
  }

  // --- guest lists for the shows around today, with the door's check-ins for past ones ------
  // (lists are built in the last weeks before a show; the door's history of the last weeks)
  const daysFromToday = (Date.parse(ev.show_date) - Date.parse(clock.today)) / DAY;
  if (daysFromToday < -21 || daysFromToday > 21) return;
  const doors = Date.parse(ev.doors_at);
  const cutoff = venueInstant(ev.show_date, '17:00', tz).getTime();
  const listsOpened = Math.min(event.bookedAt + DAY, clock.anchor - HOUR);
  const door = membersWith(org, 'STAFF');
  const doorsClosed = Date.parse(ev.ends_at) < clock.anchor;
  const admits: Array<{ id: string; admitted: number; at: number; device: string; by: string }> = [];
  // one name once per show: the door flags a name met twice on the lists as a possible mistake
  const named = new Set<string>();
  const guestName = () => {
    for (;;) {
      const name = personName(r);
      if (named.has(name)) continue;
      named.add(name);
      return name;
    }
  };
  // tonight's show has every list, and long ones: about a name for every 11th place in the room
  // (over a hundred for show-day mode's search), within what the room holds besides the tickets
  const scale = event.tonight ? Math.max(5, Math.round(sellable / 300)) : 1;

  for (const spec of guestListPlan) {
    if (!event.tonight && !r.chance(spec.p)) continue;
    const list: RowOf<'guest_lists'> = {
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      name: spec.name(ev.artist_name),
      kind: spec.kind,
      allotment: spec.allotment === null ? null : spec.allotment * scale * 2,
      cutoff_at: iso(cutoff),
      created_at: iso(listsOpened),
      updated_at: iso(listsOpened),
    };
    plan.guest_lists.push(list);
    const addedBy =
      spec.kind === 'PROMOTER' && ev.promoter_user_id
        ? ev.promoter_user_id
        : r.pick(membersWith(org, 'MANAGER', 'STAFF')).userId;
    const [fewest, most] = spec.entries;
    const count = event.tonight
      ? Math.round(((fewest + most) / 2) * scale * r.between(0.85, 1.15))
      : r.int(fewest, most);
    for (let i = 0; i < count; i++) {
      const admitCount = r.chance(0.6) ? 1 : r.chance(0.85) ? 2 : r.int(3, 4);
      const addedAt = Math.min(listsOpened + r.between(0, 10) * DAY, clock.anchor - HOUR, cutoff - HOUR);
      const entry: RowOf<'guest_list_entries'> = {
        id: r.uuid(),
        organization_id: org.id,
        event_id: ev.id,
        guest_list_id: list.id,
        guest_name: guestName(),
        admit_count: admitCount,
        note: r.chance(0.15) ? r.pick(entryNotes) : null,
        added_by: addedBy,
        created_at: iso(Math.max(addedAt, listsOpened)),
        updated_at: iso(Math.max(addedAt, listsOpened)),
      };
      plan.guest_list_entries.push(entry);
      if (doorsClosed && r.chance(0.85)) {
        // most guests show up, some with fewer than their +N
        const admitted = r.chance(0.9) ? admitCount : 1;
        const by = r.pick(door);
        admits.push({
          id: entry.id,
          admitted,
          at: doors + r.int(0, 150) * 60_000,
          device: r.pick(['door-1', 'door-2']),
          by: by.userId,
        });
      }
    }
  }

  if (!doorsClosed) return;
  const checkIn = (fields: Omit<RowOf<'check_ins'>, 'id' | 'organization_id' | 'event_id' | 'created_at'>) => {
    const row: RowOf<'check_ins'> = {
      id: r.uuid(),
      organization_id: org.id,
      event_id: ev.id,
      ...fields,
      // door devices are often offline: the relay learns of a check-in after it happened
      created_at: iso(Date.parse(fields.occurred_at) + r.int(1, 40) * 60_000),
    };
    plan.check_ins.push(row);
    return row;
  };
  for (const a of admits) {
    const admit = checkIn({
      entry_id: a.id,
      kind: 'ADMIT',
      admitted: a.admitted,
      undoes_id: null,
      device_id: a.device,
      recorded_by: a.by,
      occurred_at: iso(a.at),
    });
    // a mis-tap at the door, taken back a moment later
    if (r.chance(0.04)) {
      checkIn({
        entry_id: a.id,
        kind: 'UNDO',
        admitted: -a.admitted,
        undoes_id: admit.id,
        device_id: a.device,
        recorded_by: a.by,
        occurred_at: iso(a.at + r.int(1, 5) * 60_000),
      });
    }
  }
  for (let i = r.int(2, 6); i > 0; i--) {
    checkIn({
      entry_id: null,
      kind: 'WALK_UP',
      admitted: r.int(1, 3),
      undoes_id: null,
      device_id: 'box-office',
      recorded_by: r.pick(door).userId,
      occurred_at: iso(doors + r.int(0, 180) * 60_000),
    });
  }
}

// A promoter's step on the checklist is chased by a manager: tasks go to the venue's own people
// (shared/src/mutations/rules.ts), never to the outside promoter.
function assigneeFor(
  org: PlannedOrganization,
  role: RowOf<'task_templates'>['default_role'],
  r: PlanClock['random'],
): string {
  return r.pick(membersWith(org, !role || role === 'PROMOTER' ? 'MANAGER' : role)).userId;
}
