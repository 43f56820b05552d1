// The one list of everything the renderer may ask of the desktop core, and every signal the
// core pushes to it. Each command is named once, with zod schemas for its arguments and its
// result; the main process (and the browser dev host) checks both at the boundary, and errors
// cross as typed results, never as thrown strings.
//
// Each area's commands are declared in ./commands/, next to the schemas of what they answer;
// this file puts them together.
//
// Runs anywhere: main process, preload, renderer, dev host, tests (zod only, no Node, no DOM).
import { z } from 'zod';
import type { RowTable } from '@promoteros/shared';
import { documentCommands } from './commands/documents.js';
import { editCommands, OutboxCounts } from './commands/edits.js';
import { eventCommands } from './commands/events.js';
import { holdCommands } from './commands/holds.js';
import { NoteConnection, NoteName, noteCommands } from './commands/notes.js';
import { requestCommands } from './commands/requests.js';
import { searchCommands } from './commands/search.js';
import { SessionState, SyncStatus, sessionCommands } from './commands/session.js';
import { settingsCommands } from './commands/settings.js';
import { showDayCommands } from './commands/show-day.js';

export * from './commands/declaration.js';
export * from './commands/fields.js';
export * from './commands/session.js';
export * from './commands/events.js';
export * from './commands/requests.js';
export * from './commands/holds.js';
export * from './commands/show-day.js';
export * from './commands/search.js';
export * from './commands/edits.js';
export * from './commands/notes.js';
export * from './commands/documents.js';
export * from './commands/settings.js';

/** Every command: name → argument and result schemas. */
export const commands = {
  ...sessionCommands,
  ...eventCommands,
  ...requestCommands,
  ...holdCommands,
  ...showDayCommands,
  ...searchCommands,
  ...editCommands,
  ...noteCommands,
  ...documentCommands,
  ...settingsCommands,
} as const;

/** Every signal: what the core pushes to the renderer, by name. */
export const signals = {
  'session.changed': SessionState,
  'sync.status': SyncStatus,
  /** the replica changed (sync applied a batch): live queries re-run */
  'replica.changed': z.object({ tables: z.array(z.string()) }),
  /**
   * the Electron menu's Search… item (Cmd/Ctrl-K) was chosen: open the search palette. The menu
   * accelerator takes the key before the page sees it, so the shell says so with this signal; in
   * the browser dev host the renderer's own key handler does the same and this never arrives.
   */
  'shell.openSearch': z.object({}),
  /** pending or refused edits changed */
  'outbox.changed': OutboxCounts,
  /** an open note changed by someone else (a Yjs update, base64) */
  'notes.changed': z.object({ eventId: z.string(), name: NoteName, update: z.string() }),
  /** an open note's connection to its room changed */
  'notes.connection': z.object({ eventId: z.string(), name: NoteName, connection: NoteConnection }),
} as const;

export type CommandName = keyof typeof commands;
export type SignalName = keyof typeof signals;
export type CommandArgs<K extends CommandName> = z.input<(typeof commands)[K]['args']>;
export type CommandResult<K extends CommandName> = z.output<(typeof commands)[K]['result']>;
export type SignalPayload<K extends SignalName> = z.output<(typeof signals)[K]>;

/** The commands answered from the replica: each declares the tables it reads. */
export type QueryName = {
  [K in CommandName]: (typeof commands)[K] extends { readonly reads: readonly RowTable[] } ? K : never;
}[CommandName];

/** the tables a query command reads: a screen showing its answer asks again when one of them changes */
export function tablesReadBy(name: QueryName): readonly RowTable[] {
  return commands[name].reads;
}

/** How an error crosses the boundary: a stable code tests can assert, and words for people. */
export const CommandError = z.object({
  code: z.enum([
    'invalid_arguments',
    'unknown_command',
    'not_signed_in',
    'relay_refused',
    'offline',
    'not_found',
    /** the signed-in member's role may not do this */
    'forbidden',
    /** a domain rule refuses the edit (the message says which) */
    'rule',
    /** sign-out would leave edits unsent or refused edits unseen */
    'pending_changes',
    'internal',
  ]),
  message: z.string(),
  details: z.record(z.string(), z.string()).optional(),
});
export type CommandError = z.infer<typeof CommandError>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CommandError };

/** The one object the preload exposes (and the dev host's client implements). */
export interface DesktopBridge {
  invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Outcome<CommandResult<K>>>;
  on<K extends SignalName>(name: K, listener: (payload: SignalPayload<K>) => void): () => void;
}
