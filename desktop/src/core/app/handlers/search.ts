// The search box (Ctrl/Cmd-K), answered from the open organization's search index
// (queries/search.ts), never from the relay.
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';

export function searchHandlers(ctx: AppContext): Pick<CommandHandlers, 'search.query'> {
  return {
    'search.query': async ({ text, limit }) => {
      return ctx.reading().search.search(text, limit);
    },
  };
}
