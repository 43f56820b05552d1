// The audit chain against the tampering it is there to reveal: an entry changed, deleted, moved or
// slipped in, a tail cut off, each done as a database superuser with the
// triggers out of the way, is found by the verifier and by `npm run audit:verify`; an intact
// chain, written under any session time zone, verifies; the table refuses DELETE and TRUNCATE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Sql } from '../db/database.js';
import { createOrganization } from '../testing/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { recordAuditAnchors } from './anchor-writer.js';
import { entryHash } from './entry-hash.js';
import { verifyAuditChains, type ChainReport } from './verify-chain.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('audit_verify');
});
afterAll(() => db?.drop());

/** Details worth hashing: text beyond ASCII, a fraction and a number past 2^53 as written, nesting. */
const details = (n: number) =>
  `{"nested": {"b": [1, null, true], "a": "x"}, "n": ${n}, "fee": 1.50, "big": 12345678901234567890, ` +
  `"note": ${JSON.stringify(`Zoë’s “backline” ✓ 🎸 #${n}`)}}`;

/** `count` entries appended to the organization's chain the ordinary way, each with details worth hashing. */
async function appendEntries(sql: Sql, organizationId: string, count: number, timeZone = 'UTC'): Promise<void> {
  await sql.begin(async (tx) => {
    await tx.unsafe(`SET LOCAL TimeZone = '${timeZone}'`);
    for (let n = 1; n <= count; n++) {
      await tx`
        INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
        VALUES (${organizationId}, NULL, 'task.complete', 'event_tasks', gen_random_uuid(),
                ${details(n)}::text::jsonb)`;
    }
  });
}

/** A chain of `count` entries in an organization of its own. */
async function chain(count: number, name = 'Lakeside Live'): Promise<string> {
  const organizationId = await createOrganization(db.sql, name);
  await appendEntries(db.sql, organizationId, count);
  return organizationId;
}

/** Runs SQL past the log's triggers, as someone with the database's superuser would. */
function tamper(statements: (tx: Sql) => Promise<unknown>): Promise<unknown> {
  return db.sql.begin(async (tx) => {
    await tx`SET LOCAL session_replication_role = replica`;
    return statements(tx as unknown as Sql);
  });
}

async function report(
  organizationId: string,
  anchors: { position: number; hash: string }[] = [],
): Promise<ChainReport> {
  const verification = await verifyAuditChains(db.sql, {
    organizationId,
    anchors: anchors.map((a) => ({ ...a, anchoredAt: null })),
  });
  expect(verification.organizations).toHaveLength(1);
  return verification.organizations[0]!;
}

const entryAt = async (organizationId: string, position: number) => {
  const [row] = await db.sql<{ id: string; entry_hash: string }[]>`
    SELECT id::text, entry_hash FROM audit_logs WHERE organization_id = ${organizationId} AND chain_position = ${position}`;
  return row!;
};

describe('an intact chain', () => {
  it('should verify, entry for entry, whatever time zone the entries were written in', async () => {
    const organizationId = await createOrganization(db.sql, 'Harbour Hall');
    await appendEntries(db.sql, organizationId, 3, 'Pacific/Chatham');
    await appendEntries(db.sql, organizationId, 3, 'America/St_Johns');
    const result = await report(organizationId);
    expect(result).toMatchObject({ intact: true, entries: 6, problem: null });
    expect(result.head).toEqual({ position: 6, hash: (await entryAt(organizationId, 6)).entry_hash });
  });

  it('should chain thousands of entries appended by one statement, one after the other', async () => {
    const organizationId = await createOrganization(db.sql, 'Bulk Barn');
    await db.sql`
      INSERT INTO audit_logs (organization_id, action, entity_table, details)
      SELECT ${organizationId}, 'settlement.viewed', 'events', jsonb_build_object('n', n) FROM generate_series(1, 5000) n`;
    expect(await report(organizationId)).toMatchObject({ intact: true, entries: 5000 });
  });

  it('should compute in TypeScript the very hash the database stored for each entry', async () => {
    const organizationId = await chain(4);
    const rows = await db.sql<
      {
        id: string;
        position: string;
        action: string;
        entity_table: string;
        entity_id: string;
        details: string;
        micros: string;
        previous_hash: string;
        entry_hash: string;
      }[]
    >`
      SELECT id::text, chain_position::text AS position, action, entity_table, entity_id::text, details::text,
             (extract(epoch FROM created_at) * 1000000)::bigint::text AS micros, previous_hash, entry_hash
        FROM audit_logs WHERE organization_id = ${organizationId} ORDER BY chain_position`;
    expect(rows.map((r) => r.position)).toEqual(['1', '2', '3', '4']);
    expect(rows[0]!.previous_hash).toBe('0'.repeat(64));
    for (const [i, row] of rows.entries()) {
      const computed = entryHash({
        id: row.id,
        organizationId,
        chainPosition: Number(row.position),
        actorUserId: null,
        action: row.action,
        entityTable: row.entity_table,
        entityId: row.entity_id,
        details: row.details,
        createdAtMicros: BigInt(row.micros),
        previousHash: row.previous_hash,
        entryHash: row.entry_hash,
      });
      expect(computed).toBe(row.entry_hash);
      if (i > 0) expect(row.previous_hash).toBe(rows[i - 1]!.entry_hash);
    }
  });

  it('should place entries itself, whatever chain values a writer sends', async () => {
    const organizationId = await chain(2);
    await db.sql`
      INSERT INTO audit_logs (organization_id, action, entity_table, chain_position, previous_hash, entry_hash)
      VALUES (${organizationId}, 'forged', 'events', 1, ${'f'.repeat(64)}, ${'e'.repeat(64)})`;
    const [row] = await db.sql<{ position: string; previous_hash: string }[]>`
      SELECT chain_position::text AS position, previous_hash FROM audit_logs
       WHERE organization_id = ${organizationId} AND action = 'forged'`;
    expect(row!.position).toBe('3');
    expect(row!.previous_hash).toBe((await entryAt(organizationId, 2)).entry_hash);
    expect((await report(organizationId)).intact).toBe(true);
  });

  it("should not be led astray by a session's own temporary table named like the log", async () => {
    const organizationId = await chain(2);
    await db.sql.begin(async (tx) => {
      await tx`CREATE TEMP TABLE audit_logs (organization_id uuid, chain_position bigint, entry_hash text) ON COMMIT DROP`;
      await tx`INSERT INTO pg_temp.audit_logs VALUES (${organizationId}, 999, ${'f'.repeat(64)})`;
      await tx`INSERT INTO public.audit_logs (organization_id, action, entity_table) VALUES (${organizationId}, 'x', 'events')`;
    });
    expect(await report(organizationId)).toMatchObject({ intact: true, entries: 3 });
  });
});

describe('tampering', () => {
  it('should name the first entry whose content was changed', async () => {
    const organizationId = await chain(5);
    const third = await entryAt(organizationId, 3);
    await tamper(
      (tx) => tx`UPDATE audit_logs SET details = '{"n": 3, "note": "nothing to see"}' WHERE id = ${third.id}`,
    );
    const result = await report(organizationId);
    expect(result).toMatchObject({ intact: false, entries: 2 });
    expect(result.problem).toMatchObject({ kind: 'changed', position: 3, entryId: third.id });
    expect(result.problem!.message).toMatch(
      /^entry 3 \(task\.complete at .* UTC, id .*\) was changed after it was written/,
    );
  });

  it('should notice a changed time or actor as well as changed details', async () => {
    const organizationId = await chain(3);
    const second = await entryAt(organizationId, 2);
    await tamper(
      (tx) => tx`UPDATE audit_logs SET created_at = created_at - interval '1 microsecond' WHERE id = ${second.id}`,
    );
    expect((await report(organizationId)).problem).toMatchObject({ kind: 'changed', position: 2 });
  });

  it('should name a deleted entry by its place', async () => {
    const organizationId = await chain(5);
    await tamper(async (tx) => tx`DELETE FROM audit_logs WHERE id = ${(await entryAt(organizationId, 3)).id}`);
    const result = await report(organizationId);
    expect(result).toMatchObject({ intact: false, entries: 2 });
    expect(result.problem).toMatchObject({ kind: 'missing', position: 3, entryId: null });
    expect(result.problem!.message).toBe('entry 3 is missing: it was deleted (the chain goes on at 4)');
  });

  it('should notice a deleted entry whose followers were moved up to close the gap', async () => {
    const organizationId = await chain(4);
    await tamper(async (tx) => {
      await tx`DELETE FROM audit_logs WHERE id = ${(await entryAt(organizationId, 2)).id}`;
      await tx`UPDATE audit_logs SET chain_position = chain_position - 1
                WHERE organization_id = ${organizationId} AND chain_position > 2`;
    });
    const result = await report(organizationId);
    expect(result.intact).toBe(false);
    expect(result.problem!.position).toBe(2);
  });

  it('should tell reordered entries from changed ones', async () => {
    const organizationId = await chain(5);
    const [second, third] = [await entryAt(organizationId, 2), await entryAt(organizationId, 3)];
    await tamper(async (tx) => {
      // one place at a time: the unique index holds at every row
      await tx`UPDATE audit_logs SET chain_position = 1000 WHERE id = ${second.id}`;
      await tx`UPDATE audit_logs SET chain_position = 2 WHERE id = ${third.id}`;
      await tx`UPDATE audit_logs SET chain_position = 3 WHERE id = ${second.id}`;
    });
    const result = await report(organizationId);
    expect(result).toMatchObject({ intact: false, entries: 1 });
    expect(result.problem).toMatchObject({ kind: 'out_of_order', position: 2, entryId: third.id });
    expect(result.problem!.message).toMatch(/was written as entry 3: the entries were reordered$/);
  });

  it('should notice two entries that swapped their ids', async () => {
    const organizationId = await chain(4);
    const [second, third] = [await entryAt(organizationId, 2), await entryAt(organizationId, 3)];
    await tamper(async (tx) => {
      await tx`UPDATE audit_logs SET id = gen_random_uuid() WHERE id = ${second.id}`;
      await tx`UPDATE audit_logs SET id = ${second.id} WHERE id = ${third.id}`;
    });
    expect((await report(organizationId)).problem).toMatchObject({ kind: 'changed', position: 2 });
  });

  it('should notice an entry slipped in between two others, even one with a hash of its own', async () => {
    const organizationId = await chain(4);
    const second = await entryAt(organizationId, 2);
    await tamper(async (tx) => {
      // make room at 3 (one statement each way: the unique index holds at every row), then fill it
      await tx`UPDATE audit_logs SET chain_position = chain_position + 1000
                WHERE organization_id = ${organizationId} AND chain_position >= 3`;
      await tx`UPDATE audit_logs SET chain_position = chain_position - 999
                WHERE organization_id = ${organizationId} AND chain_position > 1000`;
      await tx`
        INSERT INTO audit_logs (id, organization_id, action, entity_table, details, created_at,
                                chain_position, previous_hash, entry_hash)
        SELECT v.id, v.org, 'request.approve', 'event_requests', '{}', v.at, 3, ${second.entry_hash},
               audit_entry_hash(v.org, 3, v.id, NULL, 'request.approve', 'event_requests', NULL, '{}', v.at,
                                ${second.entry_hash})
          FROM (SELECT gen_random_uuid() AS id, ${organizationId}::uuid AS org, now() AS at) v`;
    });
    const result = await report(organizationId);
    expect(result).toMatchObject({ intact: false, entries: 3 });
    expect(result.problem).toMatchObject({ kind: 'out_of_order', position: 4 });
    expect(result.problem!.message).toMatch(/^entry 4 .* was written as entry 3: the entries were reordered$/);
  });

  it('should notice a tail cut off, from the stored anchor and from one given', async () => {
    const organizationId = await chain(6);
    const anchors = await recordAuditAnchors(db.sql);
    const anchor = anchors.find((a) => a.organizationId === organizationId)!;
    expect(anchor).toMatchObject({ position: 6, hash: (await entryAt(organizationId, 6)).entry_hash });
    // nothing moved: nothing anchored again
    expect((await recordAuditAnchors(db.sql)).some((a) => a.organizationId === organizationId)).toBe(false);

    await tamper(async (tx) => {
      await tx`DELETE FROM audit_logs WHERE organization_id = ${organizationId} AND chain_position > 4`;
    });
    const result = await report(organizationId);
    expect(result).toMatchObject({ intact: false, entries: 4 });
    expect(result.problem).toMatchObject({ kind: 'truncated', position: 5 });
    expect(result.problem!.message).toMatch(
      /^the chain ends at entry 4, but the anchor of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC shows it reached entry 6: entries after 4 were removed$/,
    );

    // the stored anchors gone too: what is left is a shorter chain, whole in itself (which is why
    // anchors go to the relay's log as well), and the anchor copied from that log still tells
    await tamper((tx) => tx`DELETE FROM audit_anchors WHERE organization_id = ${organizationId}`);
    expect((await report(organizationId)).intact).toBe(true);
    const given = await report(organizationId, [{ position: anchor.position, hash: anchor.hash }]);
    expect(given.problem).toMatchObject({ kind: 'truncated', position: 5 });
    expect(given.problem!.message).toMatch(/the given anchor shows it reached entry 6/);
  });

  it('should refuse an anchor the chain does not match, and accept one it does', async () => {
    const organizationId = await chain(3);
    const second = await entryAt(organizationId, 2);
    expect((await report(organizationId, [{ position: 2, hash: second.entry_hash }])).intact).toBe(true);
    const wrong = await report(organizationId, [{ position: 2, hash: 'b'.repeat(64) }]);
    expect(wrong.problem).toMatchObject({ kind: 'anchor_mismatch', position: 2 });
    expect(wrong.problem!.message).toBe('entry 2 does not match the given anchor: the chain was rewritten up to there');
  });

  it('should keep each organization to its own chain', async () => {
    const broken = await chain(3, 'Broken Barn');
    const fine = await chain(3, 'Fine Foyer');
    await tamper(async (tx) => tx`DELETE FROM audit_logs WHERE id = ${(await entryAt(broken, 1)).id}`);
    expect((await report(fine)).intact).toBe(true);
    const all = await verifyAuditChains(db.sql);
    expect(all.intact).toBe(false);
    expect(all.organizations.find((o) => o.organizationId === fine)?.intact).toBe(true);
    expect(all.organizations.find((o) => o.organizationId === broken)?.problem?.kind).toBe('missing');
  });
});

describe('an append-only table', () => {
  it('should refuse UPDATE, DELETE and TRUNCATE of entries and anchors', async () => {
    const organizationId = await chain(2);
    await recordAuditAnchors(db.sql);
    const refusal = { code: '42501', message: expect.stringMatching(/append-only/) };
    await expect(
      db.sql`UPDATE audit_logs SET action = 'x' WHERE organization_id = ${organizationId}`,
    ).rejects.toMatchObject(refusal);
    await expect(db.sql`DELETE FROM audit_logs WHERE organization_id = ${organizationId}`).rejects.toMatchObject(
      refusal,
    );
    await expect(db.sql`TRUNCATE audit_logs`).rejects.toMatchObject(refusal);
    await expect(db.sql`TRUNCATE audit_logs CASCADE`).rejects.toMatchObject(refusal);
    await expect(
      db.sql`UPDATE audit_anchors SET chain_position = 1 WHERE organization_id = ${organizationId}`,
    ).rejects.toMatchObject(refusal);
    await expect(db.sql`DELETE FROM audit_anchors WHERE organization_id = ${organizationId}`).rejects.toMatchObject(
      refusal,
    );
    await expect(db.sql`TRUNCATE audit_anchors`).rejects.toMatchObject(refusal);
    expect((await report(organizationId)).intact).toBe(true);
  });

  it('should let an organization go with its log', async () => {
    const organizationId = await chain(2);
    await recordAuditAnchors(db.sql);
    await db.sql`DELETE FROM organizations WHERE id = ${organizationId}`;
    const [left] = await db.sql<{ n: number }[]>`
      SELECT (SELECT count(*) FROM audit_logs WHERE organization_id = ${organizationId})
           + (SELECT count(*) FROM audit_anchors WHERE organization_id = ${organizationId}) AS n`;
    expect(Number(left!.n)).toBe(0);
  });
});

describe('npm run audit:verify', () => {
  const verify = async (...args: string[]) => {
    try {
      const { stdout } = await run('npm', ['run', '--silent', 'audit:verify', '--', ...args], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: db.url },
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('should print "intact" for a sound chain, and the first broken entry (exit 1) for a tampered one', async () => {
    const fine = await chain(3, 'Fine Foyer');
    const broken = await chain(4, 'Broken Barn');
    await tamper(
      async (tx) => tx`UPDATE audit_logs SET action = 'nothing' WHERE id = ${(await entryAt(broken, 2)).id}`,
    );
    const good = await verify('--organization', fine);
    expect(good.stdout).toMatch(new RegExp(`Fine Foyer \\(${fine}\\): intact — 3 entries, head 3:[0-9a-f]{64}`));
    expect(good.code).toBe(0);

    const bad = await verify('--organization', broken, '--anchor', `2:${'c'.repeat(64)}`);
    expect(bad.stdout).toMatch(
      new RegExp(`Broken Barn \\(${broken}\\): BROKEN — entry 2 \\(nothing at .*\\) was changed after it was written`),
    );
    expect(bad.code).toBe(1);

    const misused = await verify('--anchor', '2:abc');
    expect(misused.stderr).toMatch(/--anchor must be <position>:<64 hex digits>/);
    expect(misused.code).toBe(2);
  }, 60_000);
});
