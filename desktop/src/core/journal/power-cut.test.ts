// Power cuts while the desktop core edits offline, simulated and replayable. The journal writes
// through a disk that logs every write and fsync (testing/power-cut-disk.ts); the replica's
// folder is copied now and then while it runs. A cut at a point of the disk's log gives the
// journal as the disk could hold it (only fsync'd bytes certain: the rest whole, torn, missing or
// junk) and a replica from that moment or earlier, kept as it was, or damaged: files back at an
// older state, relation files cut short, a garbled control file. Recovery must bring back every
// edit acknowledged as saved before the cut, in the order made; a few cuts go all the way, to a
// real relay on real PostgreSQL, where each such edit must be applied and audited exactly once.
//
// Hundreds of cuts per run: each replica state is opened (and healed, if it must be) once, and
// every cut's journal is replayed onto it inside a transaction that is rolled back.
// POWER_CUT_SEED=<seed> replays a run (the seed is printed); POWER_CUT_CUTS sets the number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { seedBulkOrganization, type BulkOrganization } from '@promoteros/demo/bulk';
import { SeededRandom } from '@promoteros/demo/random';
import { TestDevice } from '../testing/test-device.js';
import { eventually } from '../testing/sync-fixture.js';
import { auditedEdits, ledgerOf } from '../testing/outbox-model-world.js';
import { PowerCutDisk, storageHolding } from '../testing/power-cut-disk.js';
import { corruptControlFile, revertSomeFiles, truncateRelations } from '../testing/replica-damage.js';
import type { Replica } from '../replica/open-replica.js';
import { EditJournal, type JournalEdit } from './edit-journal.js';
import { journalPathOf } from './journal-storage.js';
import { openJournaledReplica } from './open-journaled-replica.js';
import { replayJournal } from './replay-journal.js';

const seed = Number(process.env.POWER_CUT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CUTS = Number(process.env.POWER_CUT_CUTS ?? 400);
const EDITS = 40;
const UPLOADED_CUTS = 2;

interface Ack {
  readonly id: string;
  /** the disk's log position when run() answered: a cut at or after it must keep the edit */
  readonly position: number;
}

/** a replica folder as a cut may leave it, opened through recovery once */
interface ReplicaState {
  readonly label: string;
  /** the disk's position when its copy was taken: cuts come at or after it */
  readonly position: number;
  /** a pristine copy of the damaged folder, for the cuts that go all the way */
  readonly folder: string;
  replica?: Replica;
  /** opening found it damaged and made a fresh one */
  rebuilt?: boolean;
}

describe(`power cuts while editing offline (POWER_CUT_SEED=${seed})`, () => {
  const random = new SeededRandom(seed);
  const disk = new PowerCutDisk();
  const acks: Ack[] = [];
  const states: ReplicaState[] = [];
  let db: TestDatabase;
  let relay: TestRelay;
  let seeded: BulkOrganization;
  let root: string;
  let device: TestDevice;

  const deviceFor = (dataDir: string, journalStorage?: () => ReturnType<PowerCutDisk['storage']>) =>
    new TestDevice({
      name: 'door laptop',
      dataDir,
      organizationId: seeded.organizationId,
      userId: seeded.owner.userId,
      token: seeded.owner.token,
      role: 'OWNER',
      relayUrl: () => relay.url,
      ...(journalStorage ? { journalStorage } : {}),
    });

  beforeAll(async () => {
    console.log(`power cuts: POWER_CUT_SEED=${seed}`);
    root = mkdtempSync(join(tmpdir(), 'promoteros-power-cut-'));
    db = await createTestDatabase('power_cut');
    seeded = await seedBulkOrganization(db.sql, { rows: 200 });
    const [event] = await db.sql<{ id: string }[]>`
      UPDATE events SET status = 'CONFIRMED'
       WHERE id = (SELECT id FROM events WHERE organization_id = ${seeded.organizationId} ORDER BY id LIMIT 1)
      RETURNING id`;
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000' });
    const dataDir = join(root, 'device');
    device = deviceFor(dataDir, () => disk.storage());
    await device.start();
    await device.sync.waitUntilLive();
    device.setOnline(false);

    // offline edits in bursts (group commit), the replica copied now and then as it runs
    const tasks = (
      await device.replica.query<{ id: string }>('SELECT id::text FROM event_tasks WHERE event_id = $1', [event!.id])
    ).map((t) => t.id);
    const open: string[] = [];
    const copyAt = [0, 15, 30];
    const copies: Array<{ folder: string; position: number }> = [];
    let made = 0;
    while (made < EDITS) {
      if (copies.length < copyAt.length && made >= copyAt[copies.length]!) {
        const folder = join(root, `copy-${made}`);
        cpSync(dataDir, folder, { recursive: true });
        copies.push({ folder, position: disk.position() });
      }
      const burst = Array.from({ length: random.int(1, 4) }, () => {
        made += 1;
        const kind = random.pick(['create', 'rename', 'complete'] as const);
        if (kind === 'create' || (kind === 'complete' && open.length === 0)) {
          const taskId = randomUUID();
          open.push(taskId);
          tasks.push(taskId);
          return device.outbox.run('task.create', { taskId, eventId: event!.id, title: `Cut ${made}` });
        }
        if (kind === 'complete') {
          const taskId = open.splice(random.int(0, open.length - 1), 1)[0]!;
          return device.outbox.run('task.complete', { taskId });
        }
        return device.outbox.run('task.update', { taskId: random.pick(tasks), title: `Renamed ${made}` });
      });
      for (const run of burst)
        void run.then(({ mutationId }) => acks.push({ id: mutationId, position: disk.position() }));
      await Promise.all(burst);
      await new Promise((resolve) => setTimeout(resolve, random.int(0, 3)));
    }
    await device.stop();

    // the replica states a cut can leave: a copy as it was, and copies damaged two ways
    const [first, middle, last] = copies as [(typeof copies)[0], (typeof copies)[0], (typeof copies)[0]];
    const damaged = (label: string, from: (typeof copies)[0], damage: (folder: string) => void) => {
      const folder = join(root, `state-${label}`);
      cpSync(from.folder, folder, { recursive: true });
      damage(folder);
      states.push({ label, position: from.position, folder });
    };
    damaged('reverted', middle, () => {});
    damaged('files out of order, relations cut short', last, (folder) => {
      revertSomeFiles(folder, first.folder, random);
      truncateRelations(folder, (size) => (random.chance(0.5) ? random.int(0, size - 1) : undefined));
    });
    damaged('control file garbled', middle, corruptControlFile);
    for (const state of states) {
      const opened = join(root, `opened-${states.indexOf(state)}`);
      cpSync(state.folder, opened, { recursive: true });
      const recovered = await openJournaledReplica({
        dataDir: opened,
        journalStorage: storageHolding(new Uint8Array()),
      });
      state.replica = recovered.replica;
      state.rebuilt = recovered.notice?.movedAside !== undefined;
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(states.map((state) => state.replica?.close()));
    await relay?.stop();
    await db?.drop();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  /** a rebuilt replica: the state whose control file was garbled opened as a fresh one */
  const fresh = () => states.find((state) => state.label === 'control file garbled')!.replica!;

  /** replays onto the replica and reads what it then queues, in order; undefined if it has holes */
  const replayOnto = (replica: Replica, live: readonly JournalEdit[]) =>
    replica.db.transaction(async (tx) => {
      const replayed = await replayJournal(tx, live);
      let result: { ids: string[]; writesKept: number } | undefined;
      if (!replayed.plan.holes) {
        const ids = (await tx.query<{ id: string }>(`SELECT id::text AS id FROM _outbox ORDER BY seq`)).rows;
        const [kept] = (
          await tx.query<{ n: number }>(
            `SELECT count(DISTINCT mutation_id)::int AS n FROM _pending_writes WHERE mutation_id = ANY($1::uuid[])`,
            [live.map((edit) => edit.id)],
          )
        ).rows;
        result = { ids: ids.map((row) => row.id), writesKept: kept!.n };
      }
      await tx.rollback();
      return result;
    });

  it('every edit acknowledged before a cut is back after recovery, in the order made', async () => {
    // a control file that does not parse never opens: that state is a rebuilt, fresh replica
    expect(states.find((state) => state.label === 'control file garbled')!.rebuilt).toBe(true);
    expect(acks.length).toBeGreaterThanOrEqual(EDITS);
    const order = new Map(acks.map((ack, i) => [ack.id, i]));
    const recovered = new Map<string, { ids: string[]; writesKept: number }>();
    for (let cut = 0; cut < CUTS; cut += 1) {
      const state = random.pick(states);
      const position = random.int(state.position, disk.position());
      const saved = acks.filter((ack) => ack.position <= position).map((ack) => ack.id);
      const { journal } = await EditJournal.open(storageHolding(disk.afterCut(position, random)));
      const live = journal.liveEdits().map((edit) => edit.id);
      // nothing invented, nothing doubled, nothing saved missing
      expect(live.every((id) => order.has(id))).toBe(true);
      expect(new Set(live).size).toBe(live.length);
      expect(
        saved.filter((id) => !live.includes(id)),
        `cut ${cut} at ${position} on ${state.label}`,
      ).toEqual([]);
      // cuts that leave the same edits on the same replica recover the same way: replayed once
      const key = `${states.indexOf(state)}:${live.join(',')}`;
      let queued = recovered.get(key);
      if (!queued) {
        queued = await replayOnto(state.replica!, journal.liveEdits());
        // a replica with holes is rebuilt when opened: the journal goes onto a fresh one
        if (!queued) queued = (await replayOnto(fresh(), journal.liveEdits()))!;
        recovered.set(key, queued);
      }
      expect(
        queued.ids.filter((id) => saved.includes(id)),
        `cut ${cut} at ${position} on ${state.label}`,
      ).toEqual(saved);
      expect(queued.writesKept).toBe(live.length);
    }
  }, 120_000);

  it('a few cuts go all the way: recovered, uploaded, each saved edit applied and audited exactly once', async () => {
    for (let cut = 0; cut < UPLOADED_CUTS; cut += 1) {
      const state = states[cut % states.length]!;
      const position = random.int(state.position, disk.position());
      const saved = acks.filter((ack) => ack.position <= position).map((ack) => ack.id);
      const dataDir = join(root, `uploaded-${cut}`);
      cpSync(state.folder, dataDir, { recursive: true });
      writeFileSync(journalPathOf(dataDir), disk.afterCut(position, random));
      const recovered = deviceFor(dataDir);
      await recovered.start();
      try {
        await eventually(async () => Object.keys(await recovered.outboxStates()).length === 0, 60_000);
      } finally {
        await recovered.stop();
      }
      const ledger = await ledgerOf(db.sql, seeded.organizationId);
      const audited = await auditedEdits(db.sql, seeded.organizationId);
      for (const id of saved) {
        expect(ledger[id], `${id} after cut ${cut} on ${state.label}`).toBe('APPLIED');
        expect(audited[id], `${id} after cut ${cut} on ${state.label}`).toBe(1);
      }
      if (recovered.recovery?.movedAside) expect(existsSync(recovered.recovery.movedAside)).toBe(true);
    }
  }, 240_000);

  it.each([
    ['a garbled control file', corruptControlFile],
    ['relation files cut mid-page', cutEveryRelationMidPage],
  ])('a replica with %s is moved aside, rebuilt and given its journal edits back', async (_, damage) => {
    const dataDir = join(root, `damaged-${damage.name}`);
    cpSync(join(root, 'device'), dataDir, { recursive: true });
    damage(dataDir);
    writeFileSync(journalPathOf(dataDir), disk.afterCut(disk.position(), random));
    const reopened = deviceFor(dataDir);
    // offline, so that the count read is the replayed queue's and not what is left of it
    reopened.online = false;
    await reopened.start();
    try {
      const notice = reopened.recovery;
      expect(notice?.movedAside).toBeDefined();
      // never deleted
      expect(existsSync(join(notice!.movedAside!, 'PG_VERSION'))).toBe(true);
      expect(notice!.replayedEdits).toBe(acks.length);
      expect(notice!.message).toMatch(/damaged.*will upload/);
      const queued = await reopened.replica.query<{ id: string }>(`SELECT id::text AS id FROM _outbox ORDER BY seq`);
      expect(queued.map((row) => row.id)).toEqual(acks.map((ack) => ack.id));
      expect((await reopened.outbox.counts()).pending).toBe(acks.length);
    } finally {
      await reopened.stop();
    }
  });
});

/** every relation file over one page cut 100 bytes short: its last page half there */
function cutEveryRelationMidPage(dataDir: string): void {
  truncateRelations(dataDir, (size) => size - 100);
}
