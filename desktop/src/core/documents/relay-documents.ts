// The relay's document endpoints as the desktop uses them (relay/src/documents/routes.ts):
// ask for a render, see the renders under way, fetch a version's bytes. Failures come back as
// CommandFailure: `offline` when the relay cannot be reached, `not_signed_in` when it refuses the
// session, `forbidden` / `not_found` as it answers, `relay_refused` with its words otherwise.
import { z } from 'zod';
import { callRelay, type RelayEndpointOptions } from '../app/relay-call.js';

const Queued = z.object({ jobId: z.string() });
const Renders = z.object({
  renders: z.array(
    z.object({ jobId: z.string(), kind: z.string(), status: z.string(), lastError: z.string().nullable() }),
  ),
});

export type RelayDocumentsOptions = RelayEndpointOptions;

export class RelayDocuments {
  readonly #options: RelayEndpointOptions;

  constructor(options: RelayDocumentsOptions) {
    this.#options = options;
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

  #call(method: 'GET' | 'POST', path: string): Promise<Response> {
    return callRelay(this.#options, {
      method,
      path,
      timeoutMs: 30_000,
      whatNeedsTheRelay: 'documents come from the relay',
    });
  }
}
