import { describe, expect, it } from 'vitest';
import type { Row } from './define.js';
import { MemoryRows } from './testing/memory-reader.js';
import { taskTemplateCreate, taskTemplateRemove, taskTemplateReorder, taskTemplateUpdate } from './task-templates.js';
import { AT, context, id } from './testing/fixtures.js';

const template = (n: number, position: number, extra: Row = {}): Row => ({
  id: id(n),
  title: `Task ${n}`,
  description: null,
  default_due_days: 7,
  default_role: null,
  position,
  active: true,
  ...extra,
});

describe('taskTemplate.create', () => {
  const create = (args: Record<string, unknown>, memory: MemoryRows) =>
    taskTemplateCreate.plan(
      taskTemplateCreate.args.parse({ templateId: id(9), title: 'Send the advance', defaultDueDays: 14, ...args }),
      context,
      memory,
    );

  it('should add the template at the end of the checklist, active', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 0), template(2, 4, { active: false })] });
    expect(await create({ description: 'tech rider', defaultRole: 'STAFF' }, memory)).toEqual([
      {
        op: 'insert',
        table: 'task_templates',
        row: {
          id: id(9),
          title: 'Send the advance',
          description: 'tech rider',
          default_due_days: 14,
          default_role: 'STAFF',
          position: 5,
          active: true,
          created_at: AT,
          updated_at: AT,
        },
      },
    ]);
  });

  it('should start the checklist at position 0 with no role and no description', async () => {
    expect(await create({}, new MemoryRows())).toMatchObject([
      { row: { position: 0, description: null, default_role: null } },
    ]);
  });

  it('should refuse an id that is already taken', async () => {
    await expect(create({}, new MemoryRows({ task_templates: [template(9, 0)] }))).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'a task template with this id already exists',
    });
  });

  it('should refuse due days outside 0–365, an empty title and an unknown role, naming each', () => {
    const result = taskTemplateCreate.args.safeParse({
      templateId: id(9),
      title: '',
      defaultDueDays: 366,
      defaultRole: 'ROADIE',
    });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'title: must not be empty',
      'defaultDueDays: must be at most 365',
      'defaultRole: must be OWNER, MANAGER, STAFF or PROMOTER',
    ]);
    expect(taskTemplateCreate.args.safeParse({ templateId: id(9), title: 'x', defaultDueDays: -1 }).success).toBe(
      false,
    );
  });
});

describe('taskTemplate.update', () => {
  const update = (args: Record<string, unknown>, memory: MemoryRows) =>
    taskTemplateUpdate.plan(taskTemplateUpdate.args.parse({ templateId: id(1), ...args }), context, memory);

  it('should change only the fields that differ', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 0)] });
    expect(await update({ title: 'Task 1', defaultDueDays: 3, defaultRole: 'MANAGER', active: false }, memory)).toEqual(
      [
        {
          op: 'update',
          table: 'task_templates',
          id: id(1),
          set: { default_due_days: 3, default_role: 'MANAGER', active: false, updated_at: AT },
        },
      ],
    );
  });

  it('should change nothing when everything is already so', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 0)] });
    expect(await update({ defaultDueDays: 7, active: true }, memory)).toEqual([]);
  });

  it('should refuse a template that no longer exists', async () => {
    await expect(update({ title: 'x' }, new MemoryRows())).rejects.toMatchObject({
      message: 'the task template no longer exists',
    });
  });

  it('should refuse an edit that names no field', () => {
    const result = taskTemplateUpdate.args.safeParse({ templateId: id(1) });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['name at least one field to change']);
  });

  it('should describe switching a template off in words', () => {
    expect(taskTemplateUpdate.describe(taskTemplateUpdate.args.parse({ templateId: id(1), active: false }))).toBe(
      'Switch off a task template',
    );
  });
});

describe('taskTemplate.remove', () => {
  it('should delete the template', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 0)] });
    expect(await taskTemplateRemove.plan({ templateId: id(1) }, context, memory)).toEqual([
      { op: 'delete', table: 'task_templates', id: id(1) },
    ]);
  });

  it('should do nothing when it is already gone', async () => {
    expect(await taskTemplateRemove.plan({ templateId: id(1) }, context, new MemoryRows())).toEqual([]);
  });
});

describe('taskTemplate.reorder', () => {
  const reorder = (templateIds: string[], memory: MemoryRows) =>
    taskTemplateReorder.plan(taskTemplateReorder.args.parse({ templateIds }), context, memory);

  it('should put the templates in the given order, the rest after them, moving only those that change place', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 0), template(2, 1), template(3, 2), template(4, 3)] });
    const writes = await reorder([id(3), id(1)], memory);
    memory.apply(writes);
    const order = (await memory.where('task_templates', {}, 'position')).map((t) => t.id);
    expect(order).toEqual([id(3), id(1), id(2), id(4)]);
    expect(writes.map((w) => 'id' in w && w.id)).toEqual([id(3), id(1), id(2)]);
  });

  it('should skip a template removed meanwhile', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 0), template(2, 1)] });
    memory.apply(await reorder([id(2), id(9), id(1)], memory));
    expect((await memory.where('task_templates', {}, 'position')).map((t) => t.id)).toEqual([id(2), id(1)]);
  });

  it('should leave the order alone when every listed template was removed meanwhile', async () => {
    const memory = new MemoryRows({ task_templates: [template(1, 3), template(2, 7)] });
    expect(await reorder([id(9)], memory)).toEqual([]);
  });

  it('should refuse a list naming a template twice', () => {
    expect(taskTemplateReorder.args.safeParse({ templateIds: [id(1), id(1)] }).error?.issues[0]?.message).toBe(
      'names a template twice',
    );
  });
});
