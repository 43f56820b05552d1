// Change capture follows commit order: a reader tailing "seq > last" while many writers with
// random sleeps inside their transactions commit out of start order never skips a change,
// sees each exactly once, and sees them in an order consistent with commit order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createOrganization } from '../testing/fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SeenChange {
  seq: number;
  id: number;
  op: string;
  rowId: string;
  name: string;
}

describe('change capture', () => {
  let db: TestDatabase;
  let organizationId: string;

  beforeAll(async () => {
    db = await createTestDatabase('capture');
    organizationId = await createOrganization(db.sql);
  });
  afterAll(() => db.drop());

  it('hands a tailing reader every change exactly once, in commit order, with 24 concurrent writers', async () => {
    const { sql } = db;
    const [start] = await sql<{ head: string }[]>`SELECT coalesce(max(seq), 0)::text AS head FROM change_transactions`;
    let last = Number(start!.head);
    const seen: SeenChange[] = [];
    let writing = true;

    // The reader: only ever asks for what comes after the last sequence number it saw.
    const reader = (async () => {
      for (;;) {
        const done = !writing;
        const rows = await sql<{ seq: string; id: string; op: string; row_id: string; name: string }[]>`
          SELECT t.seq::text, c.id::text, c.op, c.row_id::text, c.row_data->>'name' AS name
            FROM change_transactions t JOIN change_log c ON c.xid = t.xid
           WHERE t.seq > ${last} AND c.table_name = 'venues'
           ORDER BY t.seq, c.id`;
        for (const r of rows) {
          seen.push({ seq: Number(r.seq), id: Number(r.id), op: r.op, rowId: r.row_id, name: r.name });
          last = Math.max(last, Number(r.seq));
        }
        if (done) return;
        await sleep(2);
      }
    })();

    // Each writer: insert, sleep a random time inside the transaction, update, commit.
    // A writer that starts late with a short sleep commits before an early one with a long
    // sleep: exactly the case where a plain serial id would let the reader skip a change.
    const writers = 24;
    const rounds = 4;
    const commitTimes = new Map<string, number>();
    const startTimes = new Map<string, number>();
    let clock = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let round = 0; round < rounds; round += 1) {
          const name = `w${w}-r${round}`;
          startTimes.set(name, (clock += 1));
          await sql.begin(async (tx) => {
            const [row] = await tx<{ id: string }[]>`
              INSERT INTO venues (organization_id, slug, name, timezone, capacity)
              VALUES (${organizationId}, ${`v-${w}-${round}`}, ${name}, 'Europe/London', 1500) RETURNING id`;
            await sleep(Math.random() * 40);
            await tx`UPDATE venues SET capacity = 1600 WHERE id = ${row!.id}`;
          });
          commitTimes.set(name, (clock += 1));
        }
      }),
    );
    writing = false;
    await reader;

    // every change exactly once: one insert and one update per transaction
    expect(seen).toHaveLength(writers * rounds * 2);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const byName = new Map<string, SeenChange[]>();
    for (const change of seen) byName.set(change.name, [...(byName.get(change.name) ?? []), change]);
    expect(byName.size).toBe(writers * rounds);
    for (const [, changes] of byName) {
      // a transaction's changes share one sequence number and keep their statement order
      expect(changes.map((c) => c.op)).toEqual(['I', 'U']);
      expect(changes[0]!.seq).toBe(changes[1]!.seq);
    }

    // reader order is commit order: sequence numbers never go down...
    const seqs = seen.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // ...and a transaction that began after another had committed always comes later
    for (const [a, aChanges] of byName) {
      for (const [b, bChanges] of byName) {
        if (commitTimes.get(a)! < startTimes.get(b)!) {
          expect(aChanges[0]!.seq).toBeLessThan(bChanges[0]!.seq);
        }
      }
    }
    // and the test did exercise out-of-order commits: some later-started writer committed first
    const outOfOrder = [...byName.keys()].some((a) =>
      [...byName.keys()].some(
        (b) => startTimes.get(a)! < startTimes.get(b)! && byName.get(a)![0]!.seq > byName.get(b)![0]!.seq,
      ),
    );
    expect(outOfOrder).toBe(true);
  });

  it('logs inserts, updates with their changed columns, and deletes with the old row', async () => {
    const { sql } = db;
    const [venue] = await sql<{ id: string }[]>`
      INSERT INTO venues (organization_id, slug, name, timezone, capacity)
      VALUES (${organizationId}, 'log-check', 'Log Check', 'Asia/Tokyo', 1200) RETURNING id`;
    await sql`UPDATE venues SET capacity = 1300 WHERE id = ${venue!.id}`;
    await sql`UPDATE venues SET capacity = 1300 WHERE id = ${venue!.id}`; // no change: touches updated_at only
    await sql`DELETE FROM venues WHERE id = ${venue!.id}`;
    const rows = await sql<{ op: string; changed: string[] | null; capacity: string }[]>`
      SELECT c.op, c.changed, c.row_data->>'capacity' AS capacity
        FROM change_log c JOIN change_transactions t USING (xid)
       WHERE c.row_id = ${venue!.id} ORDER BY t.seq, c.id`;
    expect(rows.map((r) => r.op)).toEqual(['I', 'U', 'U', 'D']);
    expect(rows[1]!.changed).toEqual(['capacity', 'updated_at']);
    expect(rows[2]!.changed).toEqual(['updated_at']);
    expect(rows[3]!.capacity).toBe('1300');
  });

  it('leaves no trace of a rolled-back transaction or savepoint', async () => {
    const { sql } = db;
    const before = await sql`SELECT count(*)::int AS n FROM change_log`;
    await sql
      .begin(async (tx) => {
        await tx`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
                 VALUES (${organizationId}, 'rolled-back', 'Gone', 'UTC', 1500)`;
        throw new Error('abort on purpose');
      })
      .catch(() => {});
    await sql.begin(async (tx) => {
      await tx
        .savepoint(async (sp) => {
          await sp`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
                 VALUES (${organizationId}, 'sp-gone', 'Gone Too', 'UTC', 1500)`;
          throw new Error('roll back the savepoint');
        })
        .catch(() => {});
      await tx`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
               VALUES (${organizationId}, 'sp-kept', 'Kept', 'UTC', 1500)`;
    });
    const after = await sql<{ name: string; seq: string | null }[]>`
      SELECT c.row_data->>'name' AS name, t.seq::text AS seq FROM change_log c JOIN change_transactions t USING (xid)
       WHERE c.id > (SELECT coalesce(max(id), 0) FROM change_log) - 5 ORDER BY c.id`;
    expect(after.map((r) => r.name)).not.toContain('Gone');
    expect(after.map((r) => r.name)).not.toContain('Gone Too');
    expect(after.at(-1)).toMatchObject({ name: 'Kept' });
    expect(after.at(-1)!.seq).not.toBeNull();
    const total = await sql`SELECT count(*)::int AS n FROM change_log`;
    expect(total[0]!.n).toBe(before[0]!.n + 1);
  });

  it('refuses to move a row to another organization', async () => {
    const { sql } = db;
    const other = await createOrganization(sql);
    await expect(
      sql`UPDATE venues SET organization_id = ${other} WHERE organization_id = ${organizationId}`,
    ).rejects.toThrow(/organization_id of venues cannot change/);
  });

  it('keeps commit order for any schedule of start delays and hold times (property)', async () => {
    const { sql } = db;
    const schedule = fc.array(
      fc.record({ startAfter: fc.integer({ min: 0, max: 20 }), hold: fc.integer({ min: 0, max: 20 }) }),
      {
        minLength: 3,
        maxLength: 8,
      },
    );
    await fc.assert(
      fc.asyncProperty(schedule, async (writers) => {
        const [start] = await sql<
          { head: string }[]
        >`SELECT coalesce(max(seq), 0)::text AS head FROM change_transactions`;
        const tag = Math.random().toString(36).slice(2, 8);
        let clock = 0;
        const began: number[] = [];
        const ended: number[] = [];
        await Promise.all(
          writers.map(async ({ startAfter, hold }, i) => {
            await sleep(startAfter);
            began[i] = clock += 1;
            await sql.begin(async (tx) => {
              await tx`INSERT INTO venues (organization_id, slug, name, timezone, capacity)
                       VALUES (${organizationId}, ${`p-${tag}-${i}`}, ${`${tag}:${i}`}, 'UTC', 1500)`;
              await sleep(hold);
            });
            ended[i] = clock += 1;
          }),
        );
        const rows = await sql<{ name: string; seq: string }[]>`
          SELECT c.row_data->>'name' AS name, t.seq::text FROM change_transactions t JOIN change_log c USING (xid)
           WHERE t.seq > ${Number(start!.head)} AND c.row_data->>'name' LIKE ${tag + ':%'} ORDER BY t.seq, c.id`;
        const seqOf = new Map(rows.map((r) => [Number(r.name.split(':')[1]), Number(r.seq)]));
        expect(rows).toHaveLength(writers.length);
        expect(seqOf.size).toBe(writers.length);
        for (let a = 0; a < writers.length; a += 1) {
          for (let b = 0; b < writers.length; b += 1) {
            if (ended[a]! < began[b]!) expect(seqOf.get(a)!).toBeLessThan(seqOf.get(b)!);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
