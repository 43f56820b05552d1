// The desktop app behind the command map: who is signed in to which relay, which organization
// is open, its replica on disk (<dataDir>/<organizationId>) and the sync session that keeps it
// current. Plain Node: the Electron main process and the browser dev host both drive it through
// dispatch().
//
//   signed-out ──verify code/link──► signed-in, first organization open, sync running
//       ▲                                 │  organization.select: close one replica, open another
//       └──── sign-out / relay refuses ───┘  (the replica stays on disk for the next sign-in)
//
// At start with a stored token and a remembered organization, the replica opens at once and
// reads work before (or without) the relay answering.
import type { BackoffOptions } from '@electric-sql/client';
import type { EventName, EventPayload, Outcome } from '../../common/command-map.js';
import { AppEvents, type AnyEventListener } from './app-events.js';
import { CommandFailure, notFound, notSignedIn } from './command-failure.js';
import type { CredentialStore } from './credential-store.js';
import { createDispatch, type CommandHandlers } from './dispatch.js';
import { RelayAuth, type VerifiedSession, type VerifyProof } from './relay-auth.js';
import { LastSignInEmail } from './last-sign-in-email.js';
import { RememberedSessionFile, type RememberedSession } from './remembered-session.js';
import { syncStatusView, type SyncStatusView } from './sync-status-view.js';
import { calendarMonth, calendarRange } from './queries/calendar-month.js';
import { eventDetail } from './queries/event-detail.js';
import { holdsOnDate } from './queries/holds.js';
import { requestDetail } from './queries/request-detail.js';
import { listRequests } from './queries/request-list.js';
import { listTaskTemplates } from './queries/task-templates.js';
import { listVenues } from './queries/venues.js';
import { organizationSettings } from './queries/organization.js';
import { showDay } from './queries/show-day.js';
import { guestListDoor } from './queries/guest-list.js';
import { doorCount } from './queries/door-count.js';
import { settlementSheet } from './queries/settlement-sheet.js';
import { MutationRefused, type Outbox, type OutboxCounts } from '../outbox/index.js';
import { OpenOrganization } from './open-organization.js';
import { deliveryProblemCommands } from '../delivery/delivery-problem-commands.js';
import { auditCommands } from '../audit/audit-commands.js';
import { noteCommands } from '../notes/note-commands.js';
import { documentCommands, type DocumentFiles } from '../documents/document-commands.js';

export interface DesktopAppOptions {
  /** the relay to sign in to until the member names another (auth.requestCode) */
  readonly relayUrl: string;
  /** holds session.json and one replica directory per organization */
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  /** shown in the sign-in mail and the member's list of sessions */
  readonly deviceName?: string;
  /** the sign-in form's email until this device has used one (`npm start`: the demo owner) */
  readonly suggestedEmail?: string;
  readonly fetch?: typeof fetch;
  /** sync's retry pacing (tests shorten it) */
  readonly backoff?: Partial<BackoffOptions>;
  /** the outbox's upload retry pacing (tests shorten it) */
  readonly uploadBackoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly log?: (message: string, error?: unknown) => void;
  /** the host's save dialog and PDF viewer for documents.save / .open (the Electron shell); else the renderer's browser */
  readonly documentFiles?: DocumentFiles;
}

export interface DesktopApp {
  dispatch(name: string, rawArgs: unknown): Promise<Outcome<unknown>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  onAny(listener: AnyEventListener): () => void;
  /** stops sync and closes the replica; the token and the replica stay for the next start */
  close(): Promise<void>;
}

type SessionState = EventPayload<'session.changed'>;

export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const log = options.log ?? ((message, error) => console.error(`[desktop] ${message}`, error ?? ''));
  const deviceName = options.deviceName ?? 'PromoterOS desktop';
  const events = new AppEvents();
  const remembered = new RememberedSessionFile(options.dataDir);
  const lastEmail = new LastSignInEmail(options.dataDir);
  let relayUrl = normalizeRelayUrl(options.relayUrl);
  let session: RememberedSession | undefined;
  let signedOutReason: string | undefined;
  let open: OpenOrganization | undefined;
  let syncStatus: SyncStatusView = { phase: 'signed-out' };
  let outboxCounts: OutboxCounts = { pending: 0, refused: 0 };
  let closed = false;
  const background = new Set<Promise<void>>();

  // Session changes (sign-in, sign-out, switching organization, closing) run one at a time.
  let serial: Promise<unknown> = Promise.resolve();
  const exclusively = <T>(work: () => Promise<T>): Promise<T> => {
    const next = serial.then(work, work);
    serial = next.catch(() => {});
    return next;
  };

  const sessionState = (): SessionState =>
    session
      ? {
          state: 'signed-in',
          relayUrl: session.relayUrl,
          user: session.user,
          organizations: session.organizations,
          organizationId: session.organizationId,
        }
      : {
          state: 'signed-out',
          relayUrl,
          ...(signedOutReason ? { reason: signedOutReason } : {}),
          ...signInEmail(),
        };

  const signInEmail = (): { email?: string } => {
    const email = lastEmail.read() ?? options.suggestedEmail;
    return email ? { email } : {};
  };

  const publishSession = () => events.emit('session.changed', sessionState());
  const publishSync = (status: SyncStatusView) => {
    const { pendingChanges: _previous, ...rest } = status;
    syncStatus = { ...rest, ...(outboxCounts.pending > 0 ? { pendingChanges: outboxCounts.pending } : {}) };
    events.emit('sync.status', syncStatus);
  };
  const publishOutbox = (counts: OutboxCounts) => {
    outboxCounts = counts;
    events.emit('outbox.changed', counts);
    publishSync(syncStatus);
  };

  async function openOrganization(organizationId: string): Promise<void> {
    await closeOrganization();
    const known = session!;
    const organization = await OpenOrganization.open({
      dataDir: options.dataDir,
      organizationId,
      relayUrl: known.relayUrl,
      userId: known.user.id,
      role: () => session?.organizations.find((o) => o.id === organizationId)?.role,
      getToken: async () => (await options.credentials.get()) ?? undefined,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.uploadBackoff ? { uploadBackoff: options.uploadBackoff } : {}),
      log,
      events,
      onOutboxCounts: publishOutbox,
      onSyncStatus: (status) => publishSync(syncStatusView(status)),
      onSignedOut: sessionEnded,
    });
    open = organization;
    organization.start();
    publishOutbox(await organization.outbox.counts());
    publishSync(syncStatusView(organization.sync.status));
  }

  async function closeOrganization(): Promise<void> {
    const closing = open;
    open = undefined;
    await closing?.close();
  }

  /** forget the session locally: the token, what was remembered, the open replica (not its files) */
  async function forgetSession(reason?: string): Promise<void> {
    await closeOrganization();
    await options.credentials.delete();
    remembered.forget();
    if (session) relayUrl = session.relayUrl;
    session = undefined;
    signedOutReason = reason;
    publishSync({ phase: 'signed-out', ...(reason ? { reason } : {}) });
    publishSession();
  }

  /** the relay refused the token (revoked or expired elsewhere): back to the sign-in screen */
  function sessionEnded(reason: string): void {
    track(
      exclusively(async () => {
        if (session && !closed) await forgetSession(`signed out: ${reason}`);
      }),
    );
  }

  function track(work: Promise<void>): void {
    const done = work
      .catch((error: unknown) => log('background session work failed', error))
      .finally(() => background.delete(done));
    background.add(done);
  }

  async function signedIn(verified: VerifiedSession, viaRelay: string): Promise<SessionState> {
    await closeOrganization();
    await options.credentials.set(verified.sessionToken);
    const previous = remembered.read();
    // the same member on the same relay gets back the organization they had open
    const keep =
      previous?.relayUrl === viaRelay &&
      previous.user.id === verified.user.id &&
      verified.organizations.some((o) => o.id === previous.organizationId);
    session = {
      relayUrl: viaRelay,
      user: verified.user,
      organizations: verified.organizations,
      organizationId: keep ? previous.organizationId : (verified.organizations[0]?.id ?? null),
    };
    signedOutReason = undefined;
    remembered.write(session);
    lastEmail.write(verified.user.email);
    if (session.organizationId) await openOrganization(session.organizationId);
    else publishSync({ phase: 'idle', reason: 'this account belongs to no organization yet' });
    publishSession();
    return sessionState();
  }

  const verify = (proof: VerifyProof) =>
    exclusively(async () => {
      const viaRelay = relayUrl;
      const verified = await new RelayAuth({ relayUrl: viaRelay, ...fetchOption() }).verify(proof, deviceName);
      return signedIn(verified, viaRelay);
    });

  /** the sign-in each address last asked for from this app (auth.requestCode), by lower-cased email */
  const signInIds = new Map<string, string>();

  const fetchOption = () => (options.fetch ? { fetch: options.fetch } : {});

  /** the open replica for a read, or why there is none */
  function reading(): OpenOrganization {
    if (!session) throw notSignedIn();
    if (!open) {
      throw session.organizationId
        ? new CommandFailure('internal', 'the organization is still opening; try again')
        : notFound('choose an organization first');
    }
    return open;
  }

  /** refresh who the member is and their organizations, when the relay answers; reads never wait for it */
  function refreshAccount(token: string): void {
    const known = session!;
    track(
      new RelayAuth({ relayUrl: known.relayUrl, ...fetchOption() }).account(token).then(
        (account) =>
          exclusively(async () => {
            if (session !== known || closed) return;
            session = { ...known, ...account };
            remembered.write(session);
            publishSession();
          }),
        (error: unknown) => {
          if (error instanceof CommandFailure && error.code === 'not_signed_in') sessionEnded(error.message);
          // offline: keep what was remembered; sync reports the relay's absence
        },
      ),
    );
  }

  const handlers: CommandHandlers = {
    'session.get': async () => sessionState(),
    'auth.requestCode': async ({ relayUrl: asked, email }) => {
      const target = normalizeRelayUrl(asked);
      const { message, signInId } = await new RelayAuth({ relayUrl: target, ...fetchOption() }).requestCode(
        email,
        deviceName,
      );
      // the code typed next answers this sign-in: only this app can use up its tries
      if (signInId) signInIds.set(email.trim().toLowerCase(), signInId);
      else signInIds.delete(email.trim().toLowerCase());
      lastEmail.write(email);
      if (!session) {
        relayUrl = target;
        signedOutReason = undefined;
      }
      return { message };
    },
    'auth.verifyCode': ({ email, code }) => {
      const signInId = signInIds.get(email.trim().toLowerCase());
      return verify(signInId ? { email, code, signInId } : { email, code });
    },
    'auth.verifyLink': ({ token }) => verify({ token }),
    'auth.signOut': ({ discardPending }) =>
      exclusively(async () => {
        if (open && !discardPending) {
          const counts = await open.outbox.counts();
          if (counts.pending > 0 || counts.refused > 0) {
            throw new CommandFailure(
              'pending_changes',
              [
                counts.pending === 1 ? '1 edit has not reached the relay yet' : '',
                counts.pending > 1 ? `${counts.pending} edits have not reached the relay yet` : '',
                counts.refused === 1 ? '1 refused edit is waiting for you' : '',
                counts.refused > 1 ? `${counts.refused} refused edits are waiting for you` : '',
              ]
                .filter(Boolean)
                .join(' and ') + '. They stay on this computer and upload at your next sign-in here.',
              { pending: String(counts.pending), refused: String(counts.refused) },
            );
          }
        }
        const token = await options.credentials.get();
        if (session && token) {
          await closeOrganization();
          try {
            await new RelayAuth({ relayUrl: session.relayUrl, ...fetchOption() }).signOut(token);
          } catch (error) {
            // offline or already revoked: the token is gone from this computer all the same
            log('sign-out at the relay failed; signing out locally', error);
          }
        }
        await forgetSession();
        return sessionState();
      }),
    'organization.select': ({ organizationId }) =>
      exclusively(async () => {
        if (!session) throw notSignedIn();
        if (!session.organizations.some((o) => o.id === organizationId)) {
          throw notFound(`you are not a member of organization ${organizationId}`);
        }
        if (open?.organizationId !== organizationId) {
          session = { ...session, organizationId };
          remembered.write(session);
          await openOrganization(organizationId);
        }
        publishSession();
        return sessionState();
      }),
    'sync.status': async () => syncStatus,
    'venues.list': async () => {
      const { replica, organizationId } = reading();
      return listVenues(replica, organizationId);
    },
    'organization.get': async () => {
      const { replica, organizationId } = reading();
      return organizationSettings(replica, organizationId);
    },
    'calendar.month': async (args) => {
      const { replica, organizationId } = reading();
      return calendarMonth(replica, organizationId, args);
    },
    'calendar.range': async (args) => {
      const { replica, organizationId } = reading();
      return calendarRange(replica, organizationId, args);
    },
    'events.get': async ({ eventId }) => {
      const { replica, organizationId } = reading();
      return eventDetail(replica, organizationId, eventId);
    },
    'requests.list': async (args) => {
      const { replica, organizationId } = reading();
      return listRequests(replica, organizationId, args);
    },
    'requests.get': async ({ requestId }) => {
      const { replica, organizationId } = reading();
      return requestDetail(replica, organizationId, requestId);
    },
    'holds.onDate': async ({ venueId, date }) => {
      const { replica, organizationId } = reading();
      return holdsOnDate(replica, organizationId, venueId, date);
    },
    'taskTemplates.list': async () => {
      const { replica, organizationId } = reading();
      return listTaskTemplates(replica, organizationId);
    },
    'search.query': async ({ text, limit }) => {
      return reading().search.search(text, limit);
    },
    'showDay.get': async (args) => {
      const { replica, organizationId } = reading();
      return showDay(replica, organizationId, args);
    },
    'guestList.get': async ({ eventId }) => {
      const { replica, organizationId } = reading();
      return guestListDoor(replica, organizationId, eventId);
    },
    'doorCount.get': async ({ eventId }) => {
      const { replica, organizationId } = reading();
      return doorCount(replica, organizationId, eventId);
    },
    'settlement.get': async ({ eventId }) => {
      const { replica, organizationId } = reading();
      return settlementSheet(replica, organizationId, eventId);
    },
    'mutation.run': ({ name, args }) => editing((outbox) => outbox.run(name, args)),
    'outbox.counts': () => editing((outbox) => outbox.counts()),
    'outbox.needsAttention': () => editing((outbox) => outbox.needsAttention()),
    'outbox.retry': ({ mutationId, args }) => editing((outbox) => outbox.retry(mutationId, args)),
    'outbox.discard': ({ mutationId }) => editing(async (outbox) => (await outbox.discard(mutationId), {})),
    ...deliveryProblemCommands(() => {
      const { organizationId } = reading();
      return {
        organizationId,
        relayUrl: session!.relayUrl,
        getToken: async () => (await options.credentials.get()) ?? undefined,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        role: session?.organizations.find((o) => o.id === organizationId)?.role,
      };
    }),
    ...auditCommands(() => {
      const { organizationId } = reading();
      return {
        organizationId,
        relayUrl: session!.relayUrl,
        getToken: async () => (await options.credentials.get()) ?? undefined,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        role: session?.organizations.find((o) => o.id === organizationId)?.role,
      };
    }),
    ...documentCommands(() => {
      const { organizationId, replica } = reading();
      return {
        organizationId,
        replica,
        relayUrl: session!.relayUrl,
        getToken: async () => (await options.credentials.get()) ?? undefined,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.documentFiles ? { files: options.documentFiles } : {}),
        role: session?.organizations.find((o) => o.id === organizationId)?.role,
      };
    }),
    ...noteCommands(() => {
      const { organizationId, replica, notes } = reading();
      const role = session?.organizations.find((o) => o.id === organizationId)?.role;
      return { organizationId, replica, notes, role };
    }),
  };

  /** an outbox command on the open organization, its refusals as command errors */
  async function editing<T>(work: (outbox: Outbox) => Promise<T>): Promise<T> {
    const { outbox } = reading();
    try {
      return await work(outbox);
    } catch (error) {
      if (!(error instanceof MutationRefused)) throw error;
      const code = error.code === 'unknown_mutation' ? 'invalid_arguments' : error.code;
      throw new CommandFailure(code, error.message, error.details);
    }
  }

  // start: a stored token and a remembered organization open the replica before any network
  const token = await options.credentials.get();
  const previous = remembered.read();
  if (token && previous) {
    session = previous;
    relayUrl = previous.relayUrl;
    if (previous.organizationId) await openOrganization(previous.organizationId);
    else publishSync({ phase: 'idle' });
    refreshAccount(token);
  } else if (previous) {
    // remembered without a token: the keychain lost it, or it was cleared; sign in again
    relayUrl = previous.relayUrl;
    remembered.forget();
  }

  const dispatch = createDispatch(handlers, { log });
  return {
    dispatch,
    on: (name, listener) => events.on(name, listener),
    onAny: (listener) => events.onAny(listener),
    close: () =>
      exclusively(async () => {
        closed = true;
        await closeOrganization();
      }).then(async () => {
        await Promise.allSettled([...background]);
      }),
  };
}

/** a relay address as typed: http(s) only, no trailing slash */
function normalizeRelayUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CommandFailure('invalid_arguments', `${value} is not a relay address`, { relayUrl: 'must be a URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CommandFailure('invalid_arguments', `the relay address must start with http:// or https://`, {
      relayUrl: 'must be an http or https URL',
    });
  }
  return url.toString().replace(/\/+$/, '');
}
