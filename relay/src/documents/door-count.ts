// The drop count of a night for its settlement sheet: who came in at the door, from the
// append-only check_ins (shared/migrations/0003_show.sql, 0010). Admissions and walk-ups add
// people, undos take them away (their `admitted` is negative), so a sum per guest-list kind is the
// count whatever order the door devices' check-ins arrived in. An undo counts where the check-in
// it takes back did: a guest's undo names the guest's entry, a walk-up's undo names none.
import { guestListKinds, type GuestListKind } from '@promoteros/shared';
import type { Queries } from '../db/as-organizations.js';

export interface DoorCount {
  /** one row per kind of guest list the event has, or that someone came in on */
  readonly guests: readonly { readonly listKind: GuestListKind; readonly admitted: number }[];
  /** door sales counted at the door: a count, not priced here */
  readonly walkUps: number;
  readonly total: number;
}

/**
 * The event's door count, and the last change of anything it shows (a check-in, or a list whose
 * kind changed). `count` is null when no check-in was ever recorded: a sheet then says the door
 * was not counted rather than print a zero nobody measured.
 */
export async function loadDoorCount(
  sql: Queries,
  eventId: string,
): Promise<{ count: DoorCount | null; changedAt: Date | null }> {
  const sums = await sql<{ list_kind: GuestListKind | null; admitted: number; at: Date }[]>`
    SELECT gl.kind AS list_kind, sum(c.admitted)::int AS admitted, max(c.created_at) AS at
      FROM check_ins c
      LEFT JOIN guest_list_entries ge ON ge.id = c.entry_id
      LEFT JOIN guest_lists gl ON gl.id = ge.guest_list_id
     WHERE c.event_id = ${eventId}
     GROUP BY gl.kind`;
  if (sums.length === 0) return { count: null, changedAt: null };
  const lists = await sql<{ kind: GuestListKind; at: Date }[]>`
    SELECT kind, max(updated_at) AS at FROM guest_lists WHERE event_id = ${eventId} GROUP BY kind`;
  const admittedBy = new Map(sums.map((s) => [s.list_kind, s.admitted]));
  const kinds = new Set<GuestListKind>([
    ...lists.map((l) => l.kind),
    ...sums.flatMap((s) => (s.list_kind ? [s.list_kind] : [])),
  ]);
  // in the order the sheet lists them: the guest_lists.kind values of 0003
  const guests = guestListKinds
    .filter((k) => kinds.has(k))
    .map((listKind) => ({
      listKind,
      admitted: admittedBy.get(listKind) ?? 0,
    }));
  const walkUps = admittedBy.get(null) ?? 0;
  const total = guests.reduce((n, g) => n + g.admitted, walkUps);
  const changedAt = new Date(Math.max(...[...sums, ...lists].map((r) => r.at.getTime())));
  return { count: { guests, walkUps, total }, changedAt };
}
