import { describe, expect, it } from 'vitest';
import type { MutationDefinition, Row } from './define.js';
import { MemoryRows } from './testing/memory-reader.js';
import { taskComplete, taskCreate, taskRemove, taskReopen, taskReorder, taskUpdate } from './tasks.js';
import { EVENT, USER, AT, contextAs, id } from './testing/fixtures.js';

const MEMBER = '00000000-0000-4000-8000-0000000000b2';
const STRANGER = '00000000-0000-4000-8000-0000000000b9';
const PROMOTER = '00000000-0000-4000-8000-0000000000b3';
const promoterRefused = {
  name: 'RuleViolation',
  message: "Sam Whitaker is a promoter: tasks go to the venue's own people (owners, managers and staff)",
};
const context = contextAs('STAFF');

function task(n: number, position: number, extra: Row = {}): Row {
  return {
    id: id(n),
    event_id: EVENT,
    title: `Task ${n}`,
    description: null,
    assignee_user_id: null,
    due_date: null,
    completed_at: null,
    completed_by: null,
    position,
    ...extra,
  };
}

function rows(tasks: Row[] = [], status = 'CONFIRMED') {
  return new MemoryRows({
    events: [{ id: EVENT, title: 'Summer Night', status }],
    memberships: [
      { id: id(900), user_id: MEMBER, role: 'STAFF', user_name: 'Jo Door' },
      { id: id(901), user_id: PROMOTER, role: 'PROMOTER', user_name: 'Sam Whitaker' },
    ],
    event_tasks: tasks,
  });
}

function run<D extends MutationDefinition>(definition: D, args: unknown, memory: MemoryRows) {
  return definition.plan(definition.args.parse(args), context, memory);
}

const settled = { name: 'RuleViolation', message: '“Summer Night” is settled and can no longer be edited' };

describe('task.create', () => {
  it('should add the first task at position 0 with every column set', async () => {
    const writes = await run(
      taskCreate,
      { taskId: id(1), eventId: EVENT, title: 'Send the advance', assigneeUserId: MEMBER, dueDate: '2026-06-20' },
      rows(),
    );
    expect(writes).toEqual([
      {
        op: 'insert',
        table: 'event_tasks',
        row: {
          id: id(1),
          event_id: EVENT,
          title: 'Send the advance',
          description: null,
          assignee_user_id: MEMBER,
          due_date: '2026-06-20',
          position: 0,
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should add a task after the last one, even when positions have gaps', async () => {
    const memory = rows([task(1, 0), task(2, 7), task(3, 3)]);
    const writes = await run(taskCreate, { taskId: id(4), eventId: EVENT, title: 'Print the guest list' }, memory);
    expect(writes[0]).toMatchObject({ row: { position: 8 } });
  });

  it('should refuse an assignee who is not a member of the organization', async () => {
    const args = { taskId: id(1), eventId: EVENT, title: 'Advance', assigneeUserId: STRANGER };
    await expect(run(taskCreate, args, rows())).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'the assignee is not a member of this organization',
    });
  });

  it('should refuse the outside promoter as assignee, naming them', async () => {
    const args = { taskId: id(1), eventId: EVENT, title: 'Advance', assigneeUserId: PROMOTER };
    await expect(run(taskCreate, args, rows())).rejects.toMatchObject(promoterRefused);
  });

  it('should refuse a task id that is already taken', async () => {
    await expect(
      run(taskCreate, { taskId: id(1), eventId: EVENT, title: 'Again' }, rows([task(1, 0)])),
    ).rejects.toMatchObject({ message: 'a task with this id already exists' });
  });

  it('should refuse adding a task to a settled event', async () => {
    await expect(
      run(taskCreate, { taskId: id(1), eventId: EVENT, title: 'Late' }, rows([], 'SETTLED')),
    ).rejects.toMatchObject(settled);
  });

  it('should refuse adding a task to an event that no longer exists', async () => {
    await expect(
      run(taskCreate, { taskId: id(1), eventId: EVENT, title: 'x' }, new MemoryRows()),
    ).rejects.toMatchObject({
      message: 'the event no longer exists',
    });
  });

  it('should refuse an empty title, a bad uuid and an impossible due date', () => {
    const result = taskCreate.args.safeParse({ taskId: 'task-1', eventId: EVENT, title: '', dueDate: '2026-13-01' });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'taskId: must be a uuid',
      'title: must not be empty',
      'dueDate: must be a date as YYYY-MM-DD',
    ]);
  });
});

describe('task.update', () => {
  it('should set only the fields the user gave, with updated_at', async () => {
    const writes = await run(
      taskUpdate,
      { taskId: id(1), title: 'Send the advance today', dueDate: null },
      rows([task(1, 0)]),
    );
    expect(writes).toEqual([
      {
        op: 'update',
        table: 'event_tasks',
        id: id(1),
        set: { title: 'Send the advance today', due_date: null, updated_at: AT },
      },
    ]);
  });

  it('should assign a member and unassign with null', async () => {
    const memory = rows([task(1, 0)]);
    expect(await run(taskUpdate, { taskId: id(1), assigneeUserId: MEMBER }, memory)).toMatchObject([
      { set: { assignee_user_id: MEMBER } },
    ]);
    expect(await run(taskUpdate, { taskId: id(1), assigneeUserId: null }, memory)).toMatchObject([
      { set: { assignee_user_id: null } },
    ]);
  });

  it('should refuse giving a task to the outside promoter, and leave other edits of their old tasks alone', async () => {
    await expect(
      run(taskUpdate, { taskId: id(1), assigneeUserId: PROMOTER }, rows([task(1, 0)])),
    ).rejects.toMatchObject(promoterRefused);
    // a task a promoter already holds (an assignment the rule refuses now) can still be renamed, or handed to the venue
    const theirs = rows([task(1, 0, { assignee_user_id: PROMOTER })]);
    expect(await run(taskUpdate, { taskId: id(1), title: 'Advance sent' }, theirs)).toMatchObject([
      { set: { title: 'Advance sent' } },
    ]);
    expect(await run(taskUpdate, { taskId: id(1), assigneeUserId: MEMBER }, theirs)).toMatchObject([
      { set: { assignee_user_id: MEMBER } },
    ]);
  });

  it('should refuse assigning someone outside the organization', async () => {
    await expect(
      run(taskUpdate, { taskId: id(1), assigneeUserId: STRANGER }, rows([task(1, 0)])),
    ).rejects.toMatchObject({
      message: 'the assignee is not a member of this organization',
    });
  });

  it('should refuse editing a task that no longer exists', async () => {
    await expect(run(taskUpdate, { taskId: id(1), title: 'x' }, rows())).rejects.toMatchObject({
      message: 'the task no longer exists',
    });
  });

  it('should refuse editing a task of a settled event', async () => {
    await expect(run(taskUpdate, { taskId: id(1), title: 'x' }, rows([task(1, 0)], 'SETTLED'))).rejects.toMatchObject(
      settled,
    );
  });

  it('should refuse an edit that names no field', () => {
    expect(taskUpdate.args.safeParse({ taskId: id(1) }).error?.issues.map((i) => i.message)).toEqual([
      'name at least one field to change',
    ]);
  });
});

describe('task.complete and task.reopen', () => {
  it('should tick a task off with who did it and when', async () => {
    expect(await run(taskComplete, { taskId: id(1) }, rows([task(1, 0)]))).toEqual([
      { op: 'update', table: 'event_tasks', id: id(1), set: { completed_at: AT, completed_by: USER, updated_at: AT } },
    ]);
  });

  it('should keep the first completion when the task is already done', async () => {
    const done = task(1, 0, { completed_at: '2026-05-30T09:00:00+00:00', completed_by: MEMBER });
    expect(await run(taskComplete, { taskId: id(1) }, rows([done]))).toEqual([]);
  });

  it('should reopen a done task and do nothing to an open one', async () => {
    const done = task(1, 0, { completed_at: '2026-05-30T09:00:00+00:00', completed_by: MEMBER });
    expect(await run(taskReopen, { taskId: id(1) }, rows([done]))).toEqual([
      {
        op: 'update',
        table: 'event_tasks',
        id: id(1),
        set: { completed_at: null, completed_by: null, updated_at: AT },
      },
    ]);
    expect(await run(taskReopen, { taskId: id(1) }, rows([task(1, 0)]))).toEqual([]);
  });

  it('should refuse ticking off a task of a settled event', async () => {
    await expect(run(taskComplete, { taskId: id(1) }, rows([task(1, 0)], 'SETTLED'))).rejects.toMatchObject(settled);
    await expect(run(taskReopen, { taskId: id(1) }, rows([task(1, 0)], 'SETTLED'))).rejects.toMatchObject(settled);
  });
});

describe('task.reorder', () => {
  it('should write new positions only for the tasks that moved', async () => {
    const memory = rows([task(1, 0), task(2, 1), task(3, 2)]);
    const writes = await run(taskReorder, { eventId: EVENT, taskIds: [id(1), id(3), id(2)] }, memory);
    expect(writes).toEqual([
      { op: 'update', table: 'event_tasks', id: id(3), set: { position: 1, updated_at: AT } },
      { op: 'update', table: 'event_tasks', id: id(2), set: { position: 2, updated_at: AT } },
    ]);
  });

  it('should keep tasks left out after the listed ones and skip tasks removed meanwhile', async () => {
    const memory = rows([task(1, 0), task(2, 1), task(3, 2)]);
    const writes = await run(taskReorder, { eventId: EVENT, taskIds: [id(3), id(99)] }, memory);
    memory.apply(writes);
    const order = memory.tables
      .get('event_tasks')!
      .toSorted((a, b) => Number(a.position) - Number(b.position))
      .map((t) => t.id);
    expect(order).toEqual([id(3), id(1), id(2)]);
  });

  it('should refuse a list that names a task twice', () => {
    expect(taskReorder.args.safeParse({ eventId: EVENT, taskIds: [id(1), id(1)] }).success).toBe(false);
  });

  it('should refuse reordering the tasks of a settled event', async () => {
    await expect(
      run(taskReorder, { eventId: EVENT, taskIds: [id(1)] }, rows([task(1, 0)], 'SETTLED')),
    ).rejects.toMatchObject(settled);
  });
});

describe('task.remove', () => {
  it('should delete the task, and only managers may', async () => {
    expect(taskRemove.minimumRole).toBe('MANAGER');
    expect(await run(taskRemove, { taskId: id(1) }, rows([task(1, 0)]))).toEqual([
      { op: 'delete', table: 'event_tasks', id: id(1) },
    ]);
  });

  it('should do nothing when the task is already gone', async () => {
    expect(await run(taskRemove, { taskId: id(1) }, rows())).toEqual([]);
  });

  it('should refuse removing a task of a settled event', async () => {
    await expect(run(taskRemove, { taskId: id(1) }, rows([task(1, 0)], 'SETTLED'))).rejects.toMatchObject(settled);
  });
});
