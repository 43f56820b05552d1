// The night itself, read from the open organization's replica: the venue's show today, its guest
// lists at the door, the door count against capacity, and the settlement sheet. Check-ins and
// settlement lines are edits (mutation.run, handlers/edits.ts).
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { doorCount } from '../queries/door-count.js';
import { guestListDoor } from '../queries/guest-list.js';
import { settlementSheet } from '../queries/settlement-sheet.js';
import { showDay } from '../queries/show-day.js';

type ShowDayCommands = Pick<CommandHandlers, 'showDay.get' | 'guestList.get' | 'doorCount.get' | 'settlement.get'>;

export function showDayHandlers(ctx: AppContext): ShowDayCommands {
  return {
    'showDay.get': async (args) => {
      const { replica, organizationId } = ctx.reading();
      return showDay(replica, organizationId, args);
    },
    'guestList.get': async ({ eventId }) => {
      const { replica, organizationId } = ctx.reading();
      return guestListDoor(replica, organizationId, eventId);
    },
    'doorCount.get': async ({ eventId }) => {
      const { replica, organizationId } = ctx.reading();
      return doorCount(replica, organizationId, eventId);
    },
    'settlement.get': async ({ eventId }) => {
      const { replica, organizationId } = ctx.reading();
      return settlementSheet(replica, organizationId, eventId);
    },
  };
}
