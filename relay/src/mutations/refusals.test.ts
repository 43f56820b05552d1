// Refusals: each one answered in words, recorded so a replay answers the same, and never a
// half-applied mutation or a stuck queue behind it.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineMutation, MutationEnvelope, type MutationDefinition, type RowWrite } from '@promoteros/shared/mutations';
import { applyMutation } from './apply-mutation.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { useMutationWorld } from '../testing/mutation-world.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('refused mutations', () => {
  const world = useMutationWorld('mutation_refusals', 'Southside Hall');

  const send = (mutations: unknown[], token = world.staff.token) =>
    sendBatch(world.relay, token, { organizationId: world.organizationId, mutations });
  const createTask = (taskId = randomUUID()) =>
    envelope('task.create', { taskId, eventId: world.rows.eventId, title: 'Check the fire exits' });
  const ledgerOf = async (id: string) =>
    (await world.db.sql`SELECT outcome, name, result FROM mutation_ledger WHERE id = ${id}`)[0];

  it('should refuse one mutation without blocking the ones behind it, and refuse those built on it', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const missing = randomUUID();
    const batch = [
      createTask(first),
      envelope('task.complete', { taskId: missing }),
      createTask(second),
      envelope('task.update', { taskId: missing, title: 'Check the fire exits twice' }),
    ];
    batch[3]!.after = [batch[0]!.id, batch[1]!.id];
    const { status, body } = await send(batch);
    expect(status).toBe(200);
    expect(body.results).toEqual([
      expect.objectContaining({ id: batch[0]!.id, outcome: 'APPLIED' }),
      { id: batch[1]!.id, outcome: 'REFUSED', code: 'rule', reason: 'the task no longer exists' },
      expect.objectContaining({ id: batch[2]!.id, outcome: 'APPLIED' }),
      {
        id: batch[3]!.id,
        outcome: 'REFUSED',
        code: 'depends_on_refused',
        reason: `it builds on an earlier change (task.complete ${batch[1]!.id}) that was refused`,
      },
    ]);
    const tasks = await world.db.sql`SELECT id FROM event_tasks WHERE id IN (${first}, ${second}, ${missing})`;
    expect(tasks).toHaveLength(2);
    expect(await ledgerOf(batch[3]!.id)).toMatchObject({ outcome: 'REFUSED', result: { code: 'depends_on_refused' } });
    // recorded: sending it again gets the same words
    expect((await send(batch)).body).toEqual(body);
  });

  it('should refuse unknown mutations and invalid arguments in words, and record them', async () => {
    const unknown = envelope('task.teleport', { taskId: randomUUID() });
    const invalid = envelope('task.create', { taskId: 'not-a-uuid', eventId: world.rows.eventId, title: '' });
    const { body } = await send([unknown, invalid]);
    expect(body.results).toEqual([
      {
        id: unknown.id,
        outcome: 'REFUSED',
        code: 'unknown_mutation',
        reason: 'the relay knows no mutation called “task.teleport” (is the relay older than the app?)',
      },
      {
        id: invalid.id,
        outcome: 'REFUSED',
        code: 'invalid_arguments',
        reason: 'taskId: must be a uuid; title: must not be empty',
      },
    ]);
    expect(await ledgerOf(unknown.id)).toMatchObject({ outcome: 'REFUSED', name: 'task.teleport' });
    expect(await ledgerOf(invalid.id)).toMatchObject({ outcome: 'REFUSED', result: { code: 'invalid_arguments' } });
  });

  it('should refuse an id already used for a different mutation, without recording it again', async () => {
    const taskId = randomUUID();
    const create = createTask(taskId);
    await send([create]);
    const reused = { ...envelope('task.complete', { taskId }), id: create.id };
    const { body } = await send([reused]);
    expect(body.results).toEqual([
      {
        id: create.id,
        outcome: 'REFUSED',
        code: 'id_reused',
        reason: 'this mutation id was already used for a different mutation: the device must make a new id',
      },
    ]);
    expect(await ledgerOf(create.id)).toMatchObject({ outcome: 'APPLIED', name: 'task.create' });
    const [task] = await world.db.sql`SELECT completed_at FROM event_tasks WHERE id = ${taskId}`;
    expect(task!.completed_at).toBeNull();
    // another member sending the same id is another mutation too
    expect((await send([create], world.owner.token)).body.results[0]).toMatchObject({ code: 'id_reused' });
  });

  it('should judge the role as it is when the mutation is applied, not when the session began', async () => {
    await world.db.sql`UPDATE memberships SET role = 'PROMOTER' WHERE user_id = ${world.staff.userId}`;
    try {
      const create = createTask();
      const { body } = await send([create]);
      expect(body.results).toEqual([
        {
          id: create.id,
          outcome: 'REFUSED',
          code: 'forbidden',
          reason: 'only OWNER, MANAGER or STAFF may add the task “Check the fire exits”; your role here is PROMOTER',
        },
      ]);
    } finally {
      await world.db.sql`UPDATE memberships SET role = 'STAFF' WHERE user_id = ${world.staff.userId}`;
    }
    expect((await send([createTask()])).body.results[0]!.outcome).toBe('APPLIED');
  });

  it('should refuse giving a task to the outside promoter, in words, and write nothing', async () => {
    const promoter = await createMember(world.db.sql, [{ organizationId: world.organizationId, role: 'PROMOTER' }]);
    await world.db.sql`UPDATE memberships SET user_name = 'Sam Whitaker' WHERE user_id = ${promoter.userId}`;
    const taskId = randomUUID();
    const create = envelope('task.create', {
      taskId,
      eventId: world.rows.eventId,
      title: 'Send the poster files',
      assigneeUserId: promoter.userId,
    });
    const reassign = envelope('task.update', {
      taskId: world.rows.ids.event_tasks![0]!,
      assigneeUserId: promoter.userId,
    });
    const { status, body } = await send([create, reassign], world.owner.token);
    expect(status).toBe(200);
    const reason = "Sam Whitaker is a promoter: tasks go to the venue's own people (owners, managers and staff)";
    expect(body.results).toEqual([
      { id: create.id, outcome: 'REFUSED', code: 'rule', reason },
      { id: reassign.id, outcome: 'REFUSED', code: 'rule', reason },
    ]);
    expect(await world.db.sql`SELECT id FROM event_tasks WHERE id = ${taskId}`).toHaveLength(0);
    const [kept] = await world.db
      .sql`SELECT assignee_user_id FROM event_tasks WHERE id = ${world.rows.ids.event_tasks![0]!}`;
    expect(kept!.assignee_user_id).toBe(world.owner.userId);
    // the venue's own people may still be given it
    const toStaff = envelope('task.update', {
      taskId: world.rows.ids.event_tasks![0]!,
      assigneeUserId: world.staff.userId,
    });
    expect((await send([toStaff], world.owner.token)).body.results[0]!.outcome).toBe('APPLIED');
  });

  it('should refuse a whole batch for an organization the caller is not a member of with 403, recording nothing', async () => {
    const elsewhere = await createOrganization(world.db.sql, 'Other Hall');
    const nowhere = randomUUID();
    for (const org of [elsewhere, nowhere]) {
      const create = createTask();
      const { status, body } = await sendBatch(world.relay, world.staff.token, {
        organizationId: org,
        mutations: [create],
      });
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 'not_a_member', message: expect.stringContaining(org) });
      expect(await ledgerOf(create.id)).toBeUndefined();
    }
  });

  it('should still refuse, edit by edit, a member removed by an earlier edit of the same batch', async () => {
    // the look before the batch saw a member; the batch's own transaction reads the role again
    const member = await createMember(world.db.sql, [{ organizationId: world.organizationId, role: 'MANAGER' }]);
    const [own] = await world.db.sql<{ id: string }[]>`
      SELECT id FROM memberships WHERE user_id = ${member.userId} AND organization_id = ${world.organizationId}`;
    const leave = envelope('member.leave', { membershipId: own!.id });
    const create = createTask();
    const { body } = await send([leave, create], member.token);
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    expect(body.results[1]).toMatchObject({ outcome: 'REFUSED', code: 'forbidden' });
  });

  it('should count mutations by name and outcome in the metrics', async () => {
    const create = createTask();
    await send([create, envelope('no.such.thing', {})]);
    await send([create]);
    const text = await (await fetch(`${world.relay.url}/metrics`)).text();
    const value = (series: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.split(' ')[1],
      );
    expect(value('promoteros_mutations_total{name="task.create",outcome="applied"}')).toBeGreaterThanOrEqual(1);
    expect(value('promoteros_mutations_total{name="task.create",outcome="replayed"}')).toBeGreaterThanOrEqual(1);
    expect(value('promoteros_mutations_total{name="unknown",outcome="unknown_mutation"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('no.such.thing');
  });

  describe('a mutation whose later write fails', () => {
    /** two writes: a valid task, then the write under test; only definitions made here use it */
    const twoWrites = (second: (taskId: string) => RowWrite) =>
      defineMutation({
        name: 'test.twoWrites',
        minimumRole: 'STAFF',
        args: z.object({ taskId: z.string() }),
        describe: () => 'Add a task and break something',
        subject: (args) => ({ table: 'event_tasks', id: args.taskId }),
        async plan(args) {
          return [
            {
              op: 'insert',
              table: 'event_tasks',
              row: { id: args.taskId, event_id: world.rows.eventId, title: 'First half' },
            },
            second(args.taskId),
          ];
        },
      });

    async function apply(definition: MutationDefinition) {
      const taskId = randomUUID();
      const sent = MutationEnvelope.parse(envelope(definition.name, { taskId }));
      const scope = {
        organizationId: world.organizationId,
        userId: world.staff.userId,
        sessionId: world.staff.sessionId,
      };
      const { result } = await applyMutation(world.db.sql, scope, sent, (name) =>
        name === definition.name ? definition : undefined,
      );
      const [left] = await world.db.sql`
        SELECT (SELECT count(*)::int FROM event_tasks WHERE id = ${taskId}) AS tasks,
               (SELECT count(*)::int FROM change_log WHERE row_id = ${taskId}) AS changes,
               (SELECT count(*)::int FROM audit_logs WHERE details->>'mutationId' = ${sent.id}) AS audit`;
      return { result, left, ledger: await ledgerOf(sent.id) };
    }

    it('should leave nothing of it when the database refuses the second write, naming the constraint', async () => {
      const { result, left, ledger } = await apply(
        twoWrites(() => ({
          op: 'insert',
          table: 'event_tasks',
          row: { id: randomUUID(), event_id: randomUUID(), title: 'Orphan' },
        })),
      );
      expect(result).toMatchObject({
        outcome: 'REFUSED',
        code: 'rule',
        reason: 'the task refers to something that does not exist or is still in use (event_tasks_event_id_fkey)',
      });
      expect(left).toEqual({ tasks: 0, changes: 0, audit: 0 });
      expect(ledger).toMatchObject({ outcome: 'REFUSED', result: { code: 'rule' } });
    });

    it('should leave nothing of it when the second write finds its row gone', async () => {
      const { result, left } = await apply(
        twoWrites(() => ({ op: 'update', table: 'event_tasks', id: randomUUID(), set: { title: 'Gone' } })),
      );
      expect(result).toMatchObject({ outcome: 'REFUSED', code: 'rule', reason: 'the task no longer exists' });
      expect(left).toEqual({ tasks: 0, changes: 0, audit: 0 });
    });

    it('should refuse a value the column cannot hold instead of failing the batch', async () => {
      const { result, left } = await apply(
        twoWrites((taskId) => ({ op: 'update', table: 'event_tasks', id: taskId, set: { position: 2 ** 40 } })),
      );
      expect(result).toMatchObject({ outcome: 'REFUSED', code: 'rule' });
      expect((result as { reason: string }).reason).toMatch(/^a value cannot be stored: .*out of range/);
      expect(left).toEqual({ tasks: 0, changes: 0, audit: 0 });
    });

    it('should stop with an error, writing nothing, when a plan names a column the table does not have', async () => {
      const taskId = randomUUID();
      const definition = twoWrites((id) => ({
        op: 'update',
        table: 'event_tasks',
        id,
        set: { 'title" = 1; --': 'x' },
      }));
      const sent = MutationEnvelope.parse(envelope(definition.name, { taskId }));
      const scope = {
        organizationId: world.organizationId,
        userId: world.staff.userId,
        sessionId: world.staff.sessionId,
      };
      await expect(applyMutation(world.db.sql, scope, sent, () => definition)).rejects.toThrow(
        'event_tasks has no column "title" = 1; --"',
      );
      expect(await world.db.sql`SELECT id FROM event_tasks WHERE id = ${taskId}`).toEqual([]);
      expect(await ledgerOf(sent.id)).toBeUndefined();
    });
  });
});
