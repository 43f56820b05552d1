// Applies a plan's RowWrites to PostgreSQL, always within the batch's organization: inserts get
// its organization_id whatever the plan said, updates and deletes match it in their WHERE. Values
// travel as one JSON document and are cast by jsonb_populate_record to each column's own type, so
// the writer needs no per-type code and a column left out keeps its default. (JSON is sent as
// text and cast: postgres.js would encode a string parameter typed jsonb a second time.)
import type postgres from 'postgres';
import { RuleViolation, type JobRequest, type Row, type RowWrite } from '@promoteros/shared/mutations';
import { isUuid, rowWord, writableTable, type WritableTable } from './writable-tables.js';

/** Column names of a row, checked, never the id or tenant of an update. */
function columnsOf(table: WritableTable, row: Row, op: RowWrite['op']): string[] {
  const columns = Object.keys(row);
  for (const column of columns) {
    table.quote(column); // throws on an unknown column
    if (op === 'update' && (column === 'id' || column === 'organization_id'))
      throw new Error(`an update of ${table.name} may not set ${column}`);
  }
  return columns;
}

export async function writeRow(tx: postgres.TransactionSql, organizationId: string, write: RowWrite): Promise<void> {
  const t = writableTable(write.table);
  if (write.op !== 'update' && !t.rowsMayComeAndGo) throw new Error(`a plan may not ${write.op} ${t.name} rows`);
  // the row's organization: organization_id, or the organization's own id
  const tenant = t.quote(t.organizationColumn);
  if (write.op === 'insert') {
    const row = { ...write.row, organization_id: organizationId };
    const list = columnsOf(t, row, 'insert')
      .map((c) => t.quote(c))
      .join(', ');
    await tx.unsafe(
      `INSERT INTO ${t.quoted} (${list}) SELECT ${list} FROM jsonb_populate_record(NULL::${t.quoted}, $1::text::jsonb)`,
      [JSON.stringify(row)],
    );
    return;
  }
  if (!isUuid(write.id)) throw new RuleViolation(`${rowWord(write.table)} no longer exists`);
  let result: postgres.RowList<postgres.Row[]>;
  if (write.op === 'update') {
    const columns = columnsOf(t, write.set, 'update');
    if (columns.length === 0) {
      result = await tx.unsafe(`SELECT 1 FROM ${t.quoted} WHERE id = $1 AND ${tenant} = $2 ${t.lock}`, [
        write.id,
        organizationId,
      ]);
    } else {
      const list = columns.map((c) => t.quote(c)).join(', ');
      // only the named columns change: another device's edit of the others is kept
      result = await tx.unsafe(
        `UPDATE ${t.quoted} SET (${list}) = (SELECT ${list} FROM jsonb_populate_record(NULL::${t.quoted}, $3::text::jsonb))
          WHERE id = $1 AND ${tenant} = $2`,
        [write.id, organizationId, JSON.stringify(write.set)],
      );
    }
  } else {
    result = await tx.unsafe(`DELETE FROM ${t.quoted} WHERE id = $1 AND ${tenant} = $2`, [write.id, organizationId]);
  }
  // the plan saw the row a moment ago under a lock, so this is another tenant's id or a plan bug;
  // either way the user is told in words and nothing of the mutation stays
  if (result.count === 0) throw new RuleViolation(`${rowWord(write.table)} no longer exists`);
}

/** A job the mutation causes, enqueued in its transaction: it exists exactly when the change does. */
export async function enqueueJob(tx: postgres.TransactionSql, organizationId: string, job: JobRequest): Promise<void> {
  await tx.unsafe(`INSERT INTO jobs (organization_id, kind, payload) VALUES ($1, $2, $3::text::jsonb)`, [
    organizationId,
    job.kind,
    JSON.stringify(job.payload),
  ]);
}
