// The organization's venues, by name.
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';

export async function listVenues(replica: Replica, organizationId: string): Promise<CommandResult<'venues.list'>> {
  const rows = await replica.query<{ id: string; name: string; timezone: string; capacity: number }>(
    'SELECT id, name, timezone, capacity FROM venues WHERE organization_id = $1 ORDER BY name, id',
    [organizationId],
  );
  return rows.map((row) => ({ ...row, organizationId }));
}
