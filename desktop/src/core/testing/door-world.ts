// A show night's door for tests and benchmarks: an event with a long guest list written straight
// into PostgreSQL (one statement, no mutations: the list is the setting, not what is tested), and
// the door's figures read the same way from PostgreSQL and from a replica, so "every device
// agrees with the server" is one toEqual.
import { isOverAllotment } from '@promoteros/shared/mutations';
import type { TestDatabase } from '@promoteros/relay/testing/test-database';

type Sql = TestDatabase['sql'];

export interface DoorEvent {
  readonly eventId: string;
  readonly listIds: readonly string[];
  /** every entry, by guest name */
  readonly entries: readonly { readonly id: string; readonly admitCount: number }[];
}

const lists = [
  ['Band guests', 'ARTIST'],
  ['Promoter', 'PROMOTER'],
  ['Comps', 'COMP'],
  ['Will-call', 'WILL_CALL'],
  ['Press', 'MEDIA'],
] as const;

/** A confirmed show tonight at the venue with `entryCount` guests spread over five lists. */
export async function seedDoorEvent(
  sql: Sql,
  organizationId: string,
  venueId: string,
  entryCount: number,
): Promise<DoorEvent> {
  return sql.begin(async (tx) => {
    const [event] = await tx<{ id: string }[]>`
      INSERT INTO events (organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at)
      VALUES (${organizationId}, ${venueId}, 'Door Night', 'The Queue', 'CONFIRMED', current_date,
              now(), now() + interval '1 hour', now() + interval '4 hours')
      RETURNING id`;
    const listIds: string[] = [];
    for (const [name, kind] of lists) {
      const [list] = await tx<{ id: string }[]>`
        INSERT INTO guest_lists (organization_id, event_id, name, kind, allotment)
        VALUES (${organizationId}, ${event!.id}, ${name}, ${kind}, ${Math.ceil(entryCount / 2)}) RETURNING id`;
      listIds.push(list!.id);
    }
    // guests of 1 to 4 (guest +3), names sortable so a replayed schedule picks the same guest
    const entries = await tx<{ id: string; admit_count: number }[]>`
      INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count)
      SELECT ${organizationId}, ${event!.id}, (${listIds}::uuid[])[1 + g % ${listIds.length}],
             'Guest ' || lpad(g::text, 5, '0'), 1 + (g * 7) % 4
        FROM generate_series(1, ${entryCount}) AS g
      RETURNING id, admit_count`;
    return {
      eventId: event!.id,
      listIds,
      entries: entries.map((e) => ({ id: e.id, admitCount: e.admit_count })),
    };
  });
}

export interface DoorFigures {
  /** entry id → admissions summed over its check-ins (undos included); entries nobody checked in are left out */
  readonly admitted: Record<string, number>;
  /** every check-in of the event, entries and walk-ups */
  readonly total: number;
  readonly walkUps: number;
  /** the entries more people came in on than they allot, by id */
  readonly flagged: readonly string[];
  readonly checkIns: number;
}

type Query = <T>(text: string, params: unknown[]) => Promise<T[]>;

/** The door's figures as one reader sees them: the same SQL on PostgreSQL and on a replica. */
export async function readDoorFigures(query: Query, eventId: string): Promise<DoorFigures> {
  const rows = await query<{ entry_id: string | null; admitted: number; admit_count: number | null; n: number }>(
    `SELECT c.entry_id::text AS entry_id, sum(c.admitted)::int AS admitted, max(g.admit_count)::int AS admit_count,
            count(*)::int AS n
       FROM check_ins c LEFT JOIN guest_list_entries g ON g.id = c.entry_id
      WHERE c.event_id = $1
      GROUP BY c.entry_id ORDER BY c.entry_id`,
    [eventId],
  );
  const admitted: Record<string, number> = {};
  const flagged: string[] = [];
  let total = 0;
  let walkUps = 0;
  let checkIns = 0;
  for (const row of rows) {
    total += row.admitted;
    checkIns += row.n;
    if (row.entry_id === null) {
      walkUps = row.admitted;
      continue;
    }
    admitted[row.entry_id] = row.admitted;
    if (isOverAllotment(row.admitted, row.admit_count ?? 0)) flagged.push(row.entry_id);
  }
  return { admitted, total, walkUps, flagged, checkIns };
}

/** readDoorFigures against PostgreSQL */
export const serverDoorFigures = (sql: Sql, eventId: string) =>
  readDoorFigures(
    <T>(text: string, params: unknown[]) => sql.unsafe(text, params as string[]) as Promise<T[]>,
    eventId,
  );
