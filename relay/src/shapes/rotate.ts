// Rotating a table's shapes: every handle of the table becomes unknown, so every client gets
// 409 must-refetch and downloads it again. Used after maintenance that rewrites a table
// outside the change log, and by tests.
import type { Sql } from '../db/database.js';

export async function rotateShape(sql: Sql, table: string): Promise<number> {
  const [row] = await sql<{ epoch: number }[]>`
    INSERT INTO shape_epochs (table_name, epoch) VALUES (${table}, 2)
    ON CONFLICT (table_name) DO UPDATE SET epoch = shape_epochs.epoch + 1, rotated_at = now()
    RETURNING epoch`;
  return row!.epoch;
}
