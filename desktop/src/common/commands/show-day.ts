// The night itself: the venue's show today, its guest lists at the door, the door count against
// capacity, and the settlement sheet, read from the replica.
import { z } from 'zod';
import { CheckInKind, DealType, EventStatus, GuestListKind, SettlementLineKind, SplitBasis } from '@promoteros/shared';
import { Id, VenueSummary } from './fields.js';
import type { CommandDeclarations } from './declaration.js';

/** A person to call on show day: the booking contact, the promoter, the venue's managers. */
export const ShowContact = z.object({
  /** what they are to the show: Booking contact, Promoter, Manager, Owner */
  role: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

/** Today's show at a venue, as the door and box office need it. */
export const ShowDayEvent = z.object({
  id: z.string(),
  title: z.string(),
  artistName: z.string(),
  status: EventStatus,
  showDate: z.string(),
  /** ISO instants; the renderer formats them in the venue's timezone */
  doorsAt: z.string(),
  showAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  notes: z.string().nullable(),
  contacts: z.array(ShowContact),
  /** the checklist's open tasks, in its order */
  openTasks: z.array(
    z.object({ id: z.string(), title: z.string(), dueDate: z.string().nullable(), assignee: z.string().nullable() }),
  ),
});

export const ShowDay = z.object({
  venue: VenueSummary,
  /** the venue's calendar day now, YYYY-MM-DD */
  today: z.string(),
  /** the show the screen opens on: the one asked for, else today's first (or last night's, still running) */
  event: ShowDayEvent.nullable(),
  /** every show today at the venue, by doors */
  showsToday: z.array(z.object({ id: z.string(), title: z.string(), doorsAt: z.string() })),
  /** the venue's next show after today, for "no show today" */
  nextShow: z.object({ id: z.string(), title: z.string(), showDate: z.string() }).nullable(),
});

/** One check-in at the door: an admit, an undo or a walk-up. */
export const CheckIn = z.object({
  id: z.string(),
  kind: CheckInKind,
  /** people through the door: negative for an undo */
  admitted: z.number().int(),
  undoesId: z.string().nullable(),
  /** an undo of this check-in exists */
  undone: z.boolean(),
  deviceId: z.string(),
  /** who did it, by name */
  recordedBy: z.string().nullable(),
  occurredAt: z.string(),
});

/** Admitted so far against what the night holds, per list and in total. */
export const DoorCount = z.object({
  capacity: z.number().int(),
  /** every admission of the event less its undos, walk-ups included */
  total: z.number().int(),
  walkUps: z.number().int(),
  lists: z.array(z.object({ guestListId: z.string(), name: z.string(), admitted: z.number().int() })),
  /** at 90 % of capacity or more */
  nearCapacity: z.boolean(),
});

export const GuestEntry = z.object({
  id: z.string(),
  guestListId: z.string(),
  guestName: z.string(),
  /** admissions allotted, the guest included: 3 = guest +2 */
  admitCount: z.number().int(),
  note: z.string().nullable(),
  /** who put them on the list, by name */
  addedBy: z.string().nullable(),
  /** admitted so far, undos taken off, on every device this replica has heard from */
  admitted: z.number().int(),
  /** admitted beyond the allotment (two doors admitted the same guest offline): for the manager */
  flagged: z.boolean(),
  /** this entry's check-ins (admits and undos), oldest first */
  checkIns: z.array(CheckIn),
});

/** Everything the door works from for one event. */
export const GuestListDoor = z.object({
  eventId: z.string(),
  lists: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: GuestListKind,
      /** admissions the list may hand out (entries' +N summed); null: no limit */
      allotment: z.number().int().nullable(),
      cutoffAt: z.string().nullable(),
      /** the entries' allotted admissions summed */
      allotted: z.number().int(),
      entryCount: z.number().int(),
    }),
  ),
  /** by guest name */
  entries: z.array(GuestEntry),
  walkUps: z.array(CheckIn),
  door: DoorCount,
});

/**
 * What the settlement panel needs: the deal terms settleShow reads (every column of them) and the
 * event's settlement lines in their order. Money as numbers of cents (safe integers: the columns'
 * checks keep them so); null terms when the deal is not made yet.
 */
export const SettlementSheet = z.object({
  eventId: z.string(),
  status: EventStatus,
  terms: z
    .object({
      dealType: DealType,
      currency: z.string(),
      guaranteeCents: z.number(),
      artistShareBp: z.number().int(),
      splitBasis: SplitBasis,
      promoterProfitBp: z.number().int(),
      ticketPriceCents: z.number(),
      sellableCapacity: z.number().int().nullable(),
      expensesBudgetCents: z.number(),
      bonuses: z.array(z.object({ atTickets: z.number().int(), bonusCents: z.number() })),
    })
    .nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      kind: SettlementLineKind,
      label: z.string(),
      quantity: z.number().int(),
      unitCents: z.number(),
      budgetCents: z.number(),
      actualCents: z.number().nullable(),
      position: z.number().int(),
    }),
  ),
});

export const showDayCommands = {
  /** show-day mode: today's show at a venue (today in the venue's timezone); venueId null: the first venue */
  'showDay.get': {
    args: z.object({ venueId: Id.nullable().default(null), eventId: Id.nullable().default(null) }),
    result: ShowDay,
    reads: ['venues', 'events', 'event_tasks', 'memberships', 'event_requests'],
  },
  /** an event's guest lists, entries, check-ins and door count */
  'guestList.get': {
    args: z.object({ eventId: Id }),
    result: GuestListDoor,
    reads: ['events', 'venues', 'guest_lists', 'guest_list_entries', 'check_ins', 'memberships'],
  },
  'doorCount.get': {
    args: z.object({ eventId: Id }),
    result: DoorCount,
    reads: ['events', 'venues', 'guest_lists', 'guest_list_entries', 'check_ins'],
  },
  /** the deal terms and settlement lines the settlement panel reckons with */
  'settlement.get': {
    args: z.object({ eventId: Id }),
    result: SettlementSheet,
    reads: ['events', 'deal_terms', 'settlement_lines'],
  },
} as const satisfies CommandDeclarations;
