// Where this device stands with the relay, as a pure reducer: the context (app-context.ts) and
// the session commands (handlers/session.ts) say what happened (SessionEvent), reduceSession
// folds it into SessionMachine, and they act on the phase that results (open or close a
// replica, write session.json, publish session.changed). Nothing here touches disk or network.
//
//   code requested (S1)
//       ┌──┐
//       ▼  │    verify (S2)               verified (S2)
//    signed-out ──────────► signing-in ─────────────────► signed-in ◄── finished ── switching
//     ▲  ▲  │  ◄── failed: back to where it began (S2)     │  │  │                      ▲
//     │  │  └─────────── restored at start (S3) ──────────►┘  │  └───── select (S4) ─────┤
//     │  │                                                    │ organization lost        │
//     │  │                                                    ▼ (S5; absent from a       │
//     │  │                                                 removed   refreshed account, S6)
//     │  │                                                    └─────── select (S4) ──────┘
//     │  └── the relay ends the session: revoked (S7), from any phase with a session
//     └───── the member signs out (S8), from any phase
//
// RULES (session-machine.test.ts cites these):
//  S1 Asking for a code while signed out chooses the relay the sign-in goes to and clears why the
//     member was last signed out; in any other phase it changes nothing (a session keeps its relay).
//  S2 A verification may start in any phase but signing-in, on the session's relay when there is
//     a session, else the relay chosen. While it runs, the device is still where it began (its
//     session, if any, stays usable); failing returns there unchanged, succeeding is signed-in with
//     the session verified.
//  S3 A restore at start (a stored token and a remembered session) is signed-in; only from
//     signed-out.
//  S4 Choosing an organization of the session's, other than the one open, is switching, and the
//     session names it from then on (so it is what is remembered); finishing is signed-in. From
//     signed-in or removed only; an organization the session does not list changes nothing.
//  S5 Losing an organization (the relay answered that the member is no longer in it) drops it from
//     the session's organizations; when it was the one open or being opened, the phase is removed,
//     with no organization open and the reason kept for the screens. Losing one the session does
//     not list changes nothing.
//  S6 A refreshed account replaces the user and the organizations; when the organization open is
//     no longer among them, it was lost (S5) and the phase is removed.
//  S7 The relay ending the session (revoked or expired) is signed-out on the session's relay with
//     the reason; without a session it changes nothing.
//  S8 Signing out by the member is signed-out on the session's relay with no reason, from any
//     phase.
//  S9 Once the device has deleted what it held of the organization removed, the edits that never
//     reached the relay are recorded with the removal, for the screens to list; only in removed,
//     for that organization, once.
// S10 The reducer never changes the state it is given.
import type { UnsentEdit } from '../outbox/index.js';
import type { Account } from './relay-auth.js';
import type { RememberedSession } from './remembered-session.js';

/** why an organization is no longer open on this device, for the screens */
export interface Removal {
  readonly organizationId: string;
  /** the organization's name as last known, to say which one */
  readonly name: string;
  readonly reason: string;
  /** recorded once the replica is deleted (S9) */
  readonly unsentEdits?: readonly UnsentEdit[];
}

export type SessionMachine =
  | { readonly phase: 'signed-out'; readonly relayUrl: string; readonly reason?: string }
  | { readonly phase: 'signing-in'; readonly relayUrl: string; readonly from: Settled }
  | { readonly phase: 'signed-in'; readonly session: RememberedSession }
  | { readonly phase: 'switching'; readonly session: RememberedSession; readonly from: string | null }
  | { readonly phase: 'removed'; readonly session: RememberedSession; readonly removal: Removal };

/** every phase but signing-in: where a sign-in began, and where it returns when it fails */
export type Settled = Exclude<SessionMachine, { phase: 'signing-in' }>;

export type SessionEvent =
  | { readonly type: 'code-requested'; readonly relayUrl: string }
  | { readonly type: 'verify-started' }
  | { readonly type: 'verified'; readonly session: RememberedSession }
  | { readonly type: 'verify-failed' }
  | { readonly type: 'restored'; readonly session: RememberedSession }
  | { readonly type: 'switch-started'; readonly organizationId: string }
  | { readonly type: 'switch-finished' }
  | { readonly type: 'organization-lost'; readonly organizationId: string; readonly reason: string }
  | { readonly type: 'account-refreshed'; readonly account: Account }
  | { readonly type: 'replica-deleted'; readonly organizationId: string; readonly unsentEdits: readonly UnsentEdit[] }
  | { readonly type: 'revoked'; readonly reason: string }
  | { readonly type: 'signed-out' };

export function signedOut(relayUrl: string, reason?: string): Settled {
  return { phase: 'signed-out', relayUrl, ...(reason ? { reason } : {}) };
}

export function reduceSession(state: SessionMachine, event: SessionEvent): SessionMachine {
  switch (event.type) {
    case 'code-requested':
      return state.phase === 'signed-out' ? signedOut(event.relayUrl) : state; // S1
    case 'verify-started':
      if (state.phase === 'signing-in') return state;
      return { phase: 'signing-in', relayUrl: relayOf(state), from: state }; // S2
    case 'verified':
      return state.phase === 'signing-in' ? { phase: 'signed-in', session: event.session } : state;
    case 'verify-failed':
      return state.phase === 'signing-in' ? state.from : state;
    case 'restored':
      return state.phase === 'signed-out' ? { phase: 'signed-in', session: event.session } : state; // S3
    case 'switch-started': {
      if (state.phase !== 'signed-in' && state.phase !== 'removed') return state; // S4
      const { session } = state;
      if (!session.organizations.some((o) => o.id === event.organizationId)) return state;
      if (state.phase === 'signed-in' && session.organizationId === event.organizationId) return state;
      return {
        phase: 'switching',
        session: { ...session, organizationId: event.organizationId },
        from: state.phase === 'signed-in' ? session.organizationId : null,
      };
    }
    case 'switch-finished':
      return state.phase === 'switching' ? { phase: 'signed-in', session: state.session } : state;
    case 'organization-lost':
      return lose(state, event.organizationId, event.reason); // S5
    case 'account-refreshed': {
      if (!hasSession(state)) return state;
      const { user, organizations } = event.account;
      const open = state.session.organizationId;
      if (state.phase !== 'removed' && open && !organizations.some((o) => o.id === open)) {
        // S6: lost while this device was away, named as the session last knew it
        const removed = lose(
          { ...state, session: { ...state.session, user } },
          open,
          noLongerMember(state.session, open),
        );
        return { ...removed, session: { ...sessionOf(removed)!, organizations } } as Settled;
      }
      return { ...state, session: { ...state.session, user, organizations } };
    }
    case 'replica-deleted': {
      if (state.phase !== 'removed' || state.removal.organizationId !== event.organizationId) return state; // S9
      if (state.removal.unsentEdits) return state;
      return { ...state, removal: { ...state.removal, unsentEdits: event.unsentEdits } };
    }
    case 'revoked':
      return hasSession(state) ? signedOut(state.session.relayUrl, event.reason) : state; // S7
    case 'signed-out':
      return signedOut(relayOf(state)); // S8
  }
}

/** the session, where there is one: while signing in, the one the sign-in began from (S2) */
export function sessionOf(state: SessionMachine): RememberedSession | undefined {
  if (state.phase === 'signing-in') return sessionOf(state.from);
  return state.phase === 'signed-out' ? undefined : state.session;
}

/** the relay: the session's, else where the next sign-in goes */
export function relayOf(state: SessionMachine): string {
  if (state.phase === 'signed-out' || state.phase === 'signing-in') return state.relayUrl;
  return state.session.relayUrl;
}

/** the member's words for a removal the relay did not explain */
export function noLongerMember(session: RememberedSession, organizationId: string): string {
  const name = session.organizations.find((o) => o.id === organizationId)?.name ?? 'this organization';
  return `you are no longer a member of ${name}`;
}

function hasSession(state: SessionMachine): state is Exclude<SessionMachine, { phase: 'signed-out' | 'signing-in' }> {
  return state.phase !== 'signed-out' && state.phase !== 'signing-in';
}

function lose(state: SessionMachine, organizationId: string, reason: string): SessionMachine {
  if (state.phase === 'signing-in') return { ...state, from: lose(state.from, organizationId, reason) as Settled };
  if (!hasSession(state)) return state;
  const lost = state.session.organizations.find((o) => o.id === organizationId);
  if (!lost) return state;
  const organizations = state.session.organizations.filter((o) => o.id !== organizationId);
  if (state.phase === 'removed' || state.session.organizationId !== organizationId) {
    return { ...state, session: { ...state.session, organizations } };
  }
  return {
    phase: 'removed',
    session: { ...state.session, organizations, organizationId: null },
    removal: { organizationId, name: lost.name, reason },
  };
}
