// The door count: admitted so far against what the night holds (the event's capacity override,
// else the venue's), per guest list and in total. Check-ins are appended events, so the count is
// a sum over them, undos (negative) and walk-ups included; whatever order devices' check-ins
// arrive in, the sum is the same.
import type { CommandResult } from '../../../common/command-map.js';
import { isNearCapacity } from '../../../common/near-capacity.js';
import type { Replica } from '../../replica/open-replica.js';
import { notFound } from '../command-failure.js';

export type DoorCount = CommandResult<'doorCount.get'>;

/** a replica, or one transaction on it, so the door count and the guest list read the same rows */
export type ReplicaReader = Pick<Replica, 'query'>;

export async function doorCount(reader: ReplicaReader, organizationId: string, eventId: string): Promise<DoorCount> {
  const [event] = await reader.query<{ capacity: number; total: number; walk_ups: number }>(
    `SELECT coalesce(e.capacity_override, v.capacity) AS capacity,
            (SELECT coalesce(sum(c.admitted), 0)::int FROM check_ins c
              WHERE c.organization_id = e.organization_id AND c.event_id = e.id) AS total,
            (SELECT coalesce(sum(c.admitted), 0)::int FROM check_ins c
              WHERE c.organization_id = e.organization_id AND c.event_id = e.id AND c.entry_id IS NULL) AS walk_ups
       FROM events e JOIN venues v ON v.id = e.venue_id
      WHERE e.organization_id = $1 AND e.id = $2`,
    [organizationId, eventId],
  );
  if (!event) throw notFound(`no event ${eventId} in this organization`);
  const lists = await reader.query<{ id: string; name: string; admitted: number }>(
    `SELECT l.id, l.name, coalesce(sum(c.admitted), 0)::int AS admitted
       FROM guest_lists l
       LEFT JOIN guest_list_entries g ON g.guest_list_id = l.id AND g.event_id = l.event_id
       LEFT JOIN check_ins c ON c.entry_id = g.id AND c.event_id = l.event_id
      WHERE l.organization_id = $1 AND l.event_id = $2
      GROUP BY l.id, l.name
      ORDER BY l.name, l.id`,
    [organizationId, eventId],
  );
  return {
    capacity: event.capacity,
    total: event.total,
    walkUps: event.walk_ups,
    lists: lists.map((list) => ({ guestListId: list.id, name: list.name, admitted: list.admitted })),
    nearCapacity: isNearCapacity(event.total, event.capacity),
  };
}
