// The desktop app behind the command map: the shared context (app-context.ts: the session, the
// open organization, the events pushed to the screens) and every command's handler. Plain Node:
// the Electron main process and the browser dev host both drive it through dispatch().
import type { EventName, EventPayload, Outcome } from '../../common/command-map.js';
import { type AnyEventListener } from './app-events.js';
import { AppContext } from './app-context.js';
import { CommandFailure, notFound, notSignedIn } from './command-failure.js';
import type { DesktopAppOptions } from './desktop-app-options.js';
import { createDispatch, type CommandHandlers } from './dispatch.js';
import { RelayAuth, type VerifyProof } from './relay-auth.js';
import { normalizeRelayUrl } from './relay-url.js';
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
import { MutationRefused, type Outbox } from '../outbox/index.js';
import { deliveryProblemCommands } from '../delivery/delivery-problem-commands.js';
import { auditCommands } from '../audit/audit-commands.js';
import { noteCommands } from '../notes/note-commands.js';
import { documentCommands } from '../documents/document-commands.js';

export type { DesktopAppOptions } from './desktop-app-options.js';

export interface DesktopApp {
  dispatch(name: string, rawArgs: unknown): Promise<Outcome<unknown>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  onAny(listener: AnyEventListener): () => void;
  /** stops sync and closes the replica; the token and the replica stay for the next start */
  close(): Promise<void>;
}

export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const ctx = new AppContext(options);
  const { log, deviceName } = ctx;
  const reading = () => ctx.reading();
  const fetchOption = () => ctx.fetchOption();

  const verify = (proof: VerifyProof) =>
    ctx.exclusively(async () => {
      const viaRelay = ctx.relayUrl;
      const verified = await new RelayAuth({ relayUrl: viaRelay, ...fetchOption() }).verify(proof, deviceName);
      return ctx.signedIn(verified, viaRelay);
    });

  /** the sign-in each address last asked for from this app (auth.requestCode), by lower-cased email */
  const signInIds = new Map<string, string>();

  const handlers: CommandHandlers = {
    'session.get': async () => ctx.sessionState(),
    'auth.requestCode': async ({ relayUrl: asked, email }) => {
      const target = normalizeRelayUrl(asked);
      const { message, signInId } = await new RelayAuth({ relayUrl: target, ...fetchOption() }).requestCode(
        email,
        deviceName,
      );
      // the code typed next answers this sign-in: only this app can use up its tries
      if (signInId) signInIds.set(email.trim().toLowerCase(), signInId);
      else signInIds.delete(email.trim().toLowerCase());
      ctx.lastEmail.write(email);
      if (!ctx.session) {
        ctx.relayUrl = target;
        ctx.signedOutReason = undefined;
      }
      return { message };
    },
    'auth.verifyCode': ({ email, code }) => {
      const signInId = signInIds.get(email.trim().toLowerCase());
      return verify(signInId ? { email, code, signInId } : { email, code });
    },
    'auth.verifyLink': ({ token }) => verify({ token }),
    'auth.signOut': ({ discardPending }) =>
      ctx.exclusively(async () => {
        const open = ctx.open;
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
        const session = ctx.session;
        if (session && token) {
          await ctx.closeOrganization();
          try {
            await new RelayAuth({ relayUrl: session.relayUrl, ...fetchOption() }).signOut(token);
          } catch (error) {
            // offline or already revoked: the token is gone from this computer all the same
            log('sign-out at the relay failed; signing out locally', error);
          }
        }
        await ctx.forgetSession();
        return ctx.sessionState();
      }),
    'organization.select': ({ organizationId }) =>
      ctx.exclusively(async () => {
        const session = ctx.session;
        if (!session) throw notSignedIn();
        if (!session.organizations.some((o) => o.id === organizationId)) {
          throw notFound(`you are not a member of organization ${organizationId}`);
        }
        if (ctx.open?.organizationId !== organizationId) {
          ctx.session = { ...session, organizationId };
          ctx.remembered.write(ctx.session);
          await ctx.openOrganization(organizationId);
        }
        ctx.publishSession();
        return ctx.sessionState();
      }),
    'sync.status': async () => ctx.syncStatus,
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
        relayUrl: ctx.session!.relayUrl,
        getToken: async () => (await options.credentials.get()) ?? undefined,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        role: ctx.session?.organizations.find((o) => o.id === organizationId)?.role,
      };
    }),
    ...auditCommands(() => {
      const { organizationId } = reading();
      return {
        organizationId,
        relayUrl: ctx.session!.relayUrl,
        getToken: async () => (await options.credentials.get()) ?? undefined,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        role: ctx.session?.organizations.find((o) => o.id === organizationId)?.role,
      };
    }),
    ...documentCommands(() => {
      const { organizationId, replica } = reading();
      return {
        organizationId,
        replica,
        relayUrl: ctx.session!.relayUrl,
        getToken: async () => (await options.credentials.get()) ?? undefined,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.documentFiles ? { files: options.documentFiles } : {}),
        role: ctx.session?.organizations.find((o) => o.id === organizationId)?.role,
      };
    }),
    ...noteCommands(() => {
      const { organizationId, replica, notes } = reading();
      const role = ctx.session?.organizations.find((o) => o.id === organizationId)?.role;
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

  await ctx.restore();
  const dispatch = createDispatch(handlers, { log });
  return {
    dispatch,
    on: (name, listener) => ctx.events.on(name, listener),
    onAny: (listener) => ctx.events.onAny(listener),
    close: () => ctx.close(),
  };
}
