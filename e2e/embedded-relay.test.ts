// The one-laptop default, end to end: a relay with no DATABASE_URL (embedded PGlite, handed the
// demo to load on its first start, as `npm start` does), a sign-in by mailed code, and a desktop
// replica synced from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRelay, loadConfig, type Relay } from '@promoteros/relay';
import { seedDemoIfEmpty } from '@promoteros/demo/seed-if-empty';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { openReplica, startSync, type Replica, type SyncSession } from '@promoteros/desktop/core';

describe('embedded relay smoke test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'promoteros-embedded-'));
  let relay: Relay;
  let url: string;
  let mailbox: TestMailbox;
  let replica: Replica | undefined;
  let sync: SyncSession | undefined;

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    const config = loadConfig({
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: join(dir, 'relay'),
      SMTP_URL: mailbox.url,
      DEMO_DATA: 'auto',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    relay = await createRelay(config, { seed: (db, log) => seedDemoIfEmpty(db, config, log) });
    url = await relay.listen();
  }, 120_000);

  afterAll(async () => {
    await sync?.stop();
    await replica?.close();
    await relay?.stop();
    await mailbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs on embedded PGlite with the demo loaded', async () => {
    expect(relay.db.kind).toBe('embedded');
    const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; database: string };
    expect(health).toMatchObject({ status: 'ok', database: 'up', kind: 'embedded' });
  });

  it('signs the demo owner in by mailed code and syncs their organization into a replica', async () => {
    const email = 'owner@lakeshore-live.demo';
    const asked = await fetch(`${url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    expect(asked.status).toBe(202);
    const mail = await mailbox.next(email);
    const code = /\b(\d{6})\b/.exec(mail.parsed.subject ?? '')![1]!;
    const verified = await fetch(`${url}/v1/auth/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, code, deviceName: 'smoke test' }),
    });
    expect(verified.status).toBe(200);
    const session = (await verified.json()) as { sessionToken: string; organizations: Array<{ id: string }> };
    const organizationId = session.organizations[0]!.id;

    replica = await openReplica({ dataDir: join(dir, 'replica') });
    sync = await startSync({ replica, relayUrl: url, organizationId, getToken: () => session.sessionToken });
    await sync.waitUntilLive();

    for (const table of ['venues', 'event_requests', 'events', 'event_tasks', 'deal_terms']) {
      const [central] = await relay.db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM ${relay.db.sql(table)} WHERE organization_id = ${organizationId}`;
      const [local] = await replica.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      expect(local!.n, table).toBe(central!.n);
      expect(local!.n, table).toBeGreaterThan(0);
    }
    const [other] = await replica.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE organization_id <> $1',
      [organizationId],
    );
    expect(other!.n).toBe(0);

    // a change committed on the embedded database is captured by the same triggers as on
    // PostgreSQL and reaches the live replica (woken by the head poll: no NOTIFY here)
    const [venue] = await relay.db.sql<{ id: string }[]>`
      UPDATE venues SET name = 'Lakeshore Ballroom (renamed)'
       WHERE organization_id = ${organizationId} AND slug = 'lakeshore-ballroom'
       RETURNING id`;
    const deadline = Date.now() + 10_000;
    let name: string | undefined;
    while (Date.now() < deadline) {
      [{ name } = { name: undefined }] = await replica.query<{ name: string }>(
        'SELECT name FROM venues WHERE id = $1',
        [venue!.id],
      );
      if (name === 'Lakeshore Ballroom (renamed)') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(name).toBe('Lakeshore Ballroom (renamed)');
  }, 120_000);
});
