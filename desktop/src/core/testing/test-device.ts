// One member's desktop core without a window: a replica on disk, sync and the outbox, behind a
// fetch the test controls. It can go offline, lose the answer to an upload after the relay
// applied it (a crash between send and receive), restart from its data directory, and follow
// the relay to a new address after the relay restarts.
import type { Role } from '@promoteros/shared';
import type { Replica } from '../replica/open-replica.js';
import type { EditJournal } from '../journal/edit-journal.js';
import type { JournalStorage } from '../journal/journal-storage.js';
import { openJournaledReplica, type RecoveryNotice } from '../journal/open-journaled-replica.js';
import { startSync, type SyncSession } from '../sync/start-sync.js';
import { Outbox } from '../outbox/index.js';

export interface TestDeviceOptions {
  readonly name: string;
  readonly dataDir: string;
  readonly organizationId: string;
  readonly userId: string;
  readonly token: string;
  /** the role the device believes the member has (the relay may know better) */
  readonly role: Role;
  /** where the relay is now; read on every request */
  readonly relayUrl: () => string;
  /** how long uploads wait for more edits (the app's 50 ms by default in benchmarks) */
  readonly gatherMs?: number;
  /** the journal's storage (a simulated disk in the power-cut test); the file beside the replica by default */
  readonly journalStorage?: () => JournalStorage;
}

const DEVICE_BASE = 'http://relay.device';

export class TestDevice {
  readonly options: TestDeviceOptions;
  online = true;
  /** the next upload reaches the relay, but its answer is lost */
  loseNextUploadAnswer = false;
  replica!: Replica;
  sync!: SyncSession;
  outbox!: Outbox;
  journal!: EditJournal;
  /** what the last start had to repair */
  recovery: RecoveryNotice | undefined;
  /** uploads whose answer was dropped */
  lostAnswers = 0;

  constructor(options: TestDeviceOptions) {
    this.options = options;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    if (!this.online) throw new TypeError(`fetch failed: ${this.options.name} is offline`);
    const url = (input instanceof Request ? input.url : String(input)).replace(DEVICE_BASE, this.options.relayUrl());
    const response = await fetch(url, init);
    // A long poll sent while online can be answered after the device went offline: the
    // connection dropped, so the answer never arrives (else an offline device would sync).
    if (!this.online) {
      await response.arrayBuffer().catch(() => {});
      throw new TypeError(`fetch failed: ${this.options.name} went offline before the answer came`);
    }
    if (this.loseNextUploadAnswer && url.includes('/v1/mutations')) {
      this.loseNextUploadAnswer = false;
      this.lostAnswers += 1;
      await response.arrayBuffer().catch(() => {});
      throw new TypeError(`fetch failed: ${this.options.name} crashed before reading the answer`);
    }
    return response;
  };

  async start(): Promise<void> {
    const { organizationId, token } = this.options;
    const opened = await openJournaledReplica({
      dataDir: this.options.dataDir,
      ...(this.options.journalStorage ? { journalStorage: this.options.journalStorage() } : {}),
    });
    this.replica = opened.replica;
    this.journal = opened.journal;
    this.recovery = opened.notice;
    this.outbox = new Outbox({
      replica: this.replica,
      journal: this.journal,
      organizationId,
      userId: this.options.userId,
      role: () => this.options.role,
      relayUrl: DEVICE_BASE,
      getToken: async () => token,
      fetch: this.fetch,
      backoff: { initialMs: 20, maxMs: 200 },
      gatherMs: this.options.gatherMs ?? 5,
      log: () => {},
    });
    this.sync = await startSync({
      replica: this.replica,
      relayUrl: DEVICE_BASE,
      organizationId,
      getToken: () => token,
      fetch: this.fetch,
      backoff: { initialDelay: 20, maxDelay: 200 },
      reconcile: (tx) => this.outbox.reconcileIn(tx),
    });
    this.sync.subscribe((status) => {
      if (status.phase === 'live') this.outbox.kick();
    });
    this.outbox.start();
  }

  async stop(): Promise<void> {
    await this.outbox.stop();
    await this.sync.stop();
    await this.replica.close();
    await this.journal.close();
  }

  /** closes everything and opens it again from disk, as after a crash or a quit */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (online) this.outbox.kick();
  }

  /** the outbox's rows by state */
  async outboxStates(): Promise<Record<string, string>> {
    const rows = await this.replica.query<{ id: string; state: string }>('SELECT id::text, state FROM _outbox');
    return Object.fromEntries(rows.map((r) => [r.id, r.state]));
  }
}
