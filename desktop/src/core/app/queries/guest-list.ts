// Everything the door works from for one event, read in one transaction so the entries, their
// check-ins and the door count agree: the lists with their allotments and cutoffs, every entry
// with who added it, what it has been admitted (summed over every device's check-ins the replica
// has heard of) and whether that is more than its allotment (two doors admitting the same guest
// offline: both check-ins kept, the entry flagged for the manager), and the walk-ups.
import { isOverAllotment } from '@promoteros/shared/mutations';
import type { CommandResult } from '../../../common/command-map.js';
import type { Replica } from '../../replica/open-replica.js';
import { doorCount, type ReplicaReader } from './door-count.js';
import { isoInstant } from './venue-time.js';

type GuestListDoor = CommandResult<'guestList.get'>;
type CheckIn = GuestListDoor['walkUps'][number];

interface CheckInRow {
  id: string;
  entry_id: string | null;
  kind: CheckIn['kind'];
  admitted: number;
  undoes_id: string | null;
  undone: boolean;
  device_id: string;
  recorded_by: string | null;
  occurred_at: Date;
}

export async function guestListDoor(replica: Replica, organizationId: string, eventId: string): Promise<GuestListDoor> {
  return replica.db.transaction(async (tx) => {
    const reader: ReplicaReader = {
      query: async <T>(sql: string, params: readonly unknown[] = []) =>
        (await tx.query<T>(sql, params as unknown[])).rows,
    };
    // the event first: an unknown one is not_found, not an empty door
    const door = await doorCount(reader, organizationId, eventId);
    return { eventId, ...(await read(reader, organizationId, eventId)), door };
  });
}

async function read(reader: ReplicaReader, organizationId: string, eventId: string) {
  const lists = await reader.query<{
    id: string;
    name: string;
    kind: GuestListDoor['lists'][number]['kind'];
    allotment: number | null;
    cutoff_at: Date | null;
    allotted: number;
    entry_count: number;
  }>(
    `SELECT l.id, l.name, l.kind, l.allotment, l.cutoff_at,
            coalesce(sum(g.admit_count), 0)::int AS allotted, count(g.id)::int AS entry_count
       FROM guest_lists l
       LEFT JOIN guest_list_entries g ON g.guest_list_id = l.id AND g.event_id = l.event_id
      WHERE l.organization_id = $1 AND l.event_id = $2
      GROUP BY l.id, l.name, l.kind, l.allotment, l.cutoff_at
      ORDER BY l.name, l.id`,
    [organizationId, eventId],
  );
  const entries = await reader.query<{
    id: string;
    guest_list_id: string;
    guest_name: string;
    admit_count: number;
    note: string | null;
    added_by: string | null;
  }>(
    `SELECT g.id, g.guest_list_id, g.guest_name, g.admit_count, g.note, m.user_name AS added_by
       FROM guest_list_entries g
       LEFT JOIN memberships m ON m.organization_id = g.organization_id AND m.user_id = g.added_by
      WHERE g.organization_id = $1 AND g.event_id = $2
      ORDER BY lower(g.guest_name), g.id`,
    [organizationId, eventId],
  );
  const checkIns = await reader.query<CheckInRow>(
    `SELECT c.id, c.entry_id, c.kind, c.admitted, c.undoes_id, c.device_id, c.occurred_at,
            m.user_name AS recorded_by,
            EXISTS (SELECT 1 FROM check_ins u WHERE u.event_id = c.event_id AND u.undoes_id = c.id) AS undone
       FROM check_ins c
       LEFT JOIN memberships m ON m.organization_id = c.organization_id AND m.user_id = c.recorded_by
      WHERE c.organization_id = $1 AND c.event_id = $2
      ORDER BY c.occurred_at, c.id`,
    [organizationId, eventId],
  );

  const byEntry = new Map<string, CheckIn[]>();
  const walkUps: CheckIn[] = [];
  for (const row of checkIns) {
    const checkIn = toCheckIn(row);
    if (row.entry_id === null) walkUps.push(checkIn);
    else {
      const list = byEntry.get(row.entry_id);
      if (list) list.push(checkIn);
      else byEntry.set(row.entry_id, [checkIn]);
    }
  }

  return {
    lists: lists.map((list) => ({
      id: list.id,
      name: list.name,
      kind: list.kind,
      allotment: list.allotment,
      cutoffAt: list.cutoff_at ? isoInstant(list.cutoff_at) : null,
      allotted: list.allotted,
      entryCount: list.entry_count,
    })),
    entries: entries.map((entry) => {
      const own = byEntry.get(entry.id) ?? [];
      const admitted = own.reduce((sum, checkIn) => sum + checkIn.admitted, 0);
      return {
        id: entry.id,
        guestListId: entry.guest_list_id,
        guestName: entry.guest_name,
        admitCount: entry.admit_count,
        note: entry.note,
        addedBy: entry.added_by,
        admitted,
        flagged: isOverAllotment(admitted, entry.admit_count),
        checkIns: own,
      };
    }),
    walkUps,
  };
}

function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    kind: row.kind,
    admitted: row.admitted,
    undoesId: row.undoes_id,
    undone: row.undone,
    deviceId: row.device_id,
    recordedBy: row.recorded_by,
    occurredAt: isoInstant(row.occurred_at),
  };
}
