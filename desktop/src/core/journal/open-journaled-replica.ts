// Opening an organization's replica with its journal, so that what the user was told is saved is
// there. A replica that cannot start, cannot be read whole (check-replica.ts) or has lost edits
// from the middle of its outbox is moved aside (never deleted: it is evidence, and may hold what
// the relay never got) and a fresh one takes its place; sync fills it from the relay. Either way
// the journal's edits the replica lacks are replayed onto it, and the user is told.
import { renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { openReplica, type OpenReplicaOptions, type Replica } from '../replica/open-replica.js';
import { checkReplica } from './check-replica.js';
import { fsyncDirectory } from './durable-files.js';
import { EditJournal } from './edit-journal.js';
import { fileJournalStorage, journalPathOf, type JournalStorage } from './journal-storage.js';
import { replayJournal } from './replay-journal.js';

/** what opening had to do, for the shell to tell the user */
export interface RecoveryNotice {
  /** where the damaged replica was moved to, when it was */
  readonly movedAside?: string;
  /** why it was */
  readonly reason?: string;
  /** edits of the journal queued again on the replica */
  readonly replayedEdits: number;
  /** one sentence for the user */
  readonly message: string;
}

export interface JournaledReplica {
  readonly replica: Replica;
  readonly journal: EditJournal;
  readonly notice?: RecoveryNotice;
}

export interface OpenJournaledReplicaOptions extends OpenReplicaOptions {
  /** the journal's storage; by default the file beside the replica's folder */
  readonly journalStorage?: JournalStorage;
  readonly log?: (message: string, error?: unknown) => void;
}

export async function openJournaledReplica(options: OpenJournaledReplicaOptions): Promise<JournaledReplica> {
  const { dataDir, log } = options;
  const { journal, opening } = await EditJournal.open(
    options.journalStorage ?? fileJournalStorage(journalPathOf(dataDir)),
  );
  if (opening.droppedBytes > 0) log?.(`the edit journal ended in ${opening.droppedBytes} unsaved bytes: cut off`);
  const live = journal.liveEdits();
  let reason: string;
  try {
    const replica = await openReplica(options);
    try {
      await checkReplica(replica);
      const replayed = await replica.db.transaction((tx) => replayJournal(tx, live));
      if (!replayed.plan.holes) {
        const count = replayed.plan.missing.length;
        return {
          replica,
          journal,
          ...(count > 0
            ? {
                notice: {
                  replayedEdits: count,
                  message: `${edits(count)} saved on this computer restored after an unexpected shutdown.`,
                },
              }
            : {}),
        };
      }
      reason = 'its outbox had lost edits made before others it kept';
    } catch (error) {
      reason = `it could not be read whole (${(error as Error).message})`;
    }
    await replica.close().catch(() => {});
  } catch (error) {
    reason = `it would not open (${(error as Error).message})`;
  }
  const movedAside = moveAside(dataDir);
  log?.(`the replica in ${dataDir} was damaged and moved to ${movedAside}: ${reason}`);
  let replica: Replica;
  try {
    replica = await openReplica(options);
  } catch (error) {
    await journal.close();
    throw error;
  }
  const replayed = await replica.db.transaction((tx) => replayJournal(tx, live));
  const count = replayed.plan.missing.length;
  return {
    replica,
    journal,
    notice: {
      movedAside,
      reason,
      replayedEdits: count,
      message:
        `This computer's copy of your organization was damaged and is being downloaded again` +
        (count > 0 ? `; ${edits(count)} not yet uploaded were kept and will upload.` : '.') +
        ` The damaged copy was kept in ${basename(movedAside)}.`,
    },
  };
}

const edits = (count: number) => (count === 1 ? '1 edit' : `${count} edits`);

/** renames the folder aside, durably: `<dataDir>.damaged-<time>` */
function moveAside(dataDir: string): string {
  const target = `${dataDir}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(dataDir, target);
  fsyncDirectory(dirname(dataDir));
  return target;
}
