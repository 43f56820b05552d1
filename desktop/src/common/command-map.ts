// The one list of everything the renderer may ask of the desktop core, and every event the
// core pushes to it. Each command is named once, with zod schemas for its arguments and its
// result; the main process (and the browser dev host) checks both at the boundary, and errors
// cross as typed results, never as thrown strings.
//
// Runs anywhere: main process, preload, renderer, dev host, tests (zod only, no Node, no DOM).
import { z } from 'zod';
import { storableText } from '@promoteros/shared';

export const Role = z.enum(['OWNER', 'MANAGER', 'STAFF', 'PROMOTER']);

export const OrganizationChoice = z.object({ id: z.string(), slug: z.string(), name: z.string(), role: Role });
export const VenueSummary = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  timezone: z.string(),
  capacity: z.number().int(),
});

export const SessionState = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('signed-out'),
    relayUrl: z.string(),
    reason: z.string().optional(),
    /** the sign-in form's email: the last one used on this device, else the one the shell suggests */
    email: z.string().optional(),
  }),
  z.object({
    state: z.literal('signed-in'),
    relayUrl: z.string(),
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    organizations: z.array(OrganizationChoice),
    organizationId: z.string().nullable(),
  }),
]);

export const SyncStatus = z.object({
  phase: z.enum(['idle', 'connecting', 'initial-sync', 'live', 'offline', 'signed-out', 'error']),
  rowsReceived: z.number().int().optional(),
  rowsTotal: z.number().int().optional(),
  offlineSince: z.string().optional(),
  lastSyncedAt: z.string().optional(),
  reason: z.string().optional(),
  pendingChanges: z.number().int().optional(),
});

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const Id = z.string().uuid();

export const CalendarItem = z.object({
  kind: z.enum(['event', 'hold']),
  id: z.string(),
  venueId: z.string(),
  /** the calendar day in the venue's timezone, YYYY-MM-DD */
  date: z.string(),
  title: z.string(),
  status: z.string(),
  /** hold rank (1st, 2nd…), events: null */
  rank: z.number().int().nullable(),
  /** local times in the venue's timezone, HH:MM, events only (ends may be after midnight) */
  doors: z.string().nullable(),
  show: z.string().nullable(),
  ends: z.string().nullable(),
  /** the request a hold is for (or an event was made from), so the calendar can open it */
  requestId: z.string().nullable(),
});

/** A member of the organization, as a task's assignee picker offers them. */
export const Member = z.object({ userId: z.string(), name: z.string(), role: Role });

/** One emailing of an event's confirmation: to whom, which PDF version, and how delivery went. */
export const ConfirmationSend = z.object({
  id: z.string(),
  /** false: the confirmation sent when the event was made; true: a revised one */
  revised: z.boolean(),
  /** QUEUED, SENT, PARTLY_SENT (some recipients refused), FAILED, NOT_SENT (nothing to send) */
  status: z.enum(['QUEUED', 'SENT', 'PARTLY_SENT', 'FAILED', 'NOT_SENT']),
  /** the member who asked for it, by name */
  requestedBy: z.string().nullable(),
  recipients: z.array(z.string()),
  /** the confirmation PDF's version attached; null: sent without one (or not written yet) */
  documentVersion: z.number().int().nullable(),
  /** whether the letter and its PDF carried deal terms; null until written */
  withDealTerms: z.boolean().nullable(),
  /** whether the deal terms differ now from what this one carried (set, changed or removed since) */
  dealChangedSince: z.boolean(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** the mail server's refusal or error */
  deliveryNote: z.string().nullable(),
});

export const EventDetail = z.object({
  id: z.string(),
  title: z.string(),
  artistName: z.string(),
  /** DRAFT, CONFIRMED, CANCELLED or SETTLED (settled events no longer change) */
  status: z.string(),
  venue: VenueSummary,
  showDate: z.string(),
  /** ISO instants; the renderer formats them in venue.timezone */
  doorsAt: z.string(),
  showAt: z.string(),
  endsAt: z.string(),
  /** what the night holds: the override if set, else the venue's capacity */
  capacity: z.number().int(),
  capacityOverride: z.number().int().nullable(),
  notes: z.string().nullable(),
  deal: z
    .object({
      id: z.string(),
      dealType: z.string(),
      currency: z.string(),
      guaranteeCents: z.number(),
      artistShareBp: z.number(),
      splitBasis: z.string(),
      ticketPriceCents: z.number(),
      expensesBudgetCents: z.number(),
      notes: z.string().nullable(),
    })
    .nullable(),
  /** the checklist in its order */
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      position: z.number().int(),
      dueDate: z.string().nullable(),
      completedAt: z.string().nullable(),
      /** who ticked it off, by name */
      completedBy: z.string().nullable(),
      assigneeUserId: z.string().nullable(),
      /** the assignee's name */
      assignee: z.string().nullable(),
    }),
  ),
  /** the venue's own people a task may be assigned to (owners, managers, staff), by name */
  members: z.array(Member),
  /** the request the event was booked from, for the deal form's first values; null: booked directly */
  request: z
    .object({
      reference: z.string(),
      budgetMinCents: z.number().nullable(),
      budgetMaxCents: z.number().nullable(),
      dealNotes: z.string().nullable(),
    })
    .nullable(),
  /** each emailing of the confirmation, newest first (confirmation_sends) */
  confirmations: z.array(ConfirmationSend),
  requestHistory: z.array(
    z.object({
      at: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string().nullable(),
      actor: z.string().nullable(),
    }),
  ),
});

/**
 * What the settlement panel needs: the deal terms settleShow reads (every column of them) and the
 * event's settlement lines in their order. Money as numbers of cents (safe integers: the columns'
 * checks keep them so); null terms when the deal is not made yet.
 */
export const SettlementSheet = z.object({
  eventId: z.string(),
  status: z.string(),
  terms: z
    .object({
      dealType: z.enum(['FLAT', 'DOOR_SPLIT', 'VERSUS', 'GUARANTEE_PLUS']),
      currency: z.string(),
      guaranteeCents: z.number(),
      artistShareBp: z.number().int(),
      splitBasis: z.enum(['GROSS', 'NET']),
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
      kind: z.enum(['TICKETS', 'COMPS', 'EXPENSE', 'ADJUSTMENT']),
      label: z.string(),
      quantity: z.number().int(),
      unitCents: z.number(),
      budgetCents: z.number(),
      actualCents: z.number().nullable(),
      position: z.number().int(),
    }),
  ),
});

export const RequestStatus = z.enum(['NEW', 'REVIEW', 'APPROVED', 'DECLINED', 'SCHEDULED', 'WITHDRAWN']);
export const RequestRow = z.object({
  id: z.string(),
  reference: z.string(),
  status: RequestStatus,
  venueId: z.string(),
  artistName: z.string(),
  eventTitle: z.string(),
  contactName: z.string(),
  preferredStart: z.string(),
  expectedAttendance: z.number().int(),
  submittedAt: z.string(),
  /** the event this request became (events.request_id), so a SCHEDULED row can open it */
  eventId: z.string().nullable().optional(),
});

const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** a day that is in the calendar (not 2027-02-30) */
const RealDate = CalendarDate.refine(
  (date) => !Number.isNaN(Date.parse(date)) && new Date(date).toISOString().startsWith(date),
  'is not a day in the calendar',
);
/** the longest calendar.range: a year, leap day included */
export const MAX_RANGE_DAYS = 366;

/** A hold on a venue date, with the request holding it (for "who holds 1st, 2nd …"). */
export const HoldRow = z.object({
  id: z.string(),
  requestId: z.string(),
  venueId: z.string(),
  holdDate: z.string(),
  rank: z.number().int(),
  /** ACTIVE, RELEASED, CONVERTED or EXPIRED */
  status: z.string(),
  expiresAt: z.string().nullable(),
  challengedByHoldId: z.string().nullable(),
  challengeDeadline: z.string().nullable(),
  releaseReason: z.string().nullable(),
  eventId: z.string().nullable(),
  reference: z.string(),
  artistName: z.string(),
  eventTitle: z.string(),
});

export const DecisionStep = z.object({
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
});

/** One request with everything the requester told us, how it was decided and the dates it holds. */
export const RequestDetail = z.object({
  id: z.string(),
  reference: z.string(),
  status: RequestStatus,
  venue: VenueSummary,
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  company: z.string().nullable(),
  artistName: z.string(),
  eventTitle: z.string(),
  description: z.string().nullable(),
  preferredStart: z.string(),
  preferredEnd: z.string(),
  alternativeStart: z.string().nullable(),
  alternativeEnd: z.string().nullable(),
  expectedAttendance: z.number().int(),
  budgetMinCents: z.number().nullable(),
  budgetMaxCents: z.number().nullable(),
  dealNotes: z.string().nullable(),
  techNeeds: z.string().nullable(),
  submittedAt: z.string(),
  eventId: z.string().nullable(),
  history: z.array(DecisionStep),
  holds: z.array(HoldRow),
});

export const TaskTemplate = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  defaultDueDays: z.number().int(),
  defaultRole: Role.nullable(),
  position: z.number().int(),
  active: z.boolean(),
});

/** a show's time and place, as a search hit carries it for the renderer to write in venue time */
const SearchShow = {
  venueName: z.string(),
  /** the show's calendar day at the venue, YYYY-MM-DD */
  showDate: z.string(),
  /** ISO instant */
  showAt: z.string(),
  /** the venue's IANA zone */
  timezone: z.string(),
};

/**
 * One thing Ctrl/Cmd-K found. Facts, not sentences: the renderer writes them in the user's
 * language (status labels, dates in the venue's timezone, plurals).
 */
export const SearchHit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), id: z.string(), title: z.string(), role: Role, email: z.string() }),
  /** id: the artist's name */
  z.object({
    kind: z.literal('artist'),
    id: z.string(),
    title: z.string(),
    events: z.number().int(),
    requests: z.number().int(),
  }),
  z.object({
    kind: z.literal('event'),
    id: z.string(),
    title: z.string(),
    artistName: z.string(),
    /** DRAFT, CONFIRMED, CANCELLED or SETTLED */
    status: z.string(),
    ...SearchShow,
  }),
  /** a name on a guest list of today's or an upcoming show; id: the entry */
  z.object({
    kind: z.literal('guest'),
    id: z.string(),
    title: z.string(),
    eventId: z.string(),
    eventTitle: z.string(),
    venueId: z.string(),
    listName: z.string(),
    /** the guest and their party */
    admitCount: z.number().int(),
    ...SearchShow,
  }),
  z.object({
    kind: z.literal('request'),
    id: z.string(),
    title: z.string(),
    reference: z.string(),
    artistName: z.string(),
    contactName: z.string(),
    /** NEW, REVIEW, APPROVED, DECLINED, SCHEDULED or WITHDRAWN */
    status: z.string(),
  }),
]);

/** A refused edit, kept until the user retries or discards it. */
export const NeedsAttention = z.object({
  mutationId: z.string(),
  /** the mutation's name, e.g. task.update */
  name: z.string(),
  /** what the user meant, in their words */
  description: z.string(),
  /** the arguments it was made with, for an edit-and-retry form */
  args: z.unknown(),
  code: z.string(),
  /** the relay's reason */
  reason: z.string(),
  /** when the user made it */
  at: z.string(),
});

export const OutboxCounts = z.object({
  /** edits made on this device and not yet seen back from the relay */
  pending: z.number().int(),
  /** refused edits waiting for the user */
  refused: z.number().int(),
  /** why uploading fails, while it does */
  uploadProblem: z.string().optional(),
});

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
  status: z.string(),
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

export const GuestListKind = z.enum(['ARTIST', 'PROMOTER', 'COMP', 'WILL_CALL', 'MEDIA', 'OTHER']);

/** One admission, undo or walk-up at the door. */
export const CheckIn = z.object({
  id: z.string(),
  kind: z.enum(['ADMIT', 'UNDO', 'WALK_UP']),
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
  /** this entry's admissions and undos, oldest first */
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

/** An event's shared documents (see @promoteros/shared/notes for their Yjs layout). */
export const NoteName = z.enum(['ADVANCE_NOTES', 'RUN_OF_SHOW']);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');
/** live: in the room; connecting; offline: edits are saved on this computer; refused: the relay said no */
export const NoteConnection = z.object({
  state: z.enum(['connecting', 'live', 'offline', 'refused']),
  reason: z.string().optional(),
});
export const NoteDocument = z.object({ state: z.string(), connection: NoteConnection });

/** An event's PDF paperwork (relay/src/documents): each version as the synced documents table has it. */
export const DocumentKind = z.enum(['CONFIRMATION', 'ADVANCE', 'SETTLEMENT']);
export const DocumentVersion = z.object({
  id: z.string(),
  kind: DocumentKind,
  version: z.number().int(),
  sha256: z.string(),
  byteSize: z.number().int(),
  fileName: z.string(),
  /** ISO instant the version was stored */
  createdAt: z.string(),
});
/** a render the relay has queued or is running, for "generating…" */
export const DocumentRender = z.object({
  jobId: z.string(),
  kind: DocumentKind,
  status: z.string(),
  /** the last attempt's failure, while it waits to try again */
  lastError: z.string().nullable(),
});

/**
 * An email or job the relay did not get done, as its OWNERs see it (relay/src/notify): given up
 * (DEAD), waiting for another try after a failure (QUEUED, nextTryAt), or taken by the mail server
 * for some recipients and refused for others (PARTLY_SENT: the refused ones in lastError; shown
 * for a month, never retried, as that would repeat it to those who have it).
 */
export const DeliveryProblem = z.object({
  jobId: z.string(),
  /** the job kind, e.g. request.received, event.confirmed, document.render */
  kind: z.string(),
  status: z.enum(['DEAD', 'QUEUED', 'PARTLY_SENT']),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** the mail server's or the job's last words */
  lastError: z.string().nullable(),
  failedAt: z.string(),
  nextTryAt: z.string().nullable(),
  email: z.object({ messageId: z.string(), recipients: z.array(z.string()), subject: z.string() }).nullable(),
});

/**
 * The relay's check of the organization's audit log, for its OWNERs (relay/src/audit): every entry's
 * hash computed again and the chain walked from its first entry; intact, or the first thing wrong
 * with it, in words (changed, missing, out of order, cut short after an anchor).
 */
export const AuditVerification = z.object({
  checkedAt: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  intact: z.boolean(),
  /** entries verified: all of them when intact, those before the problem otherwise */
  entries: z.number().int(),
  head: z.object({ position: z.number().int(), hash: z.string() }).nullable(),
  /** the chain head the relay last wrote down (hourly), so a removed tail shows */
  lastAnchor: z.object({ position: z.number().int(), hash: z.string(), anchoredAt: z.string().nullable() }).nullable(),
  problem: z
    .object({ kind: z.string(), position: z.number().int(), entryId: z.string().nullable(), message: z.string() })
    .nullable(),
});

/** Every command: name → argument and result schemas. */
export const commands = {
  'session.get': { args: z.object({}), result: SessionState },
  'auth.requestCode': {
    args: z.object({ relayUrl: z.string().url(), email: z.string().email() }),
    result: z.object({ message: z.string() }),
  },
  'auth.verifyCode': {
    args: z.object({ email: z.string().email(), code: z.string().regex(/^\d{6}$/, 'the code has six digits') }),
    result: SessionState,
  },
  /** the token of a sign-in link (deep link or pasted) */
  'auth.verifyLink': {
    args: z.object({ token: z.string().check(storableText()).min(16).max(200) }),
    result: SessionState,
  },
  /**
   * With edits not yet uploaded or refused edits waiting, sign-out is refused (code
   * pending_changes) unless `discardPending` says the user was warned; the edits then stay in
   * the replica and upload at the member's next sign-in on this computer.
   */
  'auth.signOut': { args: z.object({ discardPending: z.boolean().default(false) }), result: SessionState },
  'organization.select': { args: z.object({ organizationId: Id }), result: SessionState },
  'sync.status': { args: z.object({}), result: SyncStatus },
  'venues.list': { args: z.object({}), result: z.array(VenueSummary) },
  /** the open organization's name and locale (how every screen writes dates, numbers and money) */
  'organization.get': {
    args: z.object({}),
    result: z.object({ id: z.string(), name: z.string(), locale: z.string() }),
  },
  'calendar.month': {
    args: z.object({ venueId: Id.nullable(), month: YearMonth }),
    result: z.array(CalendarItem),
  },
  /** the calendar over any days, from and to included: a week, the list's next 90 days (at most a year) */
  'calendar.range': {
    args: z
      .object({ venueId: Id.nullable(), from: RealDate, to: RealDate })
      .refine((range) => range.to >= range.from, { message: 'must not be before from', path: ['to'] })
      .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < MAX_RANGE_DAYS, {
        message: `the range is at most ${MAX_RANGE_DAYS} days`,
        path: ['to'],
      }),
    result: z.array(CalendarItem),
  },
  'events.get': { args: z.object({ eventId: Id }), result: EventDetail },
  'requests.list': {
    args: z.object({
      statuses: z.array(RequestStatus).max(6).default([]),
      venueId: Id.nullable().default(null),
      /** words to find in the artist, title, contact (name or email) or reference */
      search: z.string().check(storableText()).max(200).default(''),
      /** the preferred date (the venue's calendar day) from / to, inclusive */
      from: CalendarDate.nullable().default(null),
      to: CalendarDate.nullable().default(null),
      /** newest submitted first, or soonest preferred date first */
      sort: z.enum(['submitted', 'preferred']).default('submitted'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    /** newCount: the NEW requests of the organization, whatever the filters (the inbox badge) */
    result: z.object({ total: z.number().int(), newCount: z.number().int(), rows: z.array(RequestRow) }),
  },
  'requests.get': { args: z.object({ requestId: Id }), result: RequestDetail },
  /** every hold on a venue's date, active ones by rank first */
  'holds.onDate': { args: z.object({ venueId: Id, date: CalendarDate }), result: z.array(HoldRow) },
  'taskTemplates.list': { args: z.object({}), result: z.array(TaskTemplate) },
  'search.query': {
    args: z.object({
      text: z.string().check(storableText()).max(200),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    result: z.array(SearchHit),
  },
  /** show-day mode: today's show at a venue (today in the venue's timezone); venueId null: the first venue */
  'showDay.get': {
    args: z.object({ venueId: Id.nullable().default(null), eventId: Id.nullable().default(null) }),
    result: ShowDay,
  },
  /** an event's guest lists, entries, check-ins and door count */
  'guestList.get': { args: z.object({ eventId: Id }), result: GuestListDoor },
  'doorCount.get': { args: z.object({ eventId: Id }), result: DoorCount },
  /** the deal terms and settlement lines the settlement panel reckons with */
  'settlement.get': { args: z.object({ eventId: Id }), result: SettlementSheet },
  /**
   * An edit (a named mutation from shared/src/mutations): visible in every query at once, kept
   * in the outbox, uploaded when the relay is there. Refused at once (invalid_arguments,
   * forbidden, rule) when the device already knows it cannot be made.
   */
  'mutation.run': {
    args: z.object({ name: z.string().check(storableText()).min(1).max(100), args: z.record(z.string(), z.unknown()) }),
    result: z.object({ mutationId: z.string() }),
  },
  'outbox.counts': { args: z.object({}), result: OutboxCounts },
  'outbox.needsAttention': { args: z.object({}), result: z.array(NeedsAttention) },
  /** make a refused edit again, with corrected arguments if given; the refused one goes */
  'outbox.retry': {
    args: z.object({ mutationId: Id, args: z.record(z.string(), z.unknown()).optional() }),
    result: z.object({ mutationId: z.string() }),
  },
  'outbox.discard': { args: z.object({ mutationId: Id }), result: z.object({}) },
  /**
   * One of an event's shared notes (Yjs): its whole state as base64, from this computer's copy
   * at once, and joined to the relay's room in the background (STAFF and above only).
   */
  'notes.open': { args: z.object({ eventId: Id, name: NoteName }), result: NoteDocument },
  /** an edit made in the renderer's Y.Doc (a Yjs update, base64); resolves once saved on this computer */
  'notes.update': {
    args: z.object({ eventId: Id, name: NoteName, update: Base64.max(10_000_000) }),
    result: z.object({}),
  },
  /** the screen stopped showing it: leave the room (everything stays saved on this computer) */
  'notes.release': { args: z.object({ eventId: Id, name: NoteName }), result: z.object({}) },
  /** an event's documents, every version, newest first per kind (STAFF and above; works offline) */
  'documents.list': { args: z.object({ eventId: Id }), result: z.array(DocumentVersion) },
  /** asks the relay to draw a document again from the data now (MANAGER and above) */
  'documents.generate': {
    args: z.object({ eventId: Id, kind: DocumentKind }),
    result: z.object({ jobId: z.string() }),
  },
  /** the event's renders the relay has queued or running */
  'documents.renders': { args: z.object({ eventId: Id }), result: z.array(DocumentRender) },
  /** a version's bytes from the relay (base64), e.g. to open it or to download it in a browser */
  'documents.fetch': {
    args: z.object({ documentId: Id }),
    result: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /** shows a version in the system's PDF viewer; `inBrowser: true` where the host has none (the dev host) */
  'documents.open': {
    args: z.object({ documentId: Id }),
    result: z.object({ opened: z.boolean(), inBrowser: z.boolean() }),
  },
  /**
   * Saves a version where the person chooses (the app's save dialog). `inBrowser: true` where the
   * host has no dialog (the dev host in a browser): the renderer downloads documents.fetch itself.
   */
  'documents.save': {
    args: z.object({ documentId: Id }),
    result: z.object({ saved: z.boolean(), path: z.string().nullable(), inBrowser: z.boolean() }),
  },
  /** OWNERs only: the organization's emails and jobs the relay gave up on or is retrying */
  'deliveryProblems.list': { args: z.object({}), result: z.array(DeliveryProblem) },
  /** OWNERs only: try a delivery problem again now (a DEAD job gets its attempts back) */
  'deliveryProblems.retry': {
    args: z.object({ jobId: z.string().regex(/^[1-9]\d{0,17}$/, 'a job id is a positive whole number') }),
    result: z.object({ jobId: z.string() }),
  },
  /** OWNERs only: the relay verifies the organization's audit log (its hash chain) now */
  'audit.verify': { args: z.object({}), result: AuditVerification },
} as const;

/** Everything the core pushes to the renderer. */
export const events = {
  'session.changed': SessionState,
  'sync.status': SyncStatus,
  /** the replica changed (sync applied a batch): live queries re-run */
  'replica.changed': z.object({ tables: z.array(z.string()) }),
  /**
   * the Electron menu's Search… item (Cmd/Ctrl-K) was chosen: open the search palette. The menu
   * accelerator takes the key before the page sees it, so the shell says so with this event; in
   * the browser dev host the renderer's own key handler does the same and this never arrives.
   */
  'shell.openSearch': z.object({}),
  /** pending or refused edits changed */
  'outbox.changed': OutboxCounts,
  /** an open note changed by someone else (a Yjs update, base64) */
  'notes.changed': z.object({ eventId: z.string(), name: NoteName, update: z.string() }),
  /** an open note's connection to its room changed */
  'notes.connection': z.object({ eventId: z.string(), name: NoteName, connection: NoteConnection }),
} as const;

export type CommandName = keyof typeof commands;
export type EventName = keyof typeof events;
export type CommandArgs<K extends CommandName> = z.input<(typeof commands)[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<(typeof commands)[K]['result']>;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

/** How an error crosses the boundary: a stable code tests can assert, and words for people. */
export const CommandError = z.object({
  code: z.enum([
    'invalid_arguments',
    'unknown_command',
    'not_signed_in',
    'relay_refused',
    'offline',
    'not_found',
    /** the signed-in member's role may not do this */
    'forbidden',
    /** a domain rule refuses the edit (the message says which) */
    'rule',
    /** sign-out would leave edits unsent or refused edits unseen */
    'pending_changes',
    'internal',
  ]),
  message: z.string(),
  details: z.record(z.string(), z.string()).optional(),
});
export type CommandError = z.infer<typeof CommandError>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CommandError };

/** The one object the preload exposes (and the dev host's client implements). */
export interface DesktopBridge {
  invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Outcome<CommandResult<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}
