import { describe, expect, it } from 'vitest';
import type { RememberedSession } from './remembered-session.js';
import {
  reduceSession,
  relayOf,
  sessionOf,
  signedOut,
  type SessionEvent,
  type SessionMachine,
  type Settled,
} from './session-machine.js';

const RELAY = 'http://relay.test';
const OTHER_RELAY = 'http://other-relay.test';
const user = { id: 'u1', email: 'ana@venue.test', displayName: 'Ana' };
const blueNote = { id: 'org-blue', slug: 'blue-note', name: 'Blue Note', role: 'MANAGER' as const };
const redRoom = { id: 'org-red', slug: 'red-room', name: 'Red Room', role: 'STAFF' as const };
const ana: RememberedSession = {
  relayUrl: RELAY,
  user,
  organizations: [blueNote, redRoom],
  organizationId: blueNote.id,
};

const out = signedOut(RELAY);
const signedIn: Settled = { phase: 'signed-in', session: ana };
const withNone: SessionMachine = { phase: 'signed-in', session: { ...ana, organizationId: null } };
const switching: SessionMachine = {
  phase: 'switching',
  session: { ...ana, organizationId: redRoom.id },
  from: blueNote.id,
};
const removedFromBlue: SessionMachine = {
  phase: 'removed',
  session: { ...ana, organizations: [redRoom], organizationId: null },
  removal: { organizationId: blueNote.id, name: 'Blue Note', reason: 'removed by the owner' },
};

const unsent = {
  mutationId: 'm1',
  name: 'task.update',
  description: 'Rename a task',
  args: { taskId: 't1', title: 'Sound check at 5' },
  at: '2026-06-14T19:00:00.000Z',
};

const run = (start: SessionMachine, events: readonly SessionEvent[]): SessionMachine =>
  events.reduce(reduceSession, start);

interface Case {
  readonly rule: string;
  readonly it: string;
  readonly start: SessionMachine;
  readonly events: readonly SessionEvent[];
  readonly end: SessionMachine;
}

const cases: readonly Case[] = [
  {
    rule: 'S1',
    it: 'asking for a code while signed out chooses the relay and clears the last reason',
    start: signedOut(RELAY, 'signed out: revoked'),
    events: [{ type: 'code-requested', relayUrl: OTHER_RELAY }],
    end: { phase: 'signed-out', relayUrl: OTHER_RELAY },
  },
  {
    rule: 'S1',
    it: 'asking for a code while signed in keeps the session and its relay',
    start: signedIn,
    events: [{ type: 'code-requested', relayUrl: OTHER_RELAY }],
    end: signedIn,
  },
  {
    rule: 'S2',
    it: 'a verification from signed-out signs in on the relay chosen',
    start: out,
    events: [{ type: 'verify-started' }],
    end: { phase: 'signing-in', relayUrl: RELAY, from: out },
  },
  {
    rule: 'S2',
    it: 'a verification while signed in goes to the session’s relay',
    start: signedIn,
    events: [{ type: 'verify-started' }],
    end: { phase: 'signing-in', relayUrl: RELAY, from: signedIn },
  },
  {
    rule: 'S2',
    it: 'a second verification while one runs changes nothing',
    start: out,
    events: [{ type: 'verify-started' }, { type: 'verify-started' }],
    end: { phase: 'signing-in', relayUrl: RELAY, from: out },
  },
  {
    rule: 'S2',
    it: 'a failed verification returns to where it began, reason and all',
    start: signedOut(RELAY, 'signed out: expired'),
    events: [{ type: 'verify-started' }, { type: 'verify-failed' }],
    end: signedOut(RELAY, 'signed out: expired'),
  },
  {
    rule: 'S2',
    it: 'a failed verification while signed in keeps the session',
    start: signedIn,
    events: [{ type: 'verify-started' }, { type: 'verify-failed' }],
    end: signedIn,
  },
  {
    rule: 'S2',
    it: 'a verification that succeeds is signed-in with the session verified',
    start: out,
    events: [{ type: 'verify-started' }, { type: 'verified', session: ana }],
    end: signedIn,
  },
  {
    rule: 'S2',
    it: 'verified without a verification under way changes nothing',
    start: out,
    events: [{ type: 'verified', session: ana }],
    end: out,
  },
  {
    rule: 'S3',
    it: 'a restore at start is signed-in',
    start: out,
    events: [{ type: 'restored', session: ana }],
    end: signedIn,
  },
  {
    rule: 'S3',
    it: 'a restore while a session is open changes nothing',
    start: withNone,
    events: [{ type: 'restored', session: ana }],
    end: withNone,
  },
  {
    rule: 'S4',
    it: 'choosing another organization is switching, and the session names it at once',
    start: signedIn,
    events: [{ type: 'switch-started', organizationId: redRoom.id }],
    end: switching,
  },
  {
    rule: 'S4',
    it: 'a switch that finishes is signed-in with the organization chosen',
    start: signedIn,
    events: [{ type: 'switch-started', organizationId: redRoom.id }, { type: 'switch-finished' }],
    end: { phase: 'signed-in', session: { ...ana, organizationId: redRoom.id } },
  },
  {
    rule: 'S4',
    it: 'choosing the organization already open changes nothing',
    start: signedIn,
    events: [{ type: 'switch-started', organizationId: blueNote.id }],
    end: signedIn,
  },
  {
    rule: 'S4',
    it: 'choosing an organization the session does not list changes nothing',
    start: signedIn,
    events: [{ type: 'switch-started', organizationId: 'org-elsewhere' }],
    end: signedIn,
  },
  {
    rule: 'S4',
    it: 'after a removal, choosing a remaining organization switches from none',
    start: removedFromBlue,
    events: [{ type: 'switch-started', organizationId: redRoom.id }],
    end: {
      phase: 'switching',
      session: { ...ana, organizations: [redRoom], organizationId: redRoom.id },
      from: null,
    },
  },
  {
    rule: 'S4',
    it: 'no switch starts while signed out or while another switch runs',
    start: switching,
    events: [{ type: 'switch-started', organizationId: blueNote.id }],
    end: switching,
  },
  {
    rule: 'S5',
    it: 'losing the organization open is removed, with none open and the reason kept',
    start: signedIn,
    events: [{ type: 'organization-lost', organizationId: blueNote.id, reason: 'removed by the owner' }],
    end: removedFromBlue,
  },
  {
    rule: 'S5',
    it: 'losing the organization being switched to is removed',
    start: switching,
    events: [{ type: 'organization-lost', organizationId: redRoom.id, reason: 'removed' }],
    end: {
      phase: 'removed',
      session: { ...ana, organizations: [blueNote], organizationId: null },
      removal: { organizationId: redRoom.id, name: 'Red Room', reason: 'removed' },
    },
  },
  {
    rule: 'S5',
    it: 'losing another organization drops it from the list and keeps the one open',
    start: signedIn,
    events: [{ type: 'organization-lost', organizationId: redRoom.id, reason: 'removed' }],
    end: { phase: 'signed-in', session: { ...ana, organizations: [blueNote] } },
  },
  {
    rule: 'S5',
    it: 'losing an organization the session does not list changes nothing',
    start: signedIn,
    events: [{ type: 'organization-lost', organizationId: 'org-elsewhere', reason: 'removed' }],
    end: signedIn,
  },
  {
    rule: 'S6',
    it: 'a refreshed account replaces the user and organizations',
    start: signedIn,
    events: [
      {
        type: 'account-refreshed',
        account: { user: { ...user, displayName: 'Ana M.' }, organizations: [{ ...blueNote, role: 'OWNER' }] },
      },
    ],
    end: {
      phase: 'signed-in',
      session: { ...ana, user: { ...user, displayName: 'Ana M.' }, organizations: [{ ...blueNote, role: 'OWNER' }] },
    },
  },
  {
    rule: 'S6',
    it: 'a refreshed account without the organization open is removed from it, by its last known name',
    start: signedIn,
    events: [{ type: 'account-refreshed', account: { user, organizations: [redRoom] } }],
    end: {
      ...removedFromBlue,
      removal: { ...removedFromBlue.removal, reason: 'you are no longer a member of Blue Note' },
    },
  },
  {
    rule: 'S9',
    it: 'deleting the removed organization’s replica records the edits that never reached the relay',
    start: removedFromBlue,
    events: [
      { type: 'replica-deleted', organizationId: blueNote.id, unsentEdits: [unsent] },
      { type: 'replica-deleted', organizationId: blueNote.id, unsentEdits: [] },
    ],
    end: { ...removedFromBlue, removal: { ...removedFromBlue.removal, unsentEdits: [unsent] } },
  },
  {
    rule: 'S9',
    it: 'a replica deleted for another organization, or outside a removal, records nothing',
    start: signedIn,
    events: [
      { type: 'replica-deleted', organizationId: blueNote.id, unsentEdits: [unsent] },
      { type: 'organization-lost', organizationId: blueNote.id, reason: 'removed by the owner' },
      { type: 'replica-deleted', organizationId: redRoom.id, unsentEdits: [unsent] },
    ],
    end: removedFromBlue,
  },
  {
    rule: 'S7',
    it: 'the relay ending the session is signed-out on its relay with the reason',
    start: removedFromBlue,
    events: [{ type: 'revoked', reason: 'signed out: this device was signed out' }],
    end: signedOut(RELAY, 'signed out: this device was signed out'),
  },
  {
    rule: 'S7',
    it: 'the relay ending a session that is not there changes nothing',
    start: out,
    events: [{ type: 'revoked', reason: 'signed out: expired' }],
    end: out,
  },
  {
    rule: 'S8',
    it: 'signing out is signed-out on the session’s relay with no reason',
    start: switching,
    events: [{ type: 'signed-out' }],
    end: out,
  },
  {
    rule: 'S8',
    it: 'signing out while signed out forgets the last reason',
    start: signedOut(OTHER_RELAY, 'signed out: expired'),
    events: [{ type: 'signed-out' }],
    end: signedOut(OTHER_RELAY),
  },
];

describe('session machine', () => {
  it.each(cases)('should follow $rule: $it', ({ start, events, end }) => {
    expect(run(start, events)).toEqual(end);
  });

  it('should keep the session usable while a sign-in runs, and say which relay is meant (S2)', () => {
    const signingIn = reduceSession(signedIn, { type: 'verify-started' });
    expect(sessionOf(signingIn)).toBe(ana);
    expect(relayOf(signingIn)).toBe(RELAY);
    expect(sessionOf(reduceSession(out, { type: 'verify-started' }))).toBeUndefined();
  });

  // Random sequences, from a seed printed on failure, against what holds after any sequence.
  it('should never change the state it is given (S10), and open only organizations the session lists', () => {
    const organizationIds = [blueNote.id, redRoom.id, 'org-elsewhere'];
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      let state: SessionMachine = out;
      for (let step = 1; step <= 40; step++) {
        const event = pick<SessionEvent>([
          { type: 'code-requested', relayUrl: pick([RELAY, OTHER_RELAY]) },
          { type: 'verify-started' },
          { type: 'verified', session: ana },
          { type: 'verify-failed' },
          { type: 'restored', session: ana },
          { type: 'switch-started', organizationId: pick(organizationIds) },
          { type: 'switch-finished' },
          { type: 'organization-lost', organizationId: pick(organizationIds), reason: `lost at ${step}` },
          {
            type: 'account-refreshed',
            account: { user, organizations: [blueNote, redRoom].filter(() => random() < 0.7) },
          },
          { type: 'replica-deleted', organizationId: pick(organizationIds), unsentEdits: [] },
          { type: 'revoked', reason: `revoked at ${step}` },
          { type: 'signed-out' },
        ]);
        const before = structuredClone(state);
        const next = reduceSession(state, event);
        const where = `seed ${seed} step ${step} (${event.type})`;
        expect(state, `${where}: the given state changed`).toEqual(before);
        state = next;
        const session = sessionOf(state);
        if (session?.organizationId) {
          expect(
            session.organizations.map((o) => o.id),
            where,
          ).toContain(session.organizationId);
        }
        if (state.phase === 'removed') expect(state.session.organizationId, where).toBeNull();
      }
    }
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
