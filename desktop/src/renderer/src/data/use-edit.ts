// Making an edit: a named mutation through the core's outbox. The core applies it to the replica
// at once (every query sees it, `replica.changed` fires) and uploads it when the relay is there,
// so a screen never waits for the network; it only hears at once when the device already knows
// the edit cannot be made (a rule, a role, a bad value), and shows that next to what was edited.
import { useCallback } from 'react';
import type { MutationArgs, MutationCall, MutationName } from '@promoteros/shared/mutations';
import type { CommandError } from '../../../common/command-map.js';
import { useBridge } from './bridge-context.js';

/** runs a mutation of the registry, by its name, with that mutation's arguments */
export type RunEdit<Result> = <Name extends MutationName>(name: Name, args: MutationArgs<Name>) => Promise<Result>;

/** runs an edit; resolves to the refusal, or undefined when it was made */
export type Edit = RunEdit<CommandError | undefined>;

export function useEdit(): Edit {
  const bridge = useBridge();
  return useCallback<Edit>(
    async (name, args) => {
      // a name and its own arguments: TypeScript cannot pair them through the type parameter
      const call = { name, args } as MutationCall;
      const outcome = await bridge.invoke('mutation.run', call);
      return outcome.ok ? undefined : outcome.error;
    },
    [bridge],
  );
}
