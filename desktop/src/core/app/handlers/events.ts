// The venues, the calendar and an event, read from the open organization's replica.
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { calendarMonth, calendarRange } from '../queries/calendar-month.js';
import { eventDetail } from '../queries/event-detail.js';
import { listVenues } from '../queries/venues.js';

type EventCommands = Pick<CommandHandlers, 'venues.list' | 'calendar.month' | 'calendar.range' | 'events.get'>;

export function eventHandlers(ctx: AppContext): EventCommands {
  return {
    'venues.list': async () => {
      const { replica, organizationId } = ctx.reading();
      return listVenues(replica, organizationId);
    },
    'calendar.month': async (args) => {
      const { replica, organizationId } = ctx.reading();
      return calendarMonth(replica, organizationId, args);
    },
    'calendar.range': async (args) => {
      const { replica, organizationId } = ctx.reading();
      return calendarRange(replica, organizationId, args);
    },
    'events.get': async ({ eventId }) => {
      const { replica, organizationId } = ctx.reading();
      return eventDetail(replica, organizationId, eventId);
    },
  };
}
