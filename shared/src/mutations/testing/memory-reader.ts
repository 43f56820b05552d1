// A RowReader over plain arrays, for tests of plans without a database.
import { isRowWrite, type MutableTable, type PlannedWrite, type Row, type RowReader } from '../define.js';

export class MemoryRows implements RowReader {
  readonly tables = new Map<MutableTable, Row[]>();

  constructor(initial: Partial<Record<MutableTable, Row[]>> = {}) {
    for (const [table, rows] of Object.entries(initial))
      this.tables.set(
        table as MutableTable,
        rows.map((r) => ({ ...r })),
      );
  }

  async get(table: MutableTable, id: string): Promise<Row | undefined> {
    return this.#rows(table).find((row) => row.id === id);
  }

  async where(table: MutableTable, equals: Readonly<Record<string, unknown>>, orderBy?: string): Promise<Row[]> {
    const rows = this.#rows(table).filter((row) => Object.entries(equals).every(([k, v]) => row[k] === v));
    const key = (row: Row) => (orderBy ? (row[orderBy] as number | string) : '');
    return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : String(a.id) < String(b.id) ? -1 : 1));
  }

  /** applies a plan's writes, as the relay would */
  apply(writes: readonly PlannedWrite[]): void {
    for (const write of writes.filter(isRowWrite)) {
      const rows = this.#rows(write.table);
      if (write.op === 'insert') rows.push({ ...write.row });
      else if (write.op === 'update') Object.assign(rows.find((r) => r.id === write.id) ?? {}, write.set);
      else
        this.tables.set(
          write.table,
          rows.filter((r) => r.id !== write.id),
        );
    }
  }

  #rows(table: MutableTable): Row[] {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = []));
    return rows;
  }
}
