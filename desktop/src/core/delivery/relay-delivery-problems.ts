// The relay's delivery problems endpoints as the desktop uses them
// (relay/src/notify/delivery-problem-routes.ts): an organization's emails and jobs that did not
// go out, and Retry. Failures come back as CommandFailure: `offline` when the relay cannot be
// reached, `not_signed_in` when it refuses the session, `forbidden` / `not_found` as it answers,
// `relay_refused` with its words otherwise (a job that is no longer a problem).
import { z } from 'zod';
import { DeliveryProblem } from '../../common/command-map.js';
import { CommandFailure, notSignedIn } from '../app/command-failure.js';

const RelayErrorBody = z.object({ code: z.string(), message: z.string() });
const Problems = z.object({ problems: z.array(DeliveryProblem) });
const Retried = z.object({ jobId: z.string() });

export interface RelayDeliveryProblemsOptions {
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
}

export class RelayDeliveryProblems {
  readonly #relayUrl: string;
  readonly #getToken: () => Promise<string | undefined>;
  readonly #fetch: typeof fetch;

  constructor(options: RelayDeliveryProblemsOptions) {
    this.#relayUrl = options.relayUrl.replace(/\/+$/, '');
    this.#getToken = options.getToken;
    this.#fetch = options.fetch ?? fetch;
  }

  async list(organizationId: string): Promise<z.infer<typeof DeliveryProblem>[]> {
    const body = await this.#call('GET', `/v1/organizations/${organizationId}/delivery-problems`);
    return Problems.parse(body).problems;
  }

  async retry(organizationId: string, jobId: string): Promise<string> {
    const body = await this.#call('POST', `/v1/organizations/${organizationId}/delivery-problems/${jobId}/retry`);
    return Retried.parse(body).jobId;
  }

  async #call(method: string, path: string): Promise<unknown> {
    const token = await this.#getToken();
    if (!token) throw notSignedIn();
    let response: Response;
    try {
      response = await this.#fetch(`${this.#relayUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new CommandFailure(
        'offline',
        `cannot reach the relay at ${this.#relayUrl} (${(error as Error).message}): delivery problems are on the relay, try again when online`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not the relay's JSON (a proxy's page): reported by status below
    }
    if (response.ok) return body;
    const refusal = RelayErrorBody.safeParse(body);
    const message = refusal.success ? refusal.data.message : `the relay answered ${response.status}`;
    if (response.status === 401) throw notSignedIn(message);
    if (response.status === 403) throw new CommandFailure('forbidden', message);
    if (response.status === 404) throw new CommandFailure('not_found', message);
    if (response.status >= 500) throw new CommandFailure('offline', `the relay is unavailable: ${message}`);
    throw new CommandFailure('relay_refused', message, refusal.success ? { relayCode: refusal.data.code } : undefined);
  }
}
