// The one error a command handler throws on purpose. dispatch turns it into the command map's
// CommandError as is; anything else a handler throws becomes `internal`.
import type { CommandError } from '../../common/command-map.js';

export class CommandFailure extends Error {
  override name = 'CommandFailure';
  constructor(
    readonly code: CommandError['code'],
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notSignedIn = (message = 'sign in first') => new CommandFailure('not_signed_in', message);
export const notFound = (message: string) => new CommandFailure('not_found', message);
