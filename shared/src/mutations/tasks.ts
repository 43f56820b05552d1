// The event checklist: add, edit, assign, schedule, complete, reopen, reorder and remove tasks.
// Door and production staff tick tasks off on show day, so STAFF may do all of it but remove.
import { z } from 'zod';
import { calendarDate, text, uuid } from '../entities/fields.js';
import { defineMutation, mustGet, RuleViolation } from './define.js';
import { orderedIds, reorderWrites } from './reorder.js';
import { editableEvent, mustBeVenueStaff } from './rules.js';

const title = text({ min: 1, max: 200 });
const description = text({ max: 5000 }).nullable();

export const taskCreate = defineMutation({
  name: 'task.create',
  minimumRole: 'STAFF',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    taskId: uuid,
    eventId: uuid,
    title,
    description: description.optional(),
    assigneeUserId: uuid.nullable().optional(),
    dueDate: calendarDate.nullable().optional(),
  }),
  subject: (args) => ({ table: 'event_tasks', id: args.taskId }),
  describe: (args) => `Add the task “${args.title}”`,
  async plan(args, context, read) {
    await editableEvent(read, args.eventId);
    if (await read.get('event_tasks', args.taskId)) throw new RuleViolation('a task with this id already exists');
    if (args.assigneeUserId) await mustBeVenueStaff(read, args.assigneeUserId);
    const siblings = await read.where('event_tasks', { event_id: args.eventId }, 'position');
    const last = siblings.at(-1);
    return [
      {
        op: 'insert',
        table: 'event_tasks',
        row: {
          id: args.taskId,
          event_id: args.eventId,
          title: args.title,
          description: args.description ?? null,
          assignee_user_id: args.assigneeUserId ?? null,
          due_date: args.dueDate ?? null,
          position: last ? Number(last.position) + 1 : 0,
          created_at: context.at,
          updated_at: context.at,
        },
      },
    ];
  },
});

export const taskUpdate = defineMutation({
  name: 'task.update',
  minimumRole: 'STAFF',
  args: z
    .object({
      taskId: uuid,
      title: title.optional(),
      description: description.optional(),
      assigneeUserId: uuid.nullable().optional(),
      dueDate: calendarDate.nullable().optional(),
    })
    .refine((a) => Object.keys(a).length > 1, 'name at least one field to change'),
  subject: (args) => ({ table: 'event_tasks', id: args.taskId }),
  describe: (args) => `Edit a task${args.title ? ` (“${args.title}”)` : ''}`,
  async plan(args, context, read) {
    const task = await mustGet(read, 'event_tasks', args.taskId, 'the task');
    await editableEvent(read, String(task.event_id));
    if (args.assigneeUserId) await mustBeVenueStaff(read, args.assigneeUserId);
    // only the fields the user touched: another device's edit of the other fields stays
    const set: Record<string, unknown> = { updated_at: context.at };
    if (args.title !== undefined) set.title = args.title;
    if (args.description !== undefined) set.description = args.description;
    if (args.assigneeUserId !== undefined) set.assignee_user_id = args.assigneeUserId;
    if (args.dueDate !== undefined) set.due_date = args.dueDate;
    return [{ op: 'update', table: 'event_tasks', id: args.taskId, set }];
  },
});

export const taskComplete = defineMutation({
  name: 'task.complete',
  minimumRole: 'STAFF',
  args: z.object({ taskId: uuid }),
  subject: (args) => ({ table: 'event_tasks', id: args.taskId }),
  describe: () => 'Tick a task off',
  async plan(args, context, read) {
    const task = await mustGet(read, 'event_tasks', args.taskId, 'the task');
    await editableEvent(read, String(task.event_id));
    // already done (by someone else, maybe): the first completion stands
    if (task.completed_at !== null) return [];
    return [
      {
        op: 'update',
        table: 'event_tasks',
        id: args.taskId,
        set: { completed_at: context.at, completed_by: context.userId, updated_at: context.at },
      },
    ];
  },
});

export const taskReopen = defineMutation({
  name: 'task.reopen',
  minimumRole: 'STAFF',
  args: z.object({ taskId: uuid }),
  subject: (args) => ({ table: 'event_tasks', id: args.taskId }),
  describe: () => 'Reopen a task',
  async plan(args, context, read) {
    const task = await mustGet(read, 'event_tasks', args.taskId, 'the task');
    await editableEvent(read, String(task.event_id));
    if (task.completed_at === null) return [];
    return [
      {
        op: 'update',
        table: 'event_tasks',
        id: args.taskId,
        set: { completed_at: null, completed_by: null, updated_at: context.at },
      },
    ];
  },
});

export const taskReorder = defineMutation({
  name: 'task.reorder',
  minimumRole: 'STAFF',
  args: z.object({
    eventId: uuid,
    /** the event's tasks in their new order; tasks left out keep their place after these */
    taskIds: orderedIds('task'),
  }),
  subject: (args) => ({ table: 'events', id: args.eventId }),
  describe: () => 'Reorder the checklist',
  async plan(args, context, read) {
    await editableEvent(read, args.eventId);
    const tasks = await read.where('event_tasks', { event_id: args.eventId }, 'position');
    return reorderWrites('event_tasks', tasks, args.taskIds, context.at);
  },
});

export const taskRemove = defineMutation({
  name: 'task.remove',
  minimumRole: 'MANAGER',
  args: z.object({ taskId: uuid }),
  subject: (args) => ({ table: 'event_tasks', id: args.taskId }),
  describe: () => 'Remove a task',
  async plan(args, _context, read) {
    const task = await read.get('event_tasks', args.taskId);
    if (!task) return []; // removed already
    await editableEvent(read, String(task.event_id));
    return [{ op: 'delete', table: 'event_tasks', id: args.taskId }];
  },
});
