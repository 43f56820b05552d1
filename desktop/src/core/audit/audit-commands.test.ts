// audit.verify through the app service, against a real relay on real PostgreSQL: an OWNER learns
// the organization's audit log is intact (how many entries, the last anchor), then where it broke
// once an entry was removed behind the relay's back; a MANAGER is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { recordAuditAnchors } from '@promoteros/relay/audit/anchor-writer';
import type { CommandResult, Outcome } from '../../common/command-map.js';
import { MemoryCredentialStore } from '../app/credential-store.js';
import { startDesktopApp, type DesktopApp } from '../app/desktop-app.js';

const tag = randomBytes(3).toString('hex');
const OWNER = `owner-${tag}@harbour.example`;
const MANAGER = `manager-${tag}@harbour.example`;

describe('verifying the audit log in the desktop app', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let mailbox: TestMailbox;
  let root: string;
  let organizationId: string;
  const apps: DesktopApp[] = [];

  async function signedIn(email: string): Promise<DesktopApp> {
    const app = await startDesktopApp({
      relayUrl: relay.url,
      dataDir: join(root, email),
      credentials: new MemoryCredentialStore(),
      deviceName: 'audit test',
      backoff: { initialDelay: 50, maxDelay: 300 },
      log: () => {},
    });
    apps.push(app);
    expect((await app.dispatch('auth.requestCode', { relayUrl: relay.url, email })).ok).toBe(true);
    const mail = await mailbox.next(email);
    const code = /sign-in code: (\d{6})/.exec(mail.parsed.subject ?? '')![1]!;
    expect((await app.dispatch('auth.verifyCode', { email, code })).ok).toBe(true);
    return app;
  }

  const refusal = (outcome: Outcome<unknown>) => (outcome.ok ? undefined : outcome.error);

  async function verify(app: DesktopApp): Promise<CommandResult<'audit.verify'>> {
    const outcome = await app.dispatch('audit.verify', {});
    if (!outcome.ok) throw new Error(`audit.verify failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CommandResult<'audit.verify'>;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-audit-'));
    mailbox = await TestMailbox.start();
    db = await createTestDatabase('desktop_audit');
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, LIVE_POLL_TIMEOUT_MS: '2000' });
    const [org] = await db.sql<{ id: string }[]>`
      INSERT INTO organizations (slug, name) VALUES (${`harbour-${tag}`}, 'Harbour Live') RETURNING id`;
    organizationId = org!.id;
    for (const [email, name, role] of [
      [OWNER, 'Olivia Owner', 'OWNER'],
      [MANAGER, 'Max Manager', 'MANAGER'],
    ] as const) {
      const [user] = await db.sql<{ id: string }[]>`
        INSERT INTO users (email, display_name) VALUES (${email}, ${name}) RETURNING id`;
      await db.sql`INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
                   VALUES (${organizationId}, ${user!.id}, ${role}, ${email}, ${name})`;
    }
    await db.sql`
      INSERT INTO audit_logs (organization_id, action, entity_table, details)
      SELECT ${organizationId}, 'event.update', 'events', jsonb_build_object('n', n) FROM generate_series(1, 5) n`;
    await recordAuditAnchors(db.sql);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('should tell an OWNER the log is intact, then where it broke', async () => {
    const app = await signedIn(OWNER);
    expect(await verify(app)).toMatchObject({
      organizationId,
      organizationName: 'Harbour Live',
      intact: true,
      entries: 5,
      head: { position: 5 },
      lastAnchor: { position: 5, anchoredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      problem: null,
    });

    // the last two entries removed by someone with the database's keys
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`DELETE FROM audit_logs WHERE organization_id = ${organizationId} AND chain_position > 3`;
    });
    const broken = await verify(app);
    expect(broken).toMatchObject({ intact: false, entries: 3, problem: { kind: 'truncated', position: 4 } });
    expect(broken.problem!.message).toMatch(
      /^the chain ends at entry 3, but the anchor of .* shows it reached entry 5/,
    );
  });

  it('should refuse a MANAGER', async () => {
    const app = await signedIn(MANAGER);
    expect(refusal(await app.dispatch('audit.verify', {}))).toMatchObject({ code: 'forbidden' });
  });
});
