// The statements seedBulkOrganization sends, pinned by a hash for two sizes (with and without the
// audit entries that make the total exact): reshaping the code that writes the bulk organization
// must send the same SQL. Its ids, made afresh for each organization, are read as placeholders.
// A change meant to alter the rows updates the hashes (the failure shows the new ones).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '@promoteros/relay';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { ROWS_PER_EVENT, seedBulkOrganization, type BulkOrganization } from './bulk.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('demo_bulk_pinned');
});

afterAll(async () => {
  await db?.drop();
});

/** the database, with every statement its transactions send written down as sent */
function recording(sql: Sql, statements: string[]): Sql {
  const transaction = (tx: Sql) =>
    new Proxy(tx, {
      // a tagged template: its text, without the values
      apply(target, thisArg, args: [TemplateStringsArray, ...unknown[]]) {
        statements.push(args[0].join('$'));
        return Reflect.apply(target, thisArg, args) as unknown;
      },
      get(target, property) {
        if (property === 'unsafe') {
          return (text: string) => {
            statements.push(text);
            return target.unsafe(text);
          };
        }
        return Reflect.get(target, property) as unknown;
      },
    });
  return new Proxy(sql, {
    get(target, property) {
      if (property === 'begin') {
        return (work: (tx: Sql) => Promise<unknown>) => target.begin((tx) => work(transaction(tx as unknown as Sql)));
      }
      return Reflect.get(target, property) as unknown;
    },
  });
}

async function fingerprint(rows: number): Promise<string> {
  const statements: string[] = [];
  const bulk: BulkOrganization = await seedBulkOrganization(recording(db.sql, statements), { rows });
  let text = statements.join('\n;\n');
  const placeholders: Array<[string, string]> = [
    [bulk.organizationId, ':organization'],
    ...bulk.venueIds.map((id, i): [string, string] => [id, `:venue${i + 1}`]),
    [bulk.owner.userId, ':owner'],
  ];
  for (const [id, placeholder] of placeholders) text = text.replaceAll(id, placeholder);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

describe('the bulk organization', () => {
  it('should send the same statements for the same size', async () => {
    expect({
      withFiller: await fingerprint(2_000),
      exact: await fingerprint(13 + 30 * ROWS_PER_EVENT),
    }).toEqual({ withFiller: '743e067528191768', exact: 'd390dacab88c6053' });
  });
});
