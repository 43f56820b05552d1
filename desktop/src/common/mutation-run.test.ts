// mutation.run: typed by the registry for whoever invokes it, checked as a name and an object at
// run time (the outbox's gate checks the rest). The type check (tsc -b) holds the types: every
// line marked @ts-expect-error must fail to compile, or the directive itself is an error.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MutationCall } from '@promoteros/shared/mutations';
import { commands, type CommandArgs, type CommandResult, type DesktopBridge, type Outcome } from './command-map.js';

describe('the mutation.run command', () => {
  it('should take, from a caller, a mutation’s name with that mutation’s arguments only', async () => {
    expectTypeOf<CommandArgs<'mutation.run'>>().toEqualTypeOf<MutationCall>();
    const sent: unknown[] = [];
    const bridge: Pick<DesktopBridge, 'invoke'> = {
      invoke: async (name, args) => {
        sent.push(args);
        return { ok: true, value: { mutationId: name } } as Outcome<CommandResult<typeof name>>;
      },
    };
    const task = '00000000-0000-4000-8000-000000000001';

    await bridge.invoke('mutation.run', { name: 'task.complete', args: { taskId: task } });
    // @ts-expect-error: no mutation has this name
    await bridge.invoke('mutation.run', { name: 'task.teleport', args: { taskId: task } });
    // @ts-expect-error: task.complete names a task, not an event
    await bridge.invoke('mutation.run', { name: 'task.complete', args: { eventId: task } });
    expect(sent).toHaveLength(3);
  });

  it('should check a name and an object, and leave the mutation’s own schema to the gate', () => {
    const { args } = commands['mutation.run'];
    expect(args.safeParse({ name: 'task.teleport', args: { anything: 1 } }).success).toBe(true);
    expect(args.safeParse({ name: '', args: {} }).success).toBe(false);
    expect(args.safeParse({ name: 'task.complete', args: ['not', 'an', 'object'] }).success).toBe(false);
    expect(args.safeParse({ name: 'task.complete' }).success).toBe(false);
  });
});
