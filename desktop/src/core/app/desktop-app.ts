// The desktop app behind the command map, wired: one AppContext (app-context.ts: the session, the
// open organization, the signals pushed to the screens) handed to each area's handlers
// (handlers/*.ts), and dispatch() in front of them. Plain Node: the Electron main process and the
// browser dev host both drive it through dispatch().
import type { SignalName, SignalPayload, Outcome } from '../../common/command-map.js';
import type { AnySignalListener } from './app-signals.js';
import { AppContext } from './app-context.js';
import type { DesktopAppOptions } from './desktop-app-options.js';
import { assembleHandlers } from './assemble-handlers.js';
import { createDispatch } from './dispatch.js';
import { sessionHandlers } from './handlers/session.js';
import { eventHandlers } from './handlers/events.js';
import { requestHandlers } from './handlers/requests.js';
import { holdHandlers } from './handlers/holds.js';
import { showDayHandlers } from './handlers/show-day.js';
import { searchHandlers } from './handlers/search.js';
import { editHandlers } from './handlers/edits.js';
import { documentHandlers } from './handlers/documents.js';
import { noteHandlers } from './handlers/notes.js';
import { settingsHandlers } from './handlers/settings.js';

export type { DesktopAppOptions } from './desktop-app-options.js';

export interface DesktopApp {
  dispatch(name: string, rawArgs: unknown): Promise<Outcome<unknown>>;
  on<K extends SignalName>(name: K, listener: (payload: SignalPayload<K>) => void): () => void;
  onAny(listener: AnySignalListener): () => void;
  /** stops sync and closes the replica; the token and the replica stay for the next start */
  close(): Promise<void>;
}

export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const ctx = new AppContext(options);

  // each area registers its commands on the one context; assembleHandlers checks that every
  // command has a handler (when compiling) and that none has two (when starting)
  const handlers = assembleHandlers({
    session: sessionHandlers(ctx),
    events: eventHandlers(ctx),
    requests: requestHandlers(ctx),
    holds: holdHandlers(ctx),
    'show day': showDayHandlers(ctx),
    search: searchHandlers(ctx),
    edits: editHandlers(ctx),
    documents: documentHandlers(ctx),
    notes: noteHandlers(ctx),
    settings: settingsHandlers(ctx),
  });

  await ctx.restore();
  const dispatch = createDispatch(handlers, { log: ctx.log });
  return {
    dispatch,
    on: (name, listener) => ctx.signals.on(name, listener),
    onAny: (listener) => ctx.signals.onAny(listener),
    close: () => ctx.close(),
  };
}
