// For the mutation tests (relay/src/mutations) and the fuzz: valid arguments for every mutation of
// the registry, made against an organization's test rows (every-table.ts). A mutation without a
// factory fails the permission tests, so a new mutation cannot go untested there.
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, LOCALE_CHOICES } from '@promoteros/shared/format';
import type { Sql } from '../db/database.js';
import type { OrganizationRows } from './every-table.js';

export interface World extends OrganizationRows {
  readonly organizationId: string;
  readonly ownerId: string;
}

export type ArgFactory = (world: World, sql: Sql) => Promise<Record<string, unknown>>;

let counter = 0;
const next = () => ++counter;

/** a locale no earlier call gave (nor the one organizations start with), so each one applied is
 * a change whichever organization it is sent to */
const otherLocales = LOCALE_CHOICES.filter((tag) => tag !== DEFAULT_LOCALE);
let localesGiven = 0;
const freshLocale = () => otherLocales[localesGiven++ % otherLocales.length]!;

/** a date nobody holds yet, so each hold placed is the first on its day */
const freshDate = () => new Date(Date.UTC(2028, 0, 1) + next() * 86_400_000).toISOString().slice(0, 10);

const taskId = (world: World) => world.ids.event_tasks![0]!;

async function newTask(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO event_tasks (organization_id, event_id, title, position)
    VALUES (${world.organizationId}, ${world.eventId}, 'Print wristbands', 50) RETURNING id`;
  return row!.id;
}

async function newRequest(sql: Sql, world: World, status = 'NEW'): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                event_title, preferred_start, preferred_end, expected_attendance, status)
    VALUES (${world.organizationId}, ${world.venueId}, ${`RQ-T${next()}`}, 'Robin Agent', 'robin@example.test',
            'Night Shift', 'Autumn Run', '2028-09-01 20:00+00', '2028-09-01 23:00+00', 600, ${status})
    RETURNING id`;
  return row!.id;
}

async function newHold(sql: Sql, world: World, date = freshDate(), rank = 1, requestId = world.requestId) {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO holds (organization_id, venue_id, request_id, hold_date, rank, created_by)
    VALUES (${world.organizationId}, ${world.venueId}, ${requestId}, ${date}, ${rank}, ${world.ownerId})
    RETURNING id`;
  return row!.id;
}

async function newTemplate(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO task_templates (organization_id, title, default_due_days, position)
    VALUES (${world.organizationId}, 'Book the shuttle', 3, 90) RETURNING id`;
  return row!.id;
}

async function newGuestList(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO guest_lists (organization_id, event_id, name, kind)
    VALUES (${world.organizationId}, ${world.eventId}, 'Crew plus-ones', 'OTHER') RETURNING id`;
  return row!.id;
}

async function newGuestEntry(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count)
    VALUES (${world.organizationId}, ${world.eventId}, ${world.ids.guest_lists![0]!}, 'Jo Latecomer', 1) RETURNING id`;
  return row!.id;
}

async function newVenue(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO venues (organization_id, slug, name, timezone, capacity)
    VALUES (${world.organizationId}, ${`side-room-${next()}`}, 'Side Room', 'Europe/London', 150) RETURNING id`;
  return row!.id;
}

/** an open invitation as STAFF, which a MANAGER may re-send and revoke */
async function newInvitation(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO invitations (organization_id, email, role, invited_by, expires_at)
    VALUES (${world.organizationId}, ${`pending-${next()}@example.test`}, 'STAFF', ${world.ownerId},
            now() + interval '7 days') RETURNING id`;
  return row!.id;
}

/** a STAFF member's membership, which a MANAGER may change or remove */
async function newMembership(sql: Sql, world: World): Promise<string> {
  const [user] = await sql<{ id: string }[]>`
    INSERT INTO users (email, display_name) VALUES (${`crew-${next()}-${randomUUID().slice(0, 8)}@example.test`}, 'Crew Member')
    RETURNING id`;
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
    VALUES (${world.organizationId}, ${user!.id}, 'STAFF', '', '') RETURNING id`;
  return row!.id;
}

/** an admit check-in nobody has undone yet */
async function newAdmit(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO check_ins (organization_id, event_id, entry_id, kind, admitted, device_id, occurred_at)
    VALUES (${world.organizationId}, ${world.eventId}, ${world.ids.guest_list_entries![0]!}, 'ADMIT', 1, 'door-1', now())
    RETURNING id`;
  return row!.id;
}

/** a show with deal terms that nobody has settled: settling the world's own event would freeze it */
async function newShowWithDeal(sql: Sql, world: World): Promise<string> {
  const date = freshDate();
  const [event] = await sql<{ id: string }[]>`
    INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
    VALUES (${world.organizationId}, ${world.venueId}, 'Late Set', 'Night Shift', ${date},
            ${`${date}T17:00:00Z`}, ${`${date}T18:00:00Z`}, ${`${date}T21:00:00Z`})
    RETURNING id`;
  await sql`
    INSERT INTO deal_terms (organization_id, event_id, deal_type, guarantee_cents)
    VALUES (${world.organizationId}, ${event!.id}, 'FLAT', 250000)`;
  return event!.id;
}

async function newSettlementLine(sql: Sql, world: World): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO settlement_lines (organization_id, event_id, kind, label, quantity, budget_cents, position)
    VALUES (${world.organizationId}, ${world.eventId}, 'EXPENSE', 'Catering', 1, 40000, 50) RETURNING id`;
  return row!.id;
}

/** a date after every envelope's clock (mutation-client.ts) */
const LATER = '2030-01-01T00:00:00Z';

export const argFactories: Readonly<Record<string, ArgFactory>> = {
  'task.create': async (w) => ({ taskId: randomUUID(), eventId: w.eventId, title: `Confirm backline ${next()}` }),
  'task.update': async (w) => ({ taskId: taskId(w), title: `Send advance sheet (v${next()})` }),
  'task.complete': async (w) => ({ taskId: taskId(w) }),
  'task.reopen': async (w) => ({ taskId: taskId(w) }),
  'task.reorder': async (w) => ({ eventId: w.eventId, taskIds: [taskId(w)] }),
  'task.remove': async (w, sql) => ({ taskId: await newTask(sql, w) }),
  'event.update': async (w) => ({ eventId: w.eventId, notes: `Curfew 23:00 (${next()})` }),
  'dealTerms.set': async (w) => ({ eventId: w.eventId, dealTermsId: randomUUID(), guaranteeCents: 1_500_000 + next() }),
  // a show of its own each time: a second send of one event is refused while the first is QUEUED
  'event.sendConfirmation': async (w, sql) => ({ eventId: await newShowWithDeal(sql, w), sendId: randomUUID() }),
  'request.setStatus': async (w, sql) => ({
    requestId: await newRequest(sql, w),
    decisionId: randomUUID(),
    toStatus: 'REVIEW',
  }),
  'request.submit': async (w) => ({
    requestId: randomUUID(),
    venueId: w.venueId,
    name: 'Robin Agent',
    email: 'robin@example.test',
    artist: 'Night Shift',
    eventTitle: `Autumn Run ${next()}`,
    preferredDate: freshDate(),
    startTime: '20:00',
    endTime: '23:00',
    expectedAttendance: 600,
  }),
  'hold.place': async (w) => ({ holdId: randomUUID(), requestId: w.requestId, holdDate: freshDate() }),
  'hold.release': async (w, sql) => ({ holdId: await newHold(sql, w), reason: 'the artist chose another city' }),
  'hold.challenge': async (w, sql) => {
    const date = freshDate();
    await newHold(sql, w, date, 1);
    return { holdId: await newHold(sql, w, date, 2, await newRequest(sql, w)), deadline: LATER };
  },
  'hold.setExpiry': async (w, sql) => ({ holdId: await newHold(sql, w), expiresAt: LATER }),
  'request.convertToEvent': async (w, sql) => {
    // midday UTC is the same day at the test venue (America/Chicago); nobody holds the date
    const date = freshDate();
    return {
      requestId: await newRequest(sql, w, 'APPROVED'),
      eventId: randomUUID(),
      decisionId: randomUUID(),
      title: 'Autumn Run',
      artistName: 'Night Shift',
      doorsAt: `${date}T17:00:00Z`,
      showAt: `${date}T18:00:00Z`,
      endsAt: `${date}T21:00:00Z`,
    };
  },
  'taskTemplate.create': async () => ({
    templateId: randomUUID(),
    title: `Call the fire marshal ${next()}`,
    defaultDueDays: 10,
  }),
  'taskTemplate.update': async (w) => ({ templateId: w.ids.task_templates![0]!, defaultDueDays: 1 + (next() % 300) }),
  'taskTemplate.remove': async (w, sql) => ({ templateId: await newTemplate(sql, w) }),
  'taskTemplate.reorder': async (w, sql) => ({ templateIds: [await newTemplate(sql, w), w.ids.task_templates![0]!] }),
  'guestList.create': async (w) => ({
    id: randomUUID(),
    eventId: w.eventId,
    name: `Press ${next()}`,
    kind: 'MEDIA',
    allotment: 10,
    cutoffAt: null,
  }),
  'guestList.update': async (w) => ({ id: w.ids.guest_lists![0]!, allotment: 40 + (next() % 50) }),
  'guestList.remove': async (w, sql) => ({ id: await newGuestList(sql, w) }),
  'guestEntry.add': async (w) => ({
    id: randomUUID(),
    eventId: w.eventId,
    guestListId: w.ids.guest_lists![0]!,
    guestName: `Alex Guest ${next()}`,
    admitCount: 1,
    note: null,
  }),
  'guestEntry.update': async (w) => ({ id: w.ids.guest_list_entries![0]!, note: `At the side door (${next()})` }),
  'guestEntry.remove': async (w, sql) => ({ id: await newGuestEntry(sql, w) }),
  'checkIn.admit': async (w) => ({
    id: randomUUID(),
    eventId: w.eventId,
    entryId: w.ids.guest_list_entries![0]!,
    admitted: 1,
    deviceId: 'door-2',
    occurredAt: LATER,
  }),
  'checkIn.walkUp': async (w) => ({
    id: randomUUID(),
    eventId: w.eventId,
    admitted: 2,
    deviceId: 'door-2',
    occurredAt: LATER,
  }),
  'checkIn.undo': async (w, sql) => ({
    id: randomUUID(),
    eventId: w.eventId,
    undoesId: await newAdmit(sql, w),
    deviceId: 'door-2',
    occurredAt: LATER,
  }),
  'settlementLine.add': async (w) => ({
    id: randomUUID(),
    eventId: w.eventId,
    kind: 'EXPENSE',
    label: `Runner ${next()}`,
    quantity: 1,
    unitCents: 0,
    budgetCents: 15_000,
    actualCents: null,
  }),
  'settlementLine.update': async (w) => ({ id: w.ids.settlement_lines![0]!, actualCents: 30_000 + next() }),
  'settlementLine.remove': async (w, sql) => ({ id: await newSettlementLine(sql, w) }),
  'settlementLine.reorder': async (w) => ({ eventId: w.eventId, lineIds: [...w.ids.settlement_lines!].reverse() }),
  'event.settle': async (w, sql) => ({ eventId: await newShowWithDeal(sql, w) }),
  'organization.setLocale': async () => ({ locale: freshLocale() }),
  'venue.create': async () => ({
    venueId: randomUUID(),
    name: `The Annex ${next()}`,
    slug: `annex-${next()}`,
    timezone: 'Europe/London',
    capacity: 400,
  }),
  // not the slug: a MANAGER may make this edit
  'venue.update': async (w) => ({ venueId: w.venueId, capacity: 3000 + next() }),
  'venue.archive': async (w, sql) => ({ venueId: await newVenue(sql, w) }),
  // STAFF, which a MANAGER may invite too
  'invitation.create': async () => ({
    invitationId: randomUUID(),
    email: `invitee-${next()}@example.test`,
    role: 'STAFF',
  }),
  'invitation.resend': async (w, sql) => ({ invitationId: await newInvitation(sql, w) }),
  'invitation.revoke': async (w, sql) => ({ invitationId: await newInvitation(sql, w) }),
  'member.setRole': async (w, sql) => ({ membershipId: await newMembership(sql, w), role: 'PROMOTER' }),
  'member.remove': async (w, sql) => ({ membershipId: await newMembership(sql, w) }),
  // someone else's membership: only its own member may leave with it (the caller's own is the
  // test's to give: relay/src/mutations/members.test.ts)
  'member.leave': async (w, sql) => ({ membershipId: await newMembership(sql, w) }),
};

/** Valid arguments for the mutation, or a failure naming the missing factory. */
export function argsFor(name: string, world: World, sql: Sql): Promise<Record<string, unknown>> {
  const factory = argFactories[name];
  if (!factory) throw new Error(`no argument factory for the mutation “${name}”: add one to arg-factories.ts`);
  return factory(world, sql);
}
