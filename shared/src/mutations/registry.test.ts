import { describe, expect, expectTypeOf, it } from 'vitest';
import { roles } from '../roles.js';
import type { MutationDefinition } from './define.js';
import * as everything from './index.js';
import {
  findMutation,
  isMutationName,
  mutationNames,
  mutations,
  type MutationArgs,
  type MutationCall,
  type MutationName,
} from './registry.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A valid example of each mutation's arguments: a new mutation must add one here (or not compile). */
const examples: { readonly [Name in MutationName]: MutationArgs<Name> } = {
  'task.create': { taskId: id(1), eventId: id(2), title: 'Send the advance' },
  'task.update': { taskId: id(1), title: 'Send the advance today' },
  'task.complete': { taskId: id(1) },
  'task.reopen': { taskId: id(1) },
  'task.reorder': { eventId: id(2), taskIds: [id(1)] },
  'task.remove': { taskId: id(1) },
  'event.update': { eventId: id(2), title: 'Summer Night' },
  'dealTerms.set': { eventId: id(2), dealTermsId: id(3), dealType: 'FLAT', guaranteeCents: 100000 },
  'request.setStatus': { requestId: id(4), decisionId: id(5), toStatus: 'DECLINED', note: 'the date is taken' },
  'request.submit': {
    requestId: id(4),
    venueId: id(9),
    name: 'Robin Agent',
    email: 'robin@example.test',
    artist: 'Night Shift',
    eventTitle: 'Autumn Run',
    preferredDate: '2027-09-01',
    startTime: '20:00',
    endTime: '23:00',
    expectedAttendance: 600,
  },
  'hold.place': { holdId: id(6), requestId: id(4), holdDate: '2026-07-03' },
  'hold.release': { holdId: id(6) },
  'hold.challenge': { holdId: id(6), deadline: '2026-06-20T17:00:00Z' },
  'hold.setExpiry': { holdId: id(6), expiresAt: '2026-06-20T17:00:00Z' },
  'request.convertToEvent': {
    requestId: id(4),
    eventId: id(7),
    decisionId: id(5),
    title: 'Summer Night',
    artistName: 'The Test Pattern',
    doorsAt: '2026-07-03T23:00:00Z',
    showAt: '2026-07-04T00:00:00Z',
    endsAt: '2026-07-04T03:00:00Z',
  },
  'event.sendConfirmation': { eventId: id(7), sendId: id(11) },
  'taskTemplate.create': { templateId: id(8), title: 'Send the advance', defaultDueDays: 14 },
  'taskTemplate.update': { templateId: id(8), defaultDueDays: 10 },
  'taskTemplate.remove': { templateId: id(8) },
  'taskTemplate.reorder': { templateIds: [id(8)] },
  'guestList.create': {
    id: id(10),
    eventId: id(2),
    name: 'Band guests',
    kind: 'ARTIST',
    allotment: 20,
    cutoffAt: null,
  },
  'guestList.update': { id: id(10), allotment: 30 },
  'guestList.remove': { id: id(10) },
  'guestEntry.add': {
    id: id(11),
    eventId: id(2),
    guestListId: id(10),
    guestName: 'Sam Plusone',
    admitCount: 2,
    note: null,
  },
  'guestEntry.update': { id: id(11), admitCount: 3 },
  'guestEntry.remove': { id: id(11) },
  'checkIn.admit': {
    id: id(12),
    eventId: id(2),
    entryId: id(11),
    admitted: 2,
    deviceId: 'door-1',
    occurredAt: '2026-07-04T01:00:00Z',
  },
  'checkIn.walkUp': { id: id(13), eventId: id(2), admitted: 1, deviceId: 'door-1', occurredAt: '2026-07-04T01:00:00Z' },
  'checkIn.undo': {
    id: id(14),
    eventId: id(2),
    undoesId: id(12),
    deviceId: 'door-1',
    occurredAt: '2026-07-04T01:01:00Z',
  },
  'settlementLine.add': {
    id: id(15),
    eventId: id(2),
    kind: 'EXPENSE',
    label: 'Security',
    quantity: 1,
    unitCents: 0,
    budgetCents: 30000,
    actualCents: null,
  },
  'settlementLine.update': { id: id(15), actualCents: 41000 },
  'settlementLine.remove': { id: id(15) },
  'settlementLine.reorder': { eventId: id(2), lineIds: [id(15)] },
  'event.settle': { eventId: id(2) },
  'organization.setLocale': { locale: 'en-GB' },
  'venue.create': { venueId: id(13), name: 'The Annex', slug: 'annex', timezone: 'Europe/London', capacity: 400 },
  'venue.update': { venueId: id(13), capacity: 450 },
  'venue.archive': { venueId: id(13) },
  'invitation.create': { invitationId: id(14), email: 'Sam@Example.test', role: 'STAFF' },
  'invitation.resend': { invitationId: id(14) },
  'invitation.revoke': { invitationId: id(14) },
  'member.setRole': { membershipId: id(15), role: 'PROMOTER' },
  'member.remove': { membershipId: id(15) },
  'member.leave': { membershipId: id(15) },
};

const isDefinition = (value: unknown): value is MutationDefinition =>
  typeof value === 'object' && value !== null && 'name' in value && 'plan' in value && 'args' in value;

describe('the mutation registry', () => {
  it('should register every mutation the package exports, each under its own name', () => {
    const exported = (Object.values(everything) as unknown[]).filter(isDefinition);
    expect(new Set(exported.map((m) => m.name)).size).toBe(exported.length);
    for (const definition of exported) expect(findMutation(definition.name)).toBe(definition);
    expect(mutationNames).toHaveLength(exported.length);
  });

  it('should give every mutation a minimum role and words for a valid example', () => {
    for (const name of mutationNames) {
      const definition: MutationDefinition = mutations[name];
      expect(definition.name).toBe(name);
      expect(roles).toContain(definition.minimumRole);
      expect(examples, `an example for ${name}`).toHaveProperty([name]);
      const args = definition.args.parse(examples[name]);
      expect(definition.describe(args).trim(), name).not.toBe('');
    }
  });

  it('should find no mutation under an unknown name, nor under a name every object has', () => {
    for (const name of ['event.delete', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(findMutation(name), name).toBeUndefined();
      expect(isMutationName(name), name).toBe(false);
    }
    expect(isMutationName('task.complete')).toBe(true);
  });
});

// Checked by the type check (tsc -b): each @ts-expect-error line must fail to compile, or the
// type check fails on the unused directive.
describe('the registry’s types', () => {
  it('should know the mutations by name, each with its own arguments', () => {
    expectTypeOf<'task.complete'>().toExtend<MutationName>();
    expectTypeOf<'task.teleport'>().not.toExtend<MutationName>();
    expectTypeOf<MutationArgs<'task.complete'>>().toEqualTypeOf<{ taskId: string }>();
    expectTypeOf<MutationArgs<'hold.release'>>().toEqualTypeOf<{
      holdId: string;
      reason?: string | null | undefined;
    }>();

    const complete: MutationCall = { name: 'task.complete', args: { taskId: id(1) } };
    // @ts-expect-error: no mutation has this name
    const teleport: MutationCall = { name: 'task.teleport', args: { taskId: id(1) } };
    // @ts-expect-error: task.complete names a task, not an event
    const mixedUp: MutationCall = { name: 'task.complete', args: { eventId: id(2) } };
    // @ts-expect-error: a task id is text
    const wrongType: MutationCall = { name: 'task.complete', args: { taskId: 1 } };
    expect([complete, teleport, mixedUp, wrongType].map((call) => call.name)).toEqual([
      'task.complete',
      'task.teleport',
      'task.complete',
      'task.complete',
    ]);
  });
});
