// An event's PDF documents (../../documents/document-commands.ts) on the open organization, with
// the host's save dialog and viewer when it has them.
import type { AppContext } from '../app-context.js';
import { documentCommands } from '../../documents/document-commands.js';

export function documentHandlers(ctx: AppContext): ReturnType<typeof documentCommands> {
  const files = ctx.options.documentFiles;
  return documentCommands(() => ({
    ...ctx.relayAccess(),
    replica: ctx.reading().replica,
    ...(files ? { files } : {}),
  }));
}
