// The database spells each vocabulary out once more, as a CHECK constraint (a migration cannot
// import shared/): this holds the two equal. Every one-column `IN (…)` check of the migrated
// schema must allow exactly the codes the column's row schema accepts (shared/src/entities), or,
// for a table without one, the vocabulary named below.
import { NOTE_NAMES } from '@promoteros/shared/notes';
import { rowSchemas } from '@promoteros/shared';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

/** coded columns of tables shared has no row schema for */
const withoutRowSchema: Record<string, readonly string[]> = {
  'note_documents.name': NOTE_NAMES,
  // the relay's own: change capture's operations and one email's delivery, declared nowhere else
  'change_log.op': ['I', 'U', 'D'],
  'email_deliveries.status': ['SENT', 'FAILED'],
};

/** the codes a column's row schema accepts, through nullable, optional and default */
function codesOf(table: string, column: string): readonly string[] | undefined {
  const rows = (rowSchemas as Record<string, z.ZodObject>)[table];
  if (!rows) return withoutRowSchema[`${table}.${column}`];
  let schema: unknown = rows.shape[column];
  while (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    schema = schema.unwrap();
  }
  return schema instanceof z.ZodEnum ? (schema.options as string[]) : undefined;
}

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('vocabulary-constraints');
});
afterAll(async () => {
  await db?.drop();
});

describe('the CHECK constraints that list codes', () => {
  it('should allow exactly the codes shared declares for the column', async () => {
    const checks = await db.sql<{ table: string; column: string; definition: string }[]>`
      SELECT t.relname AS table, a.attname AS column, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'c' AND cardinality(c.conkey) = 1
         AND t.relnamespace = current_schema()::regnamespace
       ORDER BY 1, 2`;
    const lists = checks.flatMap(({ table, column, definition }) => {
      const listed = /= ANY \(ARRAY\[(.*)\]\)/.exec(definition)?.[1];
      return listed ? [{ table, column, codes: [...listed.matchAll(/'([^']*)'/g)].map(([, code]) => code!) }] : [];
    });
    // the vocabularies of the booking, the show, the door, the paperwork and the relay's ledgers
    expect(lists.length).toBeGreaterThanOrEqual(18);
    for (const { table, column, codes } of lists) {
      expect(codes.toSorted(), `${table}.${column}`).toEqual(codesOf(table, column)?.toSorted());
    }
  });
});
