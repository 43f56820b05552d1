// An edit the relay keeps failing on (a relay fault, not a refusal) must not hold up the queue
// behind it: against a real relay on real PostgreSQL, whose database is made to fail on one task
// title by a trigger raising an internal error, which the relay answers with 503 for any batch
// holding that edit. Outages are the opposite case: a stopped relay, or a relay failing every
// batch, must leave every edit queued, to upload once the relay works again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { seedBulkOrganization, type BulkOrganization } from '@promoteros/demo/bulk';
import { TestDevice } from '../testing/test-device.js';
import { eventually } from '../testing/sync-fixture.js';

const POISON = 'Poisoned title the relay fails on';

describe('an edit the relay keeps failing on', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let relayUrl: string;
  let seeded: BulkOrganization;
  let root: string;
  let device: TestDevice;
  let eventId: string;

  const tasksNamed = async (titles: readonly string[]) =>
    db.sql<{ id: string; title: string; completed_at: Date | null }[]>`
      SELECT id, title, completed_at FROM event_tasks WHERE title = ANY(${titles as string[]})`;
  const shownTask = async (id: string) =>
    (await device.replica.query<{ title: string }>('SELECT title FROM event_tasks WHERE id = $1', [id]))[0];
  const createTask = (title: string, taskId: string = randomUUID()) =>
    device.outbox.run('task.create', { taskId, eventId, title }).then(() => taskId);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-failing-edit-'));
    db = await createTestDatabase('failing_edit');
    seeded = await seedBulkOrganization(db.sql, { rows: 300 });
    // an open show whose checklist takes the edits
    const [event] = await db.sql<{ id: string }[]>`
      UPDATE events SET status = 'CONFIRMED'
       WHERE id = (SELECT id FROM events WHERE organization_id = ${seeded.organizationId} ORDER BY id LIMIT 1)
      RETURNING id`;
    eventId = event!.id;
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000' });
    relayUrl = relay.url;
    // a relay fault that is no refusal: an internal error the database raises for one title
    await db.sql.unsafe(`
      CREATE FUNCTION fail_on_poisoned_title() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = '${POISON}' THEN
          RAISE EXCEPTION 'internal fault on a poisoned title' USING ERRCODE = 'XX000';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_on_poisoned_title BEFORE INSERT OR UPDATE ON event_tasks
        FOR EACH ROW EXECUTE FUNCTION fail_on_poisoned_title()`);
    device = new TestDevice({
      name: 'office',
      dataDir: join(root, 'office'),
      organizationId: seeded.organizationId,
      userId: seeded.owner.userId,
      token: seeded.owner.token,
      role: 'OWNER',
      relayUrl: () => relayUrl,
    });
    await device.start();
    await device.sync.waitUntilLive();
  }, 120_000);

  afterAll(async () => {
    await device?.stop();
    await relay?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await eventually(async () => (await device.outbox.counts()).pending === 0, 30_000);
    for (const item of await device.outbox.needsAttention()) await device.outbox.discard(item.mutationId);
  });

  it('should upload the 99 others of an offline queue of 100 and set the poisoned one aside with its reason', async () => {
    device.setOnline(false);
    const titles = Array.from({ length: 100 }, (_, i) => (i === 57 ? POISON : `Offline task ${i}`));
    const ids: string[] = [];
    for (const title of titles) ids.push(await createTask(title));
    expect((await device.outbox.counts()).pending).toBe(100);
    expect(await shownTask(ids[57]!)).toEqual({ title: POISON });

    device.setOnline(true);
    await eventually(async () => {
      const counts = await device.outbox.counts();
      return counts.pending === 0 && counts.refused === 1;
    }, 60_000);

    const uploaded = await tasksNamed(titles.filter((t) => t !== POISON));
    expect(uploaded.map((t) => t.id).sort()).toEqual(ids.filter((_, i) => i !== 57).sort());
    expect(await tasksNamed([POISON])).toEqual([]);
    const [setAside, ...more] = await device.outbox.needsAttention();
    expect(more).toEqual([]);
    expect(setAside).toMatchObject({
      mutationId: expect.any(String),
      name: 'task.create',
      description: `Add the task “${POISON}”`,
      code: 'relay_failed',
      args: { taskId: ids[57], title: POISON },
    });
    // the relay's answer, as the relay words it (today: 503 database_unavailable, "the relay could
    // not apply this batch of 1: …")
    expect(setAside!.reason).toMatch(
      /^the relay failed on this edit every time it was sent \(5\d\d [a-z_]+: .+\); it was set aside so that your other edits could upload/,
    );
    expect(setAside!.reason).toContain('batch of 1');
    // taken back from the screens, as a refused edit is; the others show as synced
    expect(await shownTask(ids[57]!)).toBeUndefined();
    // the 99 are forgotten once synced back; the set-aside one stays for the user
    await eventually(async () => Object.values(await device.outboxStates()).join() === 'REFUSED', 30_000);

    // the relay is mended; the user retries it and it goes through as a new edit
    await db.sql`DROP TRIGGER fail_on_poisoned_title ON event_tasks`;
    const again = await device.outbox.retry(setAside!.mutationId);
    expect(again.mutationId).not.toBe(setAside!.mutationId);
    await eventually(async () => (await tasksNamed([POISON])).length === 1, 30_000);
    expect(await device.outbox.needsAttention()).toEqual([]);
    await db.sql`CREATE TRIGGER fail_on_poisoned_title BEFORE INSERT OR UPDATE ON event_tasks
                   FOR EACH ROW EXECUTE FUNCTION fail_on_poisoned_title()`;
    await db.sql`DELETE FROM event_tasks WHERE title = ${POISON}`;
  }, 90_000);

  it('should refuse with it the edits that build on it, and upload those that do not', async () => {
    device.setOnline(false);
    const poisoned = await createTask(POISON);
    await device.outbox.run('task.complete', { taskId: poisoned });
    const unrelated = await createTask('Book the backline');
    device.setOnline(true);

    await eventually(async () => {
      const counts = await device.outbox.counts();
      return counts.pending === 0 && counts.refused === 2;
    }, 60_000);
    const [setAside, dependent] = await device.outbox.needsAttention();
    expect(setAside).toMatchObject({ name: 'task.create', code: 'relay_failed' });
    expect(dependent).toMatchObject({
      name: 'task.complete',
      code: 'depends_on_refused',
      reason: `it builds on an earlier change (task.create ${setAside!.mutationId}) that the relay kept failing on and that was set aside`,
    });
    expect((await tasksNamed(['Book the backline'])).map((t) => t.id)).toEqual([unrelated]);
    // the dependent was never sent as if the task existed: nothing of either reached the relay
    const [ledger] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM mutation_ledger WHERE id IN (${setAside!.mutationId}, ${dependent!.mutationId})`;
    expect(ledger!.n).toBe(0);
    expect(await shownTask(poisoned)).toBeUndefined();

    await device.outbox.discard(dependent!.mutationId);
    await device.outbox.discard(setAside!.mutationId);
    expect(await device.outbox.counts()).toEqual({ pending: 0, refused: 0 });
  }, 90_000);

  it('should keep every edit queued while the relay is stopped, and upload them when it is back', async () => {
    await relay.stop();
    const titles = Array.from({ length: 10 }, (_, i) => `While the relay is down ${i}`);
    for (const title of titles) await createTask(title);
    await eventually(async () => /cannot be reached/.test((await device.outbox.counts()).uploadProblem ?? ''));
    expect(await device.outbox.counts()).toMatchObject({ pending: 10, refused: 0 });

    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '2000' });
    relayUrl = relay.url;
    device.outbox.kick();
    await eventually(async () => (await device.outbox.counts()).pending === 0, 30_000);
    expect(await device.outbox.counts()).toEqual({ pending: 0, refused: 0 });
    expect(await tasksNamed(titles)).toHaveLength(10);
  }, 60_000);

  it('should set nothing aside while the relay answers 503 with Retry-After to every batch', async () => {
    // the relay's database fails every write, whatever the edit: nothing is to blame on one edit
    await db.sql.unsafe(`
      CREATE SEQUENCE failed_batches;
      -- SECURITY DEFINER: the relay's own role has no grant on this test's sequence
      CREATE FUNCTION fail_every_batch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN
        PERFORM nextval('failed_batches'); -- not rolled back with the batch: counts the attempts
        RAISE EXCEPTION 'the database cannot take writes now' USING ERRCODE = '57P03';
      END $$;
      CREATE TRIGGER fail_every_batch BEFORE INSERT ON mutation_ledger
        FOR EACH ROW EXECUTE FUNCTION fail_every_batch()`);
    const titles = Array.from({ length: 10 }, (_, i) => `While the database fails ${i}`);
    for (const title of titles) await createTask(title);

    const attempts = async () =>
      Number((await db.sql<{ n: string }[]>`SELECT last_value::text AS n FROM failed_batches`)[0]!.n);
    // enough tries for a search to have reached single edits and probes past them, several times
    await eventually(async () => (await attempts()) >= 30, 60_000);
    const counts = await device.outbox.counts();
    expect(counts).toMatchObject({ pending: 10, refused: 0 });
    expect(counts.uploadProblem).toMatch(/^the relay answered 5\d\d: /);
    expect(await device.outbox.needsAttention()).toEqual([]);

    await db.sql.unsafe(`DROP TRIGGER fail_every_batch ON mutation_ledger`);
    await eventually(async () => (await device.outbox.counts()).pending === 0, 30_000);
    expect(await device.outbox.counts()).toEqual({ pending: 0, refused: 0 });
    expect(await tasksNamed(titles)).toHaveLength(10);
  }, 90_000);
});
