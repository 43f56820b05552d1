// Who holds a venue's date, read from the open organization's replica. Placing, ranking and
// releasing holds are edits (mutation.run, handlers/edits.ts).
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { holdsOnDate } from '../queries/holds.js';

export function holdHandlers(ctx: AppContext): Pick<CommandHandlers, 'holds.onDate'> {
  return {
    'holds.onDate': async ({ venueId, date }) => {
      const { replica, organizationId } = ctx.reading();
      return holdsOnDate(replica, organizationId, venueId, date);
    },
  };
}
