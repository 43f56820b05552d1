// The one way into the app service, used by the Electron main process (ipcMain.handle) and the
// browser dev host (WebSocket) alike: the name is looked up in the command map, the arguments
// and the result are both checked against its schemas, and every failure comes back as a typed
// Outcome, never as a thrown error.
import type { z } from 'zod';
import { problemsByField } from '@promoteros/shared';
import {
  commands,
  type CommandError,
  type CommandName,
  type CommandResult,
  type Outcome,
} from '../../common/command-map.js';
import { CommandFailure } from './command-failure.js';

export type CommandHandlers = {
  [K in CommandName]: (args: z.output<(typeof commands)[K]['args']>) => Promise<CommandResult<K>>;
};

export type Dispatch = (name: string, rawArgs: unknown) => Promise<Outcome<unknown>>;

export interface DispatchOptions {
  /** where unexpected failures go (handler crashes, results that break their schema) */
  readonly log?: (message: string, error?: unknown) => void;
}

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

const failure = (error: CommandError): Outcome<never> => ({ ok: false, error });

/** "statuses.0" → message, "(arguments)" for the object as a whole */
const fieldErrors = (error: z.ZodError) => problemsByField(error, '(arguments)');

export function createDispatch(handlers: CommandHandlers, options: DispatchOptions = {}): Dispatch {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return async (name, rawArgs) => {
    if (typeof name !== 'string' || !isCommandName(name)) {
      return failure({ code: 'unknown_command', message: `there is no command named ${JSON.stringify(name)}` });
    }
    const command = commands[name];
    // a command without arguments may be invoked with none at all
    const parsed = command.args.safeParse(rawArgs === undefined ? {} : rawArgs);
    if (!parsed.success) {
      const details = fieldErrors(parsed.error);
      const summary = Object.entries(details)
        .map(([field, message]) => `${field}: ${message}`)
        .join('; ');
      return failure({ code: 'invalid_arguments', message: `${name}: ${summary}`, details });
    }
    let result: unknown;
    try {
      const handler = handlers[name] as (args: unknown) => Promise<unknown>;
      result = await handler(parsed.data);
    } catch (error) {
      if (error instanceof CommandFailure) {
        return failure({
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        });
      }
      log(`command ${name} failed`, error);
      return failure({ code: 'internal', message: `${name} failed: ${(error as Error)?.message ?? String(error)}` });
    }
    const checked = command.result.safeParse(result);
    if (!checked.success) {
      log(`command ${name} answered outside its result schema`, checked.error.issues);
      return failure({
        code: 'internal',
        message: `${name} produced a result the app does not expect`,
        details: fieldErrors(checked.error),
      });
    }
    return { ok: true, value: checked.data };
  };
}
