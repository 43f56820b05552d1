// One organization open on this device: its replica on disk (<dataDir>/<organizationId>), the
// sync session that keeps it current, the outbox that carries its edits, the shared notes open
// on a screen and the search index. They open together and close together, in the reverse
// order of their dependence, so that nothing writes to a replica that has closed.
//
// Opening reads the replica before any network: the sync session starts in the background and
// reports the relay's absence rather than waiting for it.
import { join } from 'node:path';
import type { BackoffOptions } from '@electric-sql/client';
import type { Role } from '@promoteros/shared';
import type { Replica } from '../replica/open-replica.js';
import type { EditJournal } from '../journal/edit-journal.js';
import { openJournaledReplica, type RecoveryNotice } from '../journal/open-journaled-replica.js';
import { TEMPLATE_DIR_VARIABLE } from '../replica/replica-template.js';
import { startSync, type SyncSession } from '../sync/start-sync.js';
import type { SyncStatus } from '../sync/sync-status.js';
import { Outbox, type OutboxCounts } from '../outbox/index.js';
import { EventNotes } from '../notes/event-notes.js';
import { toBase64 } from '../notes/note-commands.js';
import type { AppSignals } from './app-signals.js';
import { ReplicaSearch } from './queries/search.js';

export interface OpenOrganizationOptions {
  /** the app's data folder: the replica lives in <dataDir>/<organizationId> */
  readonly dataDir: string;
  readonly organizationId: string;
  readonly relayUrl: string;
  /** the member signed in, who authors this device's edits */
  readonly userId: string;
  /** the member's role in this organization, as last known (it may change while open) */
  readonly role: () => Role | undefined;
  /** the session token, read on every request: a sign-out in another path is seen at once */
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  /** sync's retry pacing (tests shorten it) */
  readonly backoff?: Partial<BackoffOptions>;
  /** the outbox's upload retry pacing (tests shorten it) */
  readonly uploadBackoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly log: (message: string, error?: unknown) => void;
  /** replica.changed, notes.changed and notes.connection go to the screens through these */
  readonly signals: AppSignals;
  readonly onOutboxCounts: (counts: OutboxCounts) => void;
  readonly onSyncStatus: (status: SyncStatus) => void;
  /** the relay refused the session while syncing (revoked or expired elsewhere) */
  readonly onSignedOut: (reason: string) => void;
}

export class OpenOrganization {
  private constructor(
    readonly organizationId: string,
    readonly replica: Replica,
    readonly sync: SyncSession,
    readonly search: ReplicaSearch,
    readonly outbox: Outbox,
    /** the shared notes open on a screen (advance notes, run of show) */
    readonly notes: EventNotes,
    private readonly unsubscribe: Array<() => void>,
    private readonly journal: EditJournal,
    /** what opening had to repair (a damaged replica rebuilt, saved edits replayed), for the user */
    readonly recovery: RecoveryNotice | undefined,
  ) {}

  /** Opens the replica and starts sync; the outbox starts uploading once the caller holds it (`start`). */
  static async open(options: OpenOrganizationOptions): Promise<OpenOrganization> {
    const { organizationId, signals, log } = options;
    const fetchOption = options.fetch ? { fetch: options.fetch } : {};
    // the edits saved in the journal beside it are replayed; a damaged replica is rebuilt
    const { replica, journal, notice } = await openJournaledReplica({
      dataDir: join(options.dataDir, organizationId),
      // each further organization (and this one, should its replica be dropped) opens in under a second
      templateDir: process.env[TEMPLATE_DIR_VARIABLE] ?? join(options.dataDir, 'replica-template'),
      log,
    });
    if (notice) log(notice.message);
    const search = new ReplicaSearch(replica, organizationId, log);
    const outbox = new Outbox({
      replica,
      journal,
      organizationId,
      userId: options.userId,
      role: options.role,
      relayUrl: options.relayUrl,
      getToken: options.getToken,
      ...fetchOption,
      ...(options.uploadBackoff ? { backoff: options.uploadBackoff } : {}),
      log,
    });
    const unsubscribe = [
      replica.onChange((change) => {
        search.noteChange(change.tables);
        signals.emit('replica.changed', { tables: [...change.tables] });
      }),
      outbox.onCounts(options.onOutboxCounts),
    ];
    let sync: SyncSession;
    try {
      sync = await startSync({
        replica,
        relayUrl: options.relayUrl,
        organizationId,
        getToken: async () => (await options.getToken()) ?? '',
        ...fetchOption,
        ...(options.backoff ? { backoff: options.backoff } : {}),
        reconcile: (tx) => outbox.reconcileIn(tx),
      });
    } catch (error) {
      for (const stop of unsubscribe) stop();
      await search.close();
      await replica.close();
      await journal.close();
      throw error;
    }
    unsubscribe.push(
      sync.subscribe((status) => {
        options.onSyncStatus(status);
        // the relay answers again: upload now rather than at the end of a backoff
        if (status.phase === 'live') outbox.kick();
        void outbox.afterReconcile();
        if (status.phase === 'signed-out') options.onSignedOut(status.reason ?? 'the relay ended this session');
      }),
    );
    const notes = new EventNotes({
      replica,
      relayUrl: options.relayUrl,
      getToken: options.getToken,
      onRemoteUpdate: (eventId, name, update) =>
        signals.emit('notes.changed', { eventId, name, update: toBase64(update) }),
      onConnection: (eventId, name, state, reason) =>
        signals.emit('notes.connection', { eventId, name, connection: { state, ...(reason ? { reason } : {}) } }),
      log,
    });
    return new OpenOrganization(organizationId, replica, sync, search, outbox, notes, unsubscribe, journal, notice);
  }

  /** the outbox begins uploading what earlier runs left pending */
  start(): void {
    this.outbox.start();
  }

  /** notes first (they write to the replica), then uploads, sync, search, and the replica last */
  async close(): Promise<void> {
    for (const stop of this.unsubscribe) stop();
    await this.notes.close();
    await this.outbox.stop();
    await this.sync.stop();
    await this.search.close();
    await this.replica.close();
    await this.journal.close();
  }
}
