// The requests inbox and one request, read from the open organization's replica. Decisions on
// a request are edits (mutation.run, handlers/edits.ts).
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { requestDetail } from '../queries/request-detail.js';
import { listRequests } from '../queries/request-list.js';

type RequestCommands = Pick<CommandHandlers, 'requests.list' | 'requests.get'>;

export function requestHandlers(ctx: AppContext): RequestCommands {
  return {
    'requests.list': async (args) => {
      const { replica, organizationId } = ctx.reading();
      return listRequests(replica, organizationId, args);
    },
    'requests.get': async ({ requestId }) => {
      const { replica, organizationId } = ctx.reading();
      return requestDetail(replica, organizationId, requestId);
    },
  };
}
