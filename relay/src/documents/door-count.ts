// The drop count of a night for its settlement sheet: who came in at the door, from the
// append-only check_ins (shared/migrations/0003_show.sql, 0010). Admits and walk-ups add
// people, undos take them away (their `admitted` is negative), so a sum per guest list is the
// count whatever order the door devices' check-ins arrived in. An undo counts where the check-in
// it takes back did: a guest's undo names the guest's entry, a walk-up's undo names none.
import { guestListKinds, type GuestListKind } from '@promoteros/shared';
import type { Queries } from '../db/as-organizations.js';

export interface DoorCount {
  /**
   * One row per guest list the event has, or that someone came in on, by the name the venue
   * gave it ("Press and photo"); its kind orders the rows and stands beside the name.
   */
  readonly guests: readonly {
    readonly listName: string;
    readonly listKind: GuestListKind;
    readonly admitted: number;
  }[];
  /** door sales counted at the door: a count, not priced here */
  readonly walkUps: number;
  readonly total: number;
}

/**
 * The event's door count, and the last change of anything it shows (a check-in, or a list whose
 * name or kind changed). `count` is null when no check-in was ever recorded: a sheet then says
 * the door was not counted rather than print a zero nobody measured.
 */
export async function loadDoorCount(
  sql: Queries,
  eventId: string,
): Promise<{ count: DoorCount | null; changedAt: Date | null }> {
  const sums = await sql<{ list_id: string | null; admitted: number; at: Date }[]>`
    SELECT ge.guest_list_id AS list_id, sum(c.admitted)::int AS admitted, max(c.created_at) AS at
      FROM check_ins c
      LEFT JOIN guest_list_entries ge ON ge.id = c.entry_id
     WHERE c.event_id = ${eventId}
     GROUP BY ge.guest_list_id`;
  if (sums.length === 0) return { count: null, changedAt: null };
  // every list of the event: one nobody came in on is listed at 0
  const lists = await sql<{ id: string; name: string; kind: GuestListKind; at: Date }[]>`
    SELECT id, name, kind, updated_at AS at FROM guest_lists WHERE event_id = ${eventId}`;
  const admittedBy = new Map(sums.map((s) => [s.list_id, s.admitted]));
  // in the order the sheet lists them: by the guest_lists.kind values of 0003, then by name
  const kindOrder = (kind: GuestListKind) => guestListKinds.indexOf(kind);
  const guests = lists
    .slice()
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((list) => ({ listName: list.name, listKind: list.kind, admitted: admittedBy.get(list.id) ?? 0 }));
  const walkUps = admittedBy.get(null) ?? 0;
  const total = guests.reduce((n, g) => n + g.admitted, walkUps);
  const changedAt = new Date(Math.max(...[...sums, ...lists].map((r) => r.at.getTime())));
  return { count: { guests, walkUps, total }, changedAt };
}
