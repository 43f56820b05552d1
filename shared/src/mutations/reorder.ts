// Putting a list of rows in a new order (a checklist, a settlement's lines): the device sends the
// ids in the order the user left them, and each row whose place changed gets its new position.
// Written as positions 0…n against the rows as they are when the edit lands, so two devices'
// reorders end in one order (the later one's) and a row added meanwhile keeps its place after.
import { z } from 'zod';
import { uuid } from '../entities/fields.js';
import type { MutableTable, Row, RowWrite } from './define.js';

/** the ids in their new order: each at most once, up to 500; `noun` names a row in the refusal */
export const orderedIds = (noun: string) =>
  z
    .array(uuid)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, `names a ${noun} twice`);

/**
 * The updates that put `rows` (read in position order) in the order of `ids`. An id no longer
 * among the rows (removed meanwhile) is skipped; rows left out keep their order after the others.
 */
export function reorderWrites(
  table: MutableTable,
  rows: readonly Row[],
  ids: readonly string[],
  at: string,
): RowWrite[] {
  const known = new Set(rows.map((row) => String(row.id)));
  const listed = ids.filter((id) => known.has(id));
  const rest = rows.map((row) => String(row.id)).filter((id) => !listed.includes(id));
  const writes: RowWrite[] = [];
  [...listed, ...rest].forEach((id, position) => {
    const row = rows.find((r) => r.id === id)!;
    if (Number(row.position) !== position) writes.push({ op: 'update', table, id, set: { position, updated_at: at } });
  });
  return writes;
}
