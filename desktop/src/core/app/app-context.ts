// What every command handler shares (handlers/*.ts each receive it): who is signed in to which
// relay, the organization open on this device, what the screens were last told about sync and
// the outbox, and the one lane in which session changes run.
//
// Where the device stands (signed out, signing in, signed in, switching organization, removed
// from one) is session-machine.ts's reducer: each change here is an event given to it
// (`transition`), and the replica opened or closed follows the phase it answers. A signed-out
// or switched-away replica stays on disk for the next sign-in.
//
// At start with a stored token and a remembered organization, the replica opens at once and
// reads work before (or without) the relay answering (`restore`).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '@promoteros/shared';
import type { SignalPayload } from '../../common/command-map.js';
import type { OutboxCounts } from '../outbox/index.js';
import { AppSignals } from './app-signals.js';
import { CommandFailure, notFound, notSignedIn } from './command-failure.js';
import type { DesktopAppOptions } from './desktop-app-options.js';
import { OpenOrganization } from './open-organization.js';
import { RelayAuth, type VerifiedSession } from './relay-auth.js';
import { LastSignInEmail } from './last-sign-in-email.js';
import { normalizeRelayUrl } from './relay-url.js';
import { RememberedSessionFile, type RememberedSession } from './remembered-session.js';
import {
  reduceSession,
  relayOf,
  sessionOf,
  signedOut,
  type Removal,
  type SessionEvent,
  type SessionMachine,
} from './session-machine.js';
import { syncStatusView, type SyncStatusView } from './sync-status-view.js';

export type SessionState = SignalPayload<'session.changed'>;

/** what a command that calls the relay for the open organization needs */
export interface RelayAccess {
  readonly organizationId: string;
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  /** the member's role in the open organization, as last known */
  readonly role: Role | undefined;
}

export class AppContext {
  readonly signals = new AppSignals();
  readonly remembered: RememberedSessionFile;
  /** the email this device last signed in with, for the sign-in form */
  readonly lastEmail: LastSignInEmail;
  readonly log: (message: string, error?: unknown) => void;
  readonly deviceName: string;
  #machine: SessionMachine;
  #open: OpenOrganization | undefined;
  #syncStatus: SyncStatusView = { phase: 'signed-out' };
  #outboxCounts: OutboxCounts = { pending: 0, refused: 0 };
  #closed = false;
  #checkingAccount = false;
  readonly #background = new Set<Promise<void>>();
  #serial: Promise<unknown> = Promise.resolve();

  constructor(readonly options: DesktopAppOptions) {
    this.log = options.log ?? ((message, error) => console.error(`[desktop] ${message}`, error ?? ''));
    this.deviceName = options.deviceName ?? 'PromoterOS desktop';
    this.remembered = new RememberedSessionFile(options.dataDir);
    this.lastEmail = new LastSignInEmail(options.dataDir);
    this.#machine = signedOut(normalizeRelayUrl(options.relayUrl));
  }

  /** where the device stands with the relay (session-machine.ts) */
  get machine(): SessionMachine {
    return this.#machine;
  }

  /** what happened to the session: the phase it leads to is the one the app acts on */
  transition(event: SessionEvent): SessionMachine {
    this.#machine = reduceSession(this.#machine, event);
    return this.#machine;
  }

  /** where the next sign-in goes; while signed in, the session's relay */
  get relayUrl(): string {
    return relayOf(this.#machine);
  }

  /** who is signed in, their organizations and the one chosen; undefined while signed out */
  get session(): RememberedSession | undefined {
    return sessionOf(this.#machine);
  }

  /** the organization open now, if any (reads go through `reading` instead) */
  get open(): OpenOrganization | undefined {
    return this.#open;
  }

  get syncStatus(): SyncStatusView {
    return this.#syncStatus;
  }

  /** Session changes (sign-in, sign-out, switching organization, closing) run one at a time. */
  exclusively<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#serial.then(work, work);
    this.#serial = next.catch(() => {});
    return next;
  }

  /** work nobody awaits; closing waits for it, and its failure is logged */
  track(work: Promise<void>): void {
    const done = work
      .catch((error: unknown) => this.log('background session work failed', error))
      .finally(() => this.#background.delete(done));
    this.#background.add(done);
  }

  /** the token, read on every call: a sign-out in another path is seen at once */
  readonly getToken = async (): Promise<string | undefined> => (await this.options.credentials.get()) ?? undefined;

  fetchOption(): { fetch?: typeof fetch } {
    return this.options.fetch ? { fetch: this.options.fetch } : {};
  }

  roleIn(organizationId: string): Role | undefined {
    return this.session?.organizations.find((o) => o.id === organizationId)?.role;
  }

  sessionState(): SessionState {
    const session = this.session;
    // while a sign-in runs, the screens still see where it began
    const settled = this.#machine.phase === 'signing-in' ? this.#machine.from : this.#machine;
    const reason = settled.phase === 'signed-out' ? settled.reason : undefined;
    return session
      ? {
          state: 'signed-in',
          relayUrl: session.relayUrl,
          user: session.user,
          organizations: session.organizations,
          organizationId: session.organizationId,
          ...(settled.phase === 'removed' ? { removal: removalNotice(settled.removal) } : {}),
        }
      : {
          state: 'signed-out',
          relayUrl: this.relayUrl,
          ...(reason ? { reason } : {}),
          ...this.#signInEmail(),
        };
  }

  /** the sign-in form's email: the last one used on this device, else the one the shell suggests */
  #signInEmail(): { email?: string } {
    const email = this.lastEmail.read() ?? this.options.suggestedEmail;
    return email ? { email } : {};
  }

  publishSession(): void {
    this.signals.emit('session.changed', this.sessionState());
  }

  /** sync's status as the screens see it, with the edits still waiting to upload */
  publishSync(status: SyncStatusView): void {
    const { pendingChanges: _previous, ...rest } = status;
    const pending = this.#outboxCounts.pending;
    this.#syncStatus = { ...rest, ...(pending > 0 ? { pendingChanges: pending } : {}) };
    this.signals.emit('sync.status', this.#syncStatus);
  }

  publishOutbox(counts: OutboxCounts): void {
    this.#outboxCounts = counts;
    this.signals.emit('outbox.changed', counts);
    this.publishSync(this.#syncStatus);
  }

  /** the open organization for a read, or why there is none */
  reading(): OpenOrganization {
    if (!this.session) throw notSignedIn();
    if (!this.#open) {
      throw this.session.organizationId
        ? new CommandFailure('internal', 'the organization is still opening; try again')
        : notFound('choose an organization first');
    }
    return this.#open;
  }

  /** the open organization as the relay-backed commands (documents, audit, delivery) need it */
  relayAccess(): RelayAccess {
    const { organizationId } = this.reading();
    return {
      organizationId,
      relayUrl: this.session!.relayUrl,
      getToken: this.getToken,
      ...this.fetchOption(),
      role: this.roleIn(organizationId),
    };
  }

  async openOrganization(organizationId: string): Promise<void> {
    await this.closeOrganization();
    const known = this.session!;
    const { options } = this;
    let refusedTables = 0;
    const organization = await OpenOrganization.open({
      dataDir: options.dataDir,
      organizationId,
      relayUrl: known.relayUrl,
      userId: known.user.id,
      role: () => this.roleIn(organizationId),
      getToken: this.getToken,
      ...this.fetchOption(),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.uploadBackoff ? { uploadBackoff: options.uploadBackoff } : {}),
      log: this.log,
      signals: this.signals,
      onOutboxCounts: (counts) => this.publishOutbox(counts),
      onSyncStatus: (status) => {
        this.publishSync(syncStatusView(status));
        if (status.skippedTables.length > refusedTables) {
          refusedTables = status.skippedTables.length;
          this.#recheckAccount();
        }
      },
      onSignedOut: (reason) => this.sessionEnded(reason),
    });
    this.#open = organization;
    organization.start();
    this.publishOutbox(await organization.outbox.counts());
    this.publishSync(syncStatusView(organization.sync.status));
  }

  async closeOrganization(): Promise<void> {
    const closing = this.#open;
    this.#open = undefined;
    await closing?.close();
  }

  /** forget the session locally: the token, what was remembered, the open replica (not its files) */
  async forgetSession(reason?: string): Promise<void> {
    await this.closeOrganization();
    await this.options.credentials.delete();
    this.remembered.forget();
    this.transition(reason ? { type: 'revoked', reason } : { type: 'signed-out' });
    this.publishSync({ phase: 'signed-out', ...(reason ? { reason } : {}) });
    this.publishSession();
  }

  /** the relay refused the token (revoked or expired elsewhere): back to the sign-in screen */
  sessionEnded(reason: string): void {
    this.track(
      this.exclusively(async () => {
        if (this.session && !this.#closed) await this.forgetSession(`signed out: ${reason}`);
      }),
    );
  }

  async signedIn(verified: VerifiedSession, viaRelay: string): Promise<SessionState> {
    await this.closeOrganization();
    await this.options.credentials.set(verified.sessionToken);
    const previous = this.remembered.read();
    // the same member on the same relay gets back the organization they had open
    const keep =
      previous?.relayUrl === viaRelay &&
      previous.user.id === verified.user.id &&
      verified.organizations.some((o) => o.id === previous.organizationId);
    const session: RememberedSession = {
      relayUrl: viaRelay,
      user: verified.user,
      organizations: verified.organizations,
      organizationId: keep ? previous.organizationId : (verified.organizations[0]?.id ?? null),
    };
    this.transition({ type: 'verified', session });
    this.remembered.write(session);
    this.lastEmail.write(verified.user.email);
    if (session.organizationId) await this.openOrganization(session.organizationId);
    else this.publishSync({ phase: 'idle', reason: 'this account belongs to no organization yet' });
    this.publishSession();
    return this.sessionState();
  }

  /** at start: a stored token and a remembered organization open the replica before any network */
  async restore(): Promise<void> {
    const token = await this.options.credentials.get();
    const previous = this.remembered.read();
    if (token && previous) {
      this.#machine = signedOut(previous.relayUrl);
      this.transition({ type: 'restored', session: previous });
      if (previous.organizationId) await this.openOrganization(previous.organizationId);
      else this.publishSync({ phase: 'idle' });
      this.track(this.#refreshAccount(token));
    } else if (previous) {
      // remembered without a token: the keychain lost it, or it was cleared; sign in again
      this.#machine = signedOut(previous.relayUrl);
      this.remembered.forget();
    }
  }

  /** refresh who the member is and their organizations, when the relay answers; reads never wait for it */
  #refreshAccount(token: string): Promise<void> {
    const known = this.session!;
    return new RelayAuth({ relayUrl: known.relayUrl, ...this.fetchOption() }).account(token).then(
      (account) =>
        this.exclusively(async () => {
          if (this.session !== known || this.#closed) return;
          this.transition({ type: 'account-refreshed', account });
          await this.#afterRemoval();
          this.remembered.write(this.session!);
          this.publishSession();
        }),
      (error: unknown) => {
        if (error instanceof CommandFailure && error.code === 'not_signed_in') this.sessionEnded(error.message);
        // offline: keep what was remembered; sync reports the relay's absence
      },
    );
  }

  /**
   * Removed from the organization that was open: its unsent edits are listed for the member (they
   * will never be applied), then its replica, with the shared-note copies in it, is deleted.
   */
  async #afterRemoval(): Promise<void> {
    const machine = this.#machine;
    if (machine.phase !== 'removed' || machine.removal.unsentEdits) return;
    const { organizationId, name, reason } = machine.removal;
    const open = this.#open?.organizationId === organizationId ? this.#open : undefined;
    const unsentEdits = open ? await open.outbox.unsent() : [];
    await this.closeOrganization();
    await rm(join(this.options.dataDir, organizationId), { recursive: true, force: true });
    this.transition({ type: 'replica-deleted', organizationId, unsentEdits });
    this.publishOutbox({ pending: 0, refused: 0 });
    this.publishSync({ phase: 'idle', reason: `${name}: ${reason}` });
  }

  /** a table refused while syncing: a lowered role, or a removal; the relay's account says which */
  #recheckAccount(): void {
    if (this.#checkingAccount) return;
    this.#checkingAccount = true;
    this.track(
      this.getToken()
        .then((token) => (token && this.session ? this.#refreshAccount(token) : undefined))
        .finally(() => (this.#checkingAccount = false)),
    );
  }

  /** stops sync and closes the replica; the token and the replica stay for the next start */
  async close(): Promise<void> {
    await this.exclusively(async () => {
      this.#closed = true;
      await this.closeOrganization();
    });
    await Promise.allSettled([...this.#background]);
  }
}

function removalNotice(removal: Removal): NonNullable<Extract<SessionState, { state: 'signed-in' }>['removal']> {
  const { organizationId, name, reason, unsentEdits = [] } = removal;
  return {
    organizationId,
    name,
    reason,
    unsentEdits: unsentEdits.map((edit) => ({
      name: edit.name,
      description: edit.description,
      args: edit.args,
      at: edit.at,
    })),
  };
}
