// The chain on the relay's embedded PGlite: the same migration (sha256(), the SECURITY DEFINER
// trigger, the advisory lock) chains entries there too, and the verifier reads them the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createOrganization } from '../testing/fixtures.js';
import { recordAuditAnchors } from './anchor-writer.js';
import { verifyAuditChains } from './verify-chain.js';

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'promoteros-audit-'));
  db = await openDatabase({ dataDir: dir });
  await migrate(db.sql);
}, 60_000);
afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the audit chain on embedded PGlite', () => {
  it('should chain entries, verify them, and find a changed one', async () => {
    const organizationId = await createOrganization(db.sql, 'Embedded Hall');
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL TimeZone = 'Asia/Kathmandu'`;
      for (let n = 1; n <= 4; n++) {
        await tx`INSERT INTO audit_logs (organization_id, action, entity_table, details)
                 VALUES (${organizationId}, 'task.complete', 'event_tasks', ${JSON.stringify({ n, note: 'Zoë ✓ 🎸' })}::text::jsonb)`;
      }
    });
    await recordAuditAnchors(db.sql);
    const intact = await verifyAuditChains(db.sql, { organizationId });
    expect(intact.organizations[0]).toMatchObject({ intact: true, entries: 4, lastAnchor: { position: 4 } });

    await expect(db.sql`DELETE FROM audit_logs WHERE organization_id = ${organizationId}`).rejects.toMatchObject({
      code: '42501',
    });
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`UPDATE audit_logs SET details = '{"n": 9}' WHERE organization_id = ${organizationId} AND chain_position = 3`;
    });
    const broken = await verifyAuditChains(db.sql, { organizationId });
    expect(broken.organizations[0]!.problem).toMatchObject({ kind: 'changed', position: 3 });
  }, 60_000);
});
