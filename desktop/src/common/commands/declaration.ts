// What declaring a command takes; each area's map of commands is checked against it.
import type { z } from 'zod';
import type { RowTable } from '@promoteros/shared';

export interface CommandDeclaration {
  readonly args: z.ZodType;
  readonly result: z.ZodType;
  /**
   * A command answered from the replica names the synced tables its answer comes from: a screen
   * showing it asks again whenever `replica.changed` names one of them (useQuery), so a table
   * missing here leaves the screen stale. desktop/src/core/app/queries/query-reads.test.ts holds
   * each list to what the command's SQL reads.
   */
  readonly reads?: readonly RowTable[];
}

export type CommandDeclarations = Readonly<Record<string, CommandDeclaration>>;
