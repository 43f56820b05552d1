// The areas' handlers merged into one map. A spread would let a second area that registers a
// command already registered silently replace the first one's handler; two owners for one
// command is a mistake, so it is refused when the app starts.
import type { CommandHandlers } from './dispatch.js';

/** the commands the areas register between them */
type Registered<Areas> = { [Area in keyof Areas]: keyof Areas[Area] }[keyof Areas];
/** a command no area registers makes `areas` fail to type-check, naming the command */
type EveryCommand<Areas> =
  Exclude<keyof CommandHandlers, Registered<Areas>> extends never
    ? unknown
    : { unregistered: Exclude<keyof CommandHandlers, Registered<Areas>> };

export function assembleHandlers<Areas extends Record<string, Partial<CommandHandlers>>>(
  areas: Areas & EveryCommand<Areas>,
): CommandHandlers {
  const handlers: Record<string, unknown> = {};
  const owners = new Map<string, string>();
  for (const [area, registered] of Object.entries(areas)) {
    for (const [command, handler] of Object.entries(registered)) {
      const owner = owners.get(command);
      if (owner !== undefined) {
        throw new Error(`command "${command}" is registered by both the ${owner} and the ${area} handlers`);
      }
      owners.set(command, area);
      handlers[command] = handler;
    }
  }
  return handlers as CommandHandlers;
}
