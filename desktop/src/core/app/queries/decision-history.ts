// A request's decisions, oldest first, with who made each and why: shown on the request itself
// and on the event it became. It reads the replica's views, so decisions not yet uploaded show.
import type { RequestStatus } from '@promoteros/shared';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { isoInstant } from './venue-time.js';

type DecisionHistory = CommandResult<'requests.get'>['history'];

export async function decisionHistory(
  replica: Replica,
  organizationId: string,
  requestId: string,
): Promise<DecisionHistory> {
  const history = await replica.query<{
    created_at: Date;
    from_status: RequestStatus | null;
    to_status: RequestStatus;
    note: string | null;
    actor: string | null;
  }>(
    `SELECT d.created_at, d.from_status, d.to_status, d.note, m.user_name AS actor
       FROM decision_logs d
       LEFT JOIN memberships m ON m.organization_id = d.organization_id AND m.user_id = d.actor_user_id
      WHERE d.organization_id = $1 AND d.request_id = $2
      ORDER BY d.created_at, d.id`,
    [organizationId, requestId],
  );
  return history.map((entry) => ({
    at: isoInstant(entry.created_at),
    fromStatus: entry.from_status,
    toStatus: entry.to_status,
    note: entry.note,
    actor: entry.actor,
  }));
}
