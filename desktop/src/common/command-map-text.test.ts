// Every text argument the renderer hands the core refuses text PostgreSQL cannot store (the rule
// of shared/src/storable-text.ts), so a NUL or a cut emoji never reaches the replica or the
// outbox. A new command with a bare z.string() argument fails here.
import { describe, expect, it } from 'vitest';
import { unguardedTextFields } from '@promoteros/shared/testing/unguarded-text-fields';
import { commands } from './command-map.js';

describe('the commands’ arguments', () => {
  it('should refuse text that cannot be stored in every field', () => {
    const unguarded = Object.entries(commands).flatMap(([name, command]) =>
      unguardedTextFields(command.args).map((field) => `${name}: ${field}`),
    );
    // a mutation's arguments are checked by the mutation's own schema before it is planned
    expect(unguarded).toEqual([
      'mutation.run: args{key}',
      'mutation.run: args{}',
      'outbox.retry: args{key}',
      'outbox.retry: args{}',
    ]);
  });
});
