// The deliveryProblems.* commands, for the organization's OWNERs: the emails and jobs the relay
// gave up on or is retrying after a failure (never synced: they live on the relay), and Retry.
// Other roles are refused here at once, as the relay would.
import type { Role } from '@promoteros/shared';
import type { CommandHandlers } from '../app/dispatch.js';
import { CommandFailure } from '../app/command-failure.js';
import { RelayDeliveryProblems } from './relay-delivery-problems.js';

export interface OpenDeliveryProblems {
  readonly organizationId: string;
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  readonly role: Role | undefined;
}

type DeliveryProblemCommands = Pick<CommandHandlers, 'deliveryProblems.list' | 'deliveryProblems.retry'>;

export function deliveryProblemCommands(current: () => OpenDeliveryProblems): DeliveryProblemCommands {
  function owner(): { open: OpenDeliveryProblems; relay: RelayDeliveryProblems } {
    const open = current();
    if (open.role !== 'OWNER') {
      throw new CommandFailure('forbidden', "only the organization's owners see and retry delivery problems");
    }
    const relay = new RelayDeliveryProblems({
      relayUrl: open.relayUrl,
      getToken: open.getToken,
      ...(open.fetch ? { fetch: open.fetch } : {}),
    });
    return { open, relay };
  }

  return {
    'deliveryProblems.list': async () => {
      const { open, relay } = owner();
      return relay.list(open.organizationId);
    },
    'deliveryProblems.retry': async ({ jobId }) => {
      const { open, relay } = owner();
      return { jobId: await relay.retry(open.organizationId, jobId) };
    },
  };
}
