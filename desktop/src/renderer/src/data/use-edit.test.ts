// The edits a screen makes are typed by the mutation registry: a name no mutation has, or
// arguments that are not that mutation's, do not compile. The type check (tsc -b) holds this:
// each @ts-expect-error line must fail to compile, or the directive itself is an error.
import { describe, expect, it } from 'vitest';
import type { Edit, RunEdit } from './use-edit.js';

describe('an edit, as a screen makes it', () => {
  it('should take a mutation’s name with that mutation’s arguments only', async () => {
    const made: string[] = [];
    const edit: Edit = async (name) => void made.push(name);
    const task = '00000000-0000-4000-8000-000000000001';

    await edit('task.complete', { taskId: task });
    await edit('hold.release', { holdId: task, reason: null });
    // @ts-expect-error: no mutation has this name
    await edit('task.teleport', { taskId: task });
    // @ts-expect-error: task.complete names a task, not a hold
    await edit('task.complete', { holdId: task });
    // @ts-expect-error: a task id is text
    await edit('task.complete', { taskId: 1 });
    // @ts-expect-error: task.create needs its title
    await edit('task.create', { taskId: task, eventId: task });

    const run: RunEdit<boolean> = async () => true;
    // @ts-expect-error: the helpers that run edits for a panel are held to the same types
    await run('hold.release', { taskId: task });

    expect(made).toEqual([
      'task.complete',
      'hold.release',
      'task.teleport',
      'task.complete',
      'task.complete',
      'task.create',
    ]);
  });
});
