// One call to a relay endpoint that answers only online (documents, delivery problems), with the
// session's token, turned into the CommandFailure a screen can act on: `offline` when the relay
// cannot be reached or is unavailable (5xx), `not_signed_in` when it refuses the session,
// `forbidden` / `not_found` as it answers, `relay_refused` with its words otherwise.
import { z } from 'zod';
import { CommandFailure, notSignedIn } from './command-failure.js';

const RelayErrorBody = z.object({ code: z.string(), message: z.string() });

export interface RelayEndpointOptions {
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
}

export interface RelayCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly timeoutMs: number;
  /** what the person is told lives on the relay when it cannot be reached ("documents come from the relay") */
  readonly whatNeedsTheRelay: string;
}

/** The relay's answer when it is a success (2xx); every other outcome throws a CommandFailure. */
export async function callRelay(options: RelayEndpointOptions, call: RelayCall): Promise<Response> {
  const relayUrl = options.relayUrl.replace(/\/+$/, '');
  const token = await options.getToken();
  if (!token) throw notSignedIn();
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${relayUrl}${call.path}`, {
      method: call.method,
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    throw new CommandFailure(
      'offline',
      `cannot reach the relay at ${relayUrl} (${(error as Error).message}): ${call.whatNeedsTheRelay}, try again when online`,
    );
  }
  if (response.ok) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // not the relay's JSON (a proxy's page): reported by status below
  }
  const refusal = RelayErrorBody.safeParse(body);
  const message = refusal.success ? refusal.data.message : `the relay answered ${response.status}`;
  if (response.status === 401) throw notSignedIn(message);
  if (response.status === 403) throw new CommandFailure('forbidden', message);
  if (response.status === 404) throw new CommandFailure('not_found', message);
  if (response.status >= 500) throw new CommandFailure('offline', `the relay is unavailable: ${message}`);
  throw new CommandFailure('relay_refused', message, refusal.success ? { relayCode: refusal.data.code } : undefined);
}
