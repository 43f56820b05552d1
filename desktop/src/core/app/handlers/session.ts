// Who is signed in, to which relay, with which organization open: sign-in by a mailed code or
// link, sign-out (refused while edits wait, unless the member discards them), choosing another
// organization, and sync's status as the shell shows it.
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { CommandFailure, notFound, notSignedIn } from '../command-failure.js';
import { RelayAuth, type VerifyProof } from '../relay-auth.js';
import { normalizeRelayUrl } from '../relay-url.js';
import type { OutboxCounts } from '../../outbox/index.js';

type SessionCommands = Pick<
  CommandHandlers,
  | 'session.get'
  | 'auth.requestCode'
  | 'auth.verifyCode'
  | 'auth.verifyLink'
  | 'auth.signOut'
  | 'organization.select'
  | 'sync.status'
>;

export function sessionHandlers(ctx: AppContext): SessionCommands {
  /** the sign-in each address last asked for from this app (auth.requestCode), by lower-cased email */
  const signInIds = new Map<string, string>();

  const verify = (proof: VerifyProof) =>
    ctx.exclusively(async () => {
      ctx.transition({ type: 'verify-started' });
      try {
        const viaRelay = ctx.relayUrl;
        const relay = new RelayAuth({ relayUrl: viaRelay, ...ctx.fetchOption() });
        return await ctx.signedIn(await relay.verify(proof, ctx.deviceName), viaRelay);
      } catch (error) {
        // back to where the sign-in began (nothing, once it was verified)
        ctx.transition({ type: 'verify-failed' });
        throw error;
      }
    });

  return {
    'session.get': async () => ctx.sessionState(),
    'auth.requestCode': async ({ relayUrl: asked, email }) => {
      const target = normalizeRelayUrl(asked);
      const relay = new RelayAuth({ relayUrl: target, ...ctx.fetchOption() });
      const { message, signInId } = await relay.requestCode(email, ctx.deviceName);
      // the code typed next answers this sign-in: only this app can use up its tries
      if (signInId) signInIds.set(email.trim().toLowerCase(), signInId);
      else signInIds.delete(email.trim().toLowerCase());
      ctx.lastEmail.write(email);
      ctx.transition({ type: 'code-requested', relayUrl: target });
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
          if (counts.pending > 0 || counts.refused > 0) throw editsWaiting(counts);
        }
        const token = await ctx.options.credentials.get();
        const session = ctx.session;
        if (session && token) {
          await ctx.closeOrganization();
          try {
            await new RelayAuth({ relayUrl: session.relayUrl, ...ctx.fetchOption() }).signOut(token);
          } catch (error) {
            // offline or already revoked: the token is gone from this computer all the same
            ctx.log('sign-out at the relay failed; signing out locally', error);
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
          ctx.transition({ type: 'switch-started', organizationId });
          ctx.remembered.write({ ...ctx.session!, organizationId });
          try {
            await ctx.openOrganization(organizationId);
          } finally {
            ctx.transition({ type: 'switch-finished' });
          }
        }
        ctx.publishSession();
        return ctx.sessionState();
      }),
    'sync.status': async () => ctx.syncStatus,
  };
}

/** signing out would strand edits: say how many, and that they wait on this computer */
function editsWaiting(counts: OutboxCounts): CommandFailure {
  return new CommandFailure(
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
