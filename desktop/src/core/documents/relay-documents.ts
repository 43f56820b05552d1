// The relay's document endpoints as the desktop uses them (relay/src/documents/routes.ts):
// ask for a render, see the renders under way, fetch a version's bytes. Failures come back as
// CommandFailure: `offline` when the relay cannot be reached, `not_signed_in` when it refuses the
// session, `forbidden` / `not_found` as it answers, `relay_refused` with its words otherwise.
import { z } from 'zod';
import { CommandFailure, notSignedIn } from '../app/command-failure.js';

const RelayErrorBody = z.object({ code: z.string(), message: z.string() });
const Queued = z.object({ jobId: z.string() });
const Renders = z.object({
  renders: z.array(
    z.object({ jobId: z.string(), kind: z.string(), status: z.string(), lastError: z.string().nullable() }),
  ),
});

export interface RelayDocumentsOptions {
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
}

export class RelayDocuments {
  readonly #relayUrl: string;
  readonly #getToken: () => Promise<string | undefined>;
  readonly #fetch: typeof fetch;

  constructor(options: RelayDocumentsOptions) {
    this.#relayUrl = options.relayUrl.replace(/\/+$/, '');
    this.#getToken = options.getToken;
    this.#fetch = options.fetch ?? fetch;
  }

  async generate(eventId: string, kind: string): Promise<string> {
    const response = await this.#call('POST', `/v1/events/${eventId}/documents/${kind.toLowerCase()}`);
    return Queued.parse(await response.json()).jobId;
  }

  async renders(eventId: string): Promise<z.infer<typeof Renders>['renders']> {
    const response = await this.#call('GET', `/v1/events/${eventId}/documents/renders`);
    return Renders.parse(await response.json()).renders;
  }

  async bytes(documentId: string): Promise<Uint8Array> {
    const response = await this.#call('GET', `/v1/documents/${documentId}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async #call(method: string, path: string): Promise<Response> {
    const token = await this.#getToken();
    if (!token) throw notSignedIn();
    let response: Response;
    try {
      response = await this.#fetch(`${this.#relayUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new CommandFailure(
        'offline',
        `cannot reach the relay at ${this.#relayUrl} (${(error as Error).message}): documents come from the relay, try again when online`,
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
    throw new CommandFailure('relay_refused', message);
  }
}
