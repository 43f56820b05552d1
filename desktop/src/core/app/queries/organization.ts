// The open organization as its screens format it: its name and its locale (organizations.locale,
// migration 0023), from the replica, so a change synced from another device shows at once.
import { DEFAULT_LOCALE } from '@promoteros/shared/format';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';

export async function organizationSettings(
  replica: Replica,
  organizationId: string,
): Promise<CommandResult<'organization.get'>> {
  const [row] = await replica.query<{ name: string; locale: string }>(
    'SELECT name, locale FROM organizations WHERE id = $1',
    [organizationId],
  );
  // before the first sync brings the row: the default, as the database would give it
  return { id: organizationId, name: row?.name ?? '', locale: row?.locale ?? DEFAULT_LOCALE };
}
