// documents.* through the app service, against a real relay (with its job loop) on real
// PostgreSQL: a MANAGER asks for a settlement, the relay draws it, the version arrives in the
// replica by sync, its bytes come back intact and are saved where the host's dialog says; STAFF
// may open but not ask; a PROMOTER sees no documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import type { CommandName, CommandResult, Outcome } from '../../common/command-map.js';
import { eventually } from '../testing/sync-fixture.js';
import { MemoryCredentialStore } from '../app/credential-store.js';
import { startDesktopApp, type DesktopApp } from '../app/desktop-app.js';
import type { DocumentFiles } from './document-commands.js';

const tag = randomBytes(3).toString('hex');
const people = {
  MANAGER: `manager-${tag}@harbour.example`,
  STAFF: `staff-${tag}@harbour.example`,
  PROMOTER: `promoter-${tag}@harbour.example`,
} as const;

describe('documents in the desktop app', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let mailbox: TestMailbox;
  let root: string;
  let eventId: string;
  const apps: DesktopApp[] = [];

  /** a host that "saves" into a folder of the test, the path a person would have picked */
  const savedTo = () => join(root, 'saved');
  const folderHost = (): DocumentFiles => ({
    async save(name, bytes) {
      const path = join(savedTo(), name);
      writeFileSync(path, bytes);
      return path;
    },
    async open() {},
  });

  async function signedIn(email: string, documentFiles?: DocumentFiles, seesEvent = true): Promise<DesktopApp> {
    const app = await startDesktopApp({
      relayUrl: relay.url,
      dataDir: join(root, email),
      credentials: new MemoryCredentialStore(),
      deviceName: 'documents test',
      backoff: { initialDelay: 50, maxDelay: 300 },
      log: () => {},
      ...(documentFiles ? { documentFiles } : {}),
    });
    apps.push(app);
    expect((await app.dispatch('auth.requestCode', { relayUrl: relay.url, email })).ok).toBe(true);
    const mail = await mailbox.next(email);
    const code = /sign-in code: (\d{6})/.exec(mail.parsed.subject ?? '')![1]!;
    expect((await app.dispatch('auth.verifyCode', { email, code })).ok).toBe(true);
    // the first sync brings the event into the replica
    if (seesEvent) await eventually(async () => (await app.dispatch('events.get', { eventId })).ok, 20_000);
    return app;
  }

  async function run<K extends CommandName>(app: DesktopApp, name: K, args: unknown = {}): Promise<CommandResult<K>> {
    const outcome = await app.dispatch(name, args);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CommandResult<K>;
  }
  const refusal = (outcome: Outcome<unknown>) => (outcome.ok ? undefined : outcome.error);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-documents-'));
    mkdirSync(savedTo());
    mailbox = await TestMailbox.start();
    db = await createTestDatabase('desktop_documents');
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_POLL_MS: '50', LIVE_POLL_TIMEOUT_MS: '2000' });
    const [org] = await db.sql<{ id: string }[]>`
      INSERT INTO organizations (slug, name) VALUES (${`harbour-${tag}`}, 'Harbour Live') RETURNING id`;
    const organizationId = org!.id;
    const [venue] = await db.sql<{ id: string }[]>`
      INSERT INTO venues (organization_id, slug, name, timezone, capacity, country)
      VALUES (${organizationId}, 'harbour-stage', 'Harbour Stage', 'Europe/London', 900, 'GB') RETURNING id`;
    for (const [role, email] of Object.entries(people)) {
      const [user] = await db.sql<{ id: string }[]>`
        INSERT INTO users (email, display_name) VALUES (${email}, ${`${role} person`}) RETURNING id`;
      await db.sql`INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
                   VALUES (${organizationId}, ${user!.id}, ${role}, ${email}, ${`${role} person`})`;
    }
    const [event] = await db.sql<{ id: string }[]>`
      INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
      VALUES (${organizationId}, ${venue!.id}, 'Autumn Run', 'Night Shift', '2028-09-01',
              '2028-09-01 18:00+00', '2028-09-01 19:30+00', '2028-09-01 22:00+00')
      RETURNING id`;
    eventId = event!.id;
    await db.sql`
      INSERT INTO deal_terms (organization_id, event_id, deal_type, currency, guarantee_cents)
      VALUES (${organizationId}, ${eventId}, 'FLAT', 'GBP', 150000)`;
    await db.sql`
      INSERT INTO settlement_lines (organization_id, event_id, kind, label, quantity, unit_cents)
      VALUES (${organizationId}, ${eventId}, 'TICKETS', 'Advance tickets', 400, 2000)`;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('should draw a settlement a MANAGER asks for, sync its version, and save its bytes intact', async () => {
    const app = await signedIn(people.MANAGER, folderHost());
    expect(await run(app, 'documents.list', { eventId })).toEqual([]);

    const { jobId } = await run(app, 'documents.generate', { eventId, kind: 'SETTLEMENT' });
    expect(jobId).toMatch(/^\d+$/);
    await eventually(async () => (await run(app, 'documents.list', { eventId })).length === 1, 20_000);
    const [version] = await run(app, 'documents.list', { eventId });
    expect(version).toMatchObject({
      kind: 'SETTLEMENT',
      version: 1,
      fileName: '2028-09-01 Autumn Run - Settlement v1.pdf',
    });
    expect(await run(app, 'documents.renders', { eventId })).toEqual([]);

    const fetched = await run(app, 'documents.fetch', { documentId: version!.id });
    const bytes = Buffer.from(fetched.base64, 'base64');
    expect(bytes.length).toBe(version!.byteSize);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(version!.sha256);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const saved = await run(app, 'documents.save', { documentId: version!.id });
    expect(saved).toEqual({ saved: true, path: join(savedTo(), version!.fileName), inBrowser: false });
    expect(readFileSync(saved.path!).equals(bytes)).toBe(true);
  });

  it('should let STAFF open and list but not ask for a render; a browser host downloads itself', async () => {
    const app = await signedIn(people.STAFF);
    const versions = await run(app, 'documents.list', { eventId });
    expect(versions.map((v) => v.kind)).toEqual(['SETTLEMENT']);
    expect(await run(app, 'documents.save', { documentId: versions[0]!.id })).toEqual({
      saved: false,
      path: null,
      inBrowser: true,
    });
    expect(refusal(await app.dispatch('documents.generate', { eventId, kind: 'ADVANCE' }))).toMatchObject({
      code: 'forbidden',
      message: 'only managers and owners may generate documents',
    });
  });

  it('should show a PROMOTER no documents', async () => {
    // the event is not the promoter's: it never reaches their replica
    const app = await signedIn(people.PROMOTER, undefined, false);
    expect(refusal(await app.dispatch('documents.list', { eventId }))).toMatchObject({ code: 'forbidden' });
  });
});
