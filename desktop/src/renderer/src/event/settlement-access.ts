// Who sees and who edits the settlement: managers and owners enter it (the mutations' minimum
// role), staff may read it, promoters do not see the house's money. A settled or cancelled show
// is read-only for everyone.
import { roleAtLeast } from '@promoteros/shared';
import { mutations } from '@promoteros/shared/mutations';
import type { Role } from './edit-rights.js';

export type SettlementAccess = 'edit' | 'read' | 'none';

export function settlementAccess(role: Role | undefined, eventStatus: string): SettlementAccess {
  if (role === undefined || role === 'PROMOTER') return 'none';
  const mayEdit = roleAtLeast(role, mutations['settlementLine.update'].minimumRole);
  if (!mayEdit) return 'read';
  return eventStatus === 'SETTLED' || eventStatus === 'CANCELLED' ? 'read' : 'edit';
}
