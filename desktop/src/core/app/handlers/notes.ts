// The shared notes (advance notes, run of show; ../../notes/note-commands.ts) on the open
// organization.
import type { AppContext } from '../app-context.js';
import { noteCommands } from '../../notes/note-commands.js';

export function noteHandlers(ctx: AppContext): ReturnType<typeof noteCommands> {
  return noteCommands(() => {
    const { organizationId, replica, notes } = ctx.reading();
    return { organizationId, replica, notes, role: ctx.roleIn(organizationId) };
  });
}
