// What Settings shows: the organization's own settings and task templates (from the replica),
// and for its owners the audit log's verification and the deliveries the relay gave up on (from
// the relay: ../../audit, ../../delivery).
import type { CommandHandlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { organizationSettings } from '../queries/organization.js';
import { listTaskTemplates } from '../queries/task-templates.js';
import { auditCommands } from '../../audit/audit-commands.js';
import { deliveryProblemCommands } from '../../delivery/delivery-problem-commands.js';

type SettingsCommands = Pick<
  CommandHandlers,
  'organization.get' | 'taskTemplates.list' | 'audit.verify' | 'deliveryProblems.list' | 'deliveryProblems.retry'
>;

export function settingsHandlers(ctx: AppContext): SettingsCommands {
  return {
    'organization.get': async () => {
      const { replica, organizationId } = ctx.reading();
      return organizationSettings(replica, organizationId);
    },
    'taskTemplates.list': async () => {
      const { replica, organizationId } = ctx.reading();
      return listTaskTemplates(replica, organizationId);
    },
    ...auditCommands(() => ctx.relayAccess()),
    ...deliveryProblemCommands(() => ctx.relayAccess()),
  };
}
