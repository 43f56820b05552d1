// A relay address as the member typed it, checked before anything is sent there.
import { CommandFailure } from './command-failure.js';

/** http(s) only, no trailing slash */
export function normalizeRelayUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CommandFailure('invalid_arguments', `${value} is not a relay address`, { relayUrl: 'must be a URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CommandFailure('invalid_arguments', `the relay address must start with http:// or https://`, {
      relayUrl: 'must be an http or https URL',
    });
  }
  return url.toString().replace(/\/+$/, '');
}
