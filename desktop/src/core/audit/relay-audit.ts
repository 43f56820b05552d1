// The relay's audit verification endpoint as the desktop uses it
// (relay/src/audit/routes.ts). Failures come back as CommandFailure: `offline` when the relay
// cannot be reached, `not_signed_in` when it refuses the session, `forbidden` as it answers.
import type { z } from 'zod';
import { AuditVerification } from '../../common/command-map.js';
import { callRelay, type RelayEndpointOptions } from '../app/relay-call.js';

export class RelayAudit {
  readonly #options: RelayEndpointOptions;

  constructor(options: RelayEndpointOptions) {
    this.#options = options;
  }

  async verify(organizationId: string): Promise<z.infer<typeof AuditVerification>> {
    const response = await callRelay(this.#options, {
      method: 'GET',
      path: `/v1/organizations/${organizationId}/audit/verification`,
      // a long log takes a while to walk: every entry's hash is computed again
      timeoutMs: 120_000,
      whatNeedsTheRelay: 'the audit log is verified on the relay',
    });
    return AuditVerification.parse(await response.json());
  }
}
