// The desktop app behind the command map: the shared context (app-context.ts: the session, the
// open organization, the events pushed to the screens) and every command's handler. Plain Node:
// the Electron main process and the browser dev host both drive it through dispatch().
import type { EventName, EventPayload, Outcome } from '../../common/command-map.js';
import { type AnyEventListener } from './app-events.js';
import { AppContext } from './app-context.js';
import type { DesktopAppOptions } from './desktop-app-options.js';
import { createDispatch, type CommandHandlers } from './dispatch.js';
import { settingsHandlers } from './handlers/settings.js';
import { noteHandlers } from './handlers/notes.js';
import { documentHandlers } from './handlers/documents.js';
import { editHandlers } from './handlers/edits.js';
import { searchHandlers } from './handlers/search.js';
import { showDayHandlers } from './handlers/show-day.js';
import { holdHandlers } from './handlers/holds.js';
import { requestHandlers } from './handlers/requests.js';
import { eventHandlers } from './handlers/events.js';
import { sessionHandlers } from './handlers/session.js';

export type { DesktopAppOptions } from './desktop-app-options.js';

export interface DesktopApp {
  dispatch(name: string, rawArgs: unknown): Promise<Outcome<unknown>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  onAny(listener: AnyEventListener): () => void;
  /** stops sync and closes the replica; the token and the replica stay for the next start */
  close(): Promise<void>;
}

export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const ctx = new AppContext(options);
  const { log } = ctx;

  const handlers: CommandHandlers = {
    ...sessionHandlers(ctx),
    ...eventHandlers(ctx),
    ...settingsHandlers(ctx),
    ...requestHandlers(ctx),
    ...holdHandlers(ctx),
    ...searchHandlers(ctx),
    ...showDayHandlers(ctx),
    ...editHandlers(ctx),
    ...documentHandlers(ctx),
    ...noteHandlers(ctx),
  };

  await ctx.restore();
  const dispatch = createDispatch(handlers, { log });
  return {
    dispatch,
    on: (name, listener) => ctx.events.on(name, listener),
    onAny: (listener) => ctx.events.onAny(listener),
    close: () => ctx.close(),
  };
}
