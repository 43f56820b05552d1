// The relay's delivery problems endpoints as the desktop uses them
// (relay/src/notify/delivery-problem-routes.ts): an organization's emails and jobs that did not
// go out, and Retry. Failures come back as CommandFailure: `offline` when the relay cannot be
// reached, `not_signed_in` when it refuses the session, `forbidden` / `not_found` as it answers,
// `relay_refused` with its words otherwise (a job that is no longer a problem).
import { z } from 'zod';
import { DeliveryProblem } from '../../common/command-map.js';
import { callRelay, type RelayEndpointOptions } from '../app/relay-call.js';

const Problems = z.object({ problems: z.array(DeliveryProblem) });
const Retried = z.object({ jobId: z.string() });

export type RelayDeliveryProblemsOptions = RelayEndpointOptions;

export class RelayDeliveryProblems {
  readonly #options: RelayEndpointOptions;

  constructor(options: RelayDeliveryProblemsOptions) {
    this.#options = options;
  }

  async list(organizationId: string): Promise<z.infer<typeof DeliveryProblem>[]> {
    const body = await this.#call('GET', `/v1/organizations/${organizationId}/delivery-problems`);
    return Problems.parse(body).problems;
  }

  async retry(organizationId: string, jobId: string): Promise<string> {
    const body = await this.#call('POST', `/v1/organizations/${organizationId}/delivery-problems/${jobId}/retry`);
    return Retried.parse(body).jobId;
  }

  async #call(method: 'GET' | 'POST', path: string): Promise<unknown> {
    const response = await callRelay(this.#options, {
      method,
      path,
      timeoutMs: 15_000,
      whatNeedsTheRelay: 'delivery problems are on the relay',
    });
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}
