// POST /v1/mutations against a real relay and PostgreSQL: applying, replaying, ordering.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { useMutationWorld } from '../testing/mutation-world.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

interface ShapeMessage {
  key?: string;
  value?: Record<string, string | null>;
  headers: { operation?: string; txids?: number[]; lsn?: string };
}

describe('POST /v1/mutations', () => {
  const world = useMutationWorld('mutations', 'Northside Live', { relayConfig: { LIVE_POLL_TIMEOUT_MS: '500' } });

  const send = (mutations: unknown[], token = world.staff.token) =>
    sendBatch(world.relay, token, { organizationId: world.organizationId, mutations });
  const createTask = (taskId = randomUUID(), title = 'Book the catering') =>
    envelope('task.create', { taskId, eventId: world.rows.eventId, title });

  /** what the database holds that a mutation could have changed: rows, audit, ledger, change log */
  async function footprint() {
    const [counts] = await world.db.sql`
      SELECT (SELECT count(*)::int FROM event_tasks) AS tasks,
             (SELECT count(*)::int FROM audit_logs) AS audit,
             (SELECT count(*)::int FROM mutation_ledger) AS ledger,
             (SELECT count(*)::int FROM change_log) AS changes,
             (SELECT md5(string_agg(to_jsonb(t)::text, ',' ORDER BY id)) FROM event_tasks t) AS task_rows`;
    return counts;
  }

  it("should apply task.create then task.complete, in the batch's one transaction that the shape stream reports", async () => {
    const get = (query: string) =>
      fetch(`${world.relay.url}/v1/shape?table=event_tasks&${query}`, {
        headers: { authorization: `Bearer ${world.staff.token}` },
      });
    const snapshot = await get('offset=-1');
    expect(snapshot.status).toBe(200);
    const [handle, offset] = [snapshot.headers.get('electric-handle')!, snapshot.headers.get('electric-offset')!];

    const taskId = randomUUID();
    const create = createTask(taskId, 'Book the catering');
    const complete = envelope('task.complete', { taskId }, [create.id]);
    const { status, body } = await send([create, complete]);
    expect(status, JSON.stringify(body)).toBe(200);
    const [created, completed] = body.results;
    expect(created).toMatchObject({ id: create.id, outcome: 'APPLIED', tables: ['event_tasks', 'audit_logs'] });
    expect(completed).toMatchObject({ id: complete.id, outcome: 'APPLIED', tables: ['event_tasks', 'audit_logs'] });
    if (created?.outcome !== 'APPLIED' || completed?.outcome !== 'APPLIED') throw new Error('not applied');
    // one batch, one transaction: the stream shows both changes under the same txid
    expect(created.txid).toBe(completed.txid);
    expect(created.seq).toBe(completed.seq);

    const [task] = await world.db.sql`SELECT * FROM event_tasks WHERE id = ${taskId}`;
    expect(task).toMatchObject({ title: 'Book the catering', organization_id: world.organizationId, position: 1 });
    expect(task!.completed_by).toBe(world.staff.userId);
    expect((task!.completed_at as Date).toISOString()).toBe(new Date(complete.at).toISOString());

    const audit = await world.db.sql`
      SELECT action, entity_table, entity_id, actor_user_id, details FROM audit_logs
       WHERE details->>'mutationId' IN (${create.id}, ${complete.id}) ORDER BY created_at, action DESC`;
    expect(audit).toEqual([
      {
        action: 'task.create',
        entity_table: 'event_tasks',
        entity_id: taskId,
        actor_user_id: world.staff.userId,
        details: { mutationId: create.id, args: create.args },
      },
      {
        action: 'task.complete',
        entity_table: 'event_tasks',
        entity_id: taskId,
        actor_user_id: world.staff.userId,
        details: { mutationId: complete.id, args: complete.args },
      },
    ]);

    // the ledger keeps the xid8; the answer carries it as the 32-bit xid the shape stream uses
    const ledger = await world.db.sql`
      SELECT l.id, l.outcome, l.user_id, l.session_id, (l.txid::text::xid8::xid)::text AS xid, t.seq::text AS seq
        FROM mutation_ledger l JOIN change_transactions t ON t.xid = l.txid::text::xid8
       WHERE l.id IN (${create.id}, ${complete.id})`;
    expect(new Map(ledger.map((l) => [l.id, l]))).toEqual(
      new Map([
        [
          create.id,
          {
            id: create.id,
            outcome: 'APPLIED',
            user_id: world.staff.userId,
            session_id: world.staff.sessionId,
            xid: created.txid,
            seq: created.seq,
          },
        ],
        [
          complete.id,
          {
            id: complete.id,
            outcome: 'APPLIED',
            user_id: world.staff.userId,
            session_id: world.staff.sessionId,
            xid: completed.txid,
            seq: completed.seq,
          },
        ],
      ]),
    );

    const changes = await get(`offset=${offset}&handle=${handle}`);
    expect(changes.status).toBe(200);
    const messages = ((await changes.json()) as ShapeMessage[]).filter((m) => m.key !== undefined);
    expect(messages.map((m) => [m.headers.operation, m.value?.id, m.headers.txids, m.headers.lsn])).toEqual([
      ['insert', taskId, [Number(created.txid)], created.seq],
      ['update', taskId, [Number(completed.txid)], completed.seq],
    ]);
  });

  it('should change PostgreSQL once when the same batch is sent twice, answering the same both times', async () => {
    const taskId = randomUUID();
    const batch = [
      createTask(taskId),
      envelope('task.update', { taskId, title: 'Book the catering for 12' }),
      envelope('task.complete', { taskId }),
    ];
    const first = await send(batch);
    expect(first.body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    const before = await footprint();
    const second = await send(batch);
    expect(second).toEqual(first);
    expect(await footprint()).toEqual(before);
  });

  it('should apply each mutation once when a batch cut off mid-way is sent again whole', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const batch = ids.map((id, n) => createTask(id, `Task ${n + 1}`));
    const firstHalf = await send(batch.slice(0, 2));
    const whole = await send(batch);
    expect(whole.body.results.slice(0, 2)).toEqual(firstHalf.body.results);
    expect(whole.body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED', 'APPLIED', 'APPLIED']);
    const [counts] = await world.db.sql`
      SELECT (SELECT count(*)::int FROM event_tasks WHERE id IN ${world.db.sql(ids)}) AS tasks,
             (SELECT count(*)::int FROM audit_logs WHERE details->>'mutationId' IN ${world.db.sql(batch.map((m) => m.id))}) AS audit`;
    expect(counts).toEqual({ tasks: 4, audit: 4 });
  });

  it('should apply a mutation raced from concurrent requests exactly once, all of them getting its answer', async () => {
    const taskId = randomUUID();
    const batch = [createTask(taskId), envelope('task.update', { taskId, description: 'oat milk for the band' })];
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(batch)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED']);
    const [counts] = await world.db.sql`
      SELECT (SELECT count(*)::int FROM mutation_ledger WHERE id IN ${world.db.sql(batch.map((m) => m.id))}) AS ledger,
             (SELECT count(*)::int FROM audit_logs WHERE details->>'mutationId' IN ${world.db.sql(batch.map((m) => m.id))}) AS audit,
             (SELECT count(*)::int FROM change_log WHERE row_id = ${taskId}) AS changes`;
    expect(counts).toEqual({ ledger: 2, audit: 2, changes: 2 });
  });
});
