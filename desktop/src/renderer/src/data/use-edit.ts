// Making an edit: a named mutation through the core's outbox. The core applies it to the replica
// at once (every query sees it, `replica.changed` fires) and uploads it when the relay is there,
// so a screen never waits for the network; it only hears at once when the device already knows
// the edit cannot be made (a rule, a role, a bad value), and shows that next to what was edited.
import { useCallback } from 'react';
import type { CommandError } from '../../../common/command-map.js';
import { useBridge } from './bridge-context.js';

/** the mutations this renderer makes (shared/src/mutations names them all) */
export type EditName =
  | 'event.update'
  | 'dealTerms.set'
  | 'event.sendConfirmation'
  | 'task.create'
  | 'task.update'
  | 'task.complete'
  | 'task.reopen'
  | 'task.reorder'
  | 'task.remove'
  | 'request.setStatus'
  | 'request.convertToEvent'
  | 'request.submit'
  | 'hold.place'
  | 'hold.release'
  | 'hold.challenge'
  | 'hold.setExpiry'
  | 'taskTemplate.create'
  | 'taskTemplate.update'
  | 'taskTemplate.remove'
  | 'taskTemplate.reorder'
  | 'guestList.create'
  | 'guestList.update'
  | 'guestList.remove'
  | 'guestEntry.add'
  | 'guestEntry.update'
  | 'guestEntry.remove'
  | 'checkIn.admit'
  | 'checkIn.walkUp'
  | 'checkIn.undo'
  | 'settlementLine.add'
  | 'settlementLine.update'
  | 'settlementLine.remove'
  | 'settlementLine.reorder'
  | 'event.settle'
  | 'organization.setLocale';

/** runs an edit; resolves to the refusal, or undefined when it was made */
export type Edit = (name: EditName, args: Record<string, unknown>) => Promise<CommandError | undefined>;

export function useEdit(): Edit {
  const bridge = useBridge();
  return useCallback(
    async (name, args) => {
      const outcome = await bridge.invoke('mutation.run', { name, args });
      return outcome.ok ? undefined : outcome.error;
    },
    [bridge],
  );
}
