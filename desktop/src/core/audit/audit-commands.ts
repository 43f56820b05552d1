// audit.verify, for the organization's OWNERs: the relay walks the organization's audit chain and
// says whether it is intact (relay/src/audit). Other roles are refused here at once, as the relay
// would.
import type { Role } from '@promoteros/shared';
import type { CommandHandlers } from '../app/dispatch.js';
import { CommandFailure } from '../app/command-failure.js';
import { RelayAudit } from './relay-audit.js';

export interface OpenAudit {
  readonly organizationId: string;
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  readonly role: Role | undefined;
}

export function auditCommands(current: () => OpenAudit): Pick<CommandHandlers, 'audit.verify'> {
  return {
    'audit.verify': async () => {
      const open = current();
      if (open.role !== 'OWNER') {
        throw new CommandFailure('forbidden', "only the organization's owners verify its audit log");
      }
      const relay = new RelayAudit({
        relayUrl: open.relayUrl,
        getToken: open.getToken,
        ...(open.fetch ? { fetch: open.fetch } : {}),
      });
      return relay.verify(open.organizationId);
    },
  };
}
