// mutation.run's arguments: a mutation of the registry, by its name, with its arguments.
//
// Callers are held to the registry's types (MutationCall: each name with its own arguments only).
// At run time the boundary checks a name and an object, no more: the mutation's own schema is the
// gate's to check, once, in the outbox (shared/src/mutations/gate.ts), which refuses in the
// relay's words and names each argument the way the screen's form shows it.
import { z } from 'zod';
import { storableText } from '@promoteros/shared';
import type { MutationCall } from '@promoteros/shared/mutations';

const NameAndObject = z.object({
  name: z.string().check(storableText()).min(1).max(100),
  args: z.record(z.string(), z.unknown()),
});

/** what the handler gets is what was checked; what a caller may pass is narrower than that */
export const MutationRunArgs = NameAndObject as unknown as z.ZodType<z.output<typeof NameAndObject>, MutationCall>;
