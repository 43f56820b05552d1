// A reference model of an event checklist and of the task mutations (shared/src/mutations/
// tasks.ts) that the outbox model-based test drives: plain objects, no database, so that what
// the replica and PostgreSQL should hold after any sequence of edits can be worked out by hand.
// It restates the rules in the plainest form (a task must exist, a settled show takes no edits,
// a task goes last in its event's list, the first completion stands) and nothing else.
import type { Role } from '@promoteros/shared';

export interface Task {
  readonly id: string;
  readonly eventId: string;
  readonly title: string;
  readonly dueDate: string | null;
  readonly completed: boolean;
  readonly completedBy: string | null;
  readonly position: number;
}

export interface ShowEvent {
  readonly title: string;
  readonly settled: boolean;
}

/** The rows a checklist edit reads and writes, as one reader sees them. */
export interface Rows {
  readonly events: Readonly<Record<string, ShowEvent>>;
  readonly tasks: Readonly<Record<string, Task>>;
}

export type TaskEdit =
  | { readonly kind: 'create'; readonly taskId: string; readonly eventId: string; readonly title: string }
  | { readonly kind: 'rename'; readonly taskId: string; readonly title: string }
  | { readonly kind: 'due'; readonly taskId: string; readonly dueDate: string }
  | { readonly kind: 'complete' | 'reopen' | 'remove'; readonly taskId: string };

export type Write =
  | { readonly op: 'insert'; readonly task: Task }
  | { readonly op: 'update'; readonly id: string; readonly set: Partial<Task> }
  | { readonly op: 'delete'; readonly id: string };

export type Plan = { readonly writes: readonly Write[] } | { readonly violation: string };

/** the mutation the outbox is asked to run for an edit */
export function mutationOf(edit: TaskEdit): { name: string; args: Record<string, unknown> } {
  switch (edit.kind) {
    case 'create':
      return { name: 'task.create', args: { taskId: edit.taskId, eventId: edit.eventId, title: edit.title } };
    case 'rename':
      return { name: 'task.update', args: { taskId: edit.taskId, title: edit.title } };
    case 'due':
      return { name: 'task.update', args: { taskId: edit.taskId, dueDate: edit.dueDate } };
    default:
      return { name: `task.${edit.kind}`, args: { taskId: edit.taskId } };
  }
}

/** Removing a task is a manager's call; door and production staff may do all the rest. */
export const minimumRoleOf = (edit: TaskEdit): Role => (edit.kind === 'remove' ? 'MANAGER' : 'STAFF');

/** the row ids an edit names (the outbox links an edit to pending edits that insert one of them) */
export const namedIds = (edit: TaskEdit): string[] =>
  edit.kind === 'create' ? [edit.taskId, edit.eventId] : [edit.taskId];

const settledReason = (event: ShowEvent) => `“${event.title}” is settled and can no longer be edited`;

/** What the edit writes when planned against `rows` by `userId`, or the rule it breaks. */
export function planEdit(edit: TaskEdit, rows: Rows, userId: string): Plan {
  const task = rows.tasks[edit.taskId];
  if (edit.kind === 'create') {
    const event = rows.events[edit.eventId];
    if (!event) return { violation: 'the event no longer exists' };
    if (event.settled) return { violation: settledReason(event) };
    if (task) return { violation: 'a task with this id already exists' };
    const positions = Object.values(rows.tasks)
      .filter((t) => t.eventId === edit.eventId)
      .map((t) => t.position);
    const position = positions.length > 0 ? Math.max(...positions) + 1 : 0;
    return {
      writes: [
        {
          op: 'insert',
          task: {
            id: edit.taskId,
            eventId: edit.eventId,
            title: edit.title,
            dueDate: null,
            completed: false,
            completedBy: null,
            position,
          },
        },
      ],
    };
  }
  // a removal of a task that is gone already has nothing left to do
  if (!task) return edit.kind === 'remove' ? { writes: [] } : { violation: 'the task no longer exists' };
  const event = rows.events[task.eventId]!;
  if (event.settled) return { violation: settledReason(event) };
  const update = (set: Partial<Task>): Plan => ({ writes: [{ op: 'update', id: task.id, set }] });
  switch (edit.kind) {
    case 'rename':
      return update({ title: edit.title });
    case 'due':
      return update({ dueDate: edit.dueDate });
    case 'complete':
      return task.completed ? { writes: [] } : update({ completed: true, completedBy: userId });
    case 'reopen':
      return task.completed ? update({ completed: false, completedBy: null }) : { writes: [] };
    case 'remove':
      return { writes: [{ op: 'delete', id: task.id }] };
  }
}

/**
 * The rows after these writes, in order: the server applying a mutation, or a replica's views
 * laying its pending writes over the synced rows (an update of a row that is not there, say one
 * another device removed, shows nothing).
 */
export function applyWrites(rows: Rows, writes: readonly Write[]): Rows {
  const tasks: Record<string, Task> = { ...rows.tasks };
  for (const write of writes) {
    if (write.op === 'insert') tasks[write.task.id] = write.task;
    else if (write.op === 'delete') delete tasks[write.id];
    else if (tasks[write.id]) tasks[write.id] = { ...tasks[write.id]!, ...write.set };
  }
  return { events: rows.events, tasks };
}

/** the event's tasks in the order the checklist shows them (position, then id, as the plans read them) */
export function checklistOf(rows: Rows, eventId?: string): Task[] {
  return Object.values(rows.tasks)
    .filter((t) => eventId === undefined || t.eventId === eventId)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
