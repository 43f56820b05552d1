// Everything a spec needs running, all real: a PostgreSQL test database with the demo loaded, an
// SMTP mailbox, a relay that mails sign-in codes to it (restartable on the same port, so the app
// sees "the relay went away and came back"), and the browser dev host serving the renderer, with
// the desktop core in its worker thread as `npm run dev:web` and the Electron app run it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '@promoteros/demo/seed';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { MemoryCredentialStore } from '../src/core/app/credential-store.js';
import type { DesktopApp } from '../src/core/app/desktop-app.js';
import { startDevHost, type DevHost } from '../src/dev-host/dev-host.js';
import { startDesktopAppInWorker } from '../src/worker-host/worker-host.js';

export const DEMO_OWNER = 'owner@lakeshore-live.demo';
/** built by globalSetup (vite.renderer.config.ts) */
export const RENDERER_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

export interface VenueStack {
  readonly db: TestDatabase;
  readonly mailbox: TestMailbox;
  readonly app: DesktopApp;
  readonly devHost: DevHost;
  relayUrl(): string;
  stopRelay(): Promise<void>;
  /** starts the relay again on the port it had */
  startRelay(): Promise<void>;
  /** the six-digit code of the next sign-in mail to this address */
  nextSignInCode(email: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startVenueStack(
  label: string,
  /** relay settings on top of the stack's own (e.g. a shorter intake minimum fill time) */
  relayEnv: Record<string, string> = {},
): Promise<VenueStack> {
  const db = await createTestDatabase(label);
  const seeded = await seedDemo(db.sql);
  if (!seeded.created) throw new Error(seeded.reason);
  const mailbox = await TestMailbox.start();
  const dataDir = await mkdtemp(join(tmpdir(), `promoteros-${label}-`));
  let port = '0';
  let relay: TestRelay | undefined = await startTestRelay(db, { ...relayEnv, SMTP_URL: mailbox.url, PORT: port });
  port = new URL(relay.url).port;
  const url = relay.url;
  const app = await startDesktopAppInWorker({
    relayUrl: url,
    dataDir,
    credentials: new MemoryCredentialStore(),
    deviceName: 'Playwright',
    // come back quickly once the relay is up again
    backoff: { initialDelay: 100, maxDelay: 500 },
  });
  const devHost = await startDevHost({ app, rendererDir: RENDERER_DIR });

  return {
    db,
    mailbox,
    app,
    devHost,
    relayUrl: () => url,
    async stopRelay() {
      await relay?.stop();
      relay = undefined;
    },
    async startRelay() {
      relay = await startTestRelay(db, { ...relayEnv, SMTP_URL: mailbox.url, PORT: port });
    },
    async nextSignInCode(email) {
      const mail = await mailbox.next(email, 10_000, /sign-in code/);
      const code = /sign-in code: (\d{6})/.exec(mail.parsed.subject ?? '')?.[1];
      if (!code) throw new Error(`no code in "${mail.parsed.subject}"`);
      return code;
    },
    async stop() {
      await devHost.close();
      await app.close();
      await relay?.stop();
      await mailbox.stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** a day about `daysAhead` days ahead with no event and no hold at the venue */
export async function freeDate(stack: VenueStack, venueId: string, daysAhead: number): Promise<string> {
  const [row] = await stack.db.sql<{ date: string }[]>`
    SELECT d::date::text AS date
      FROM generate_series(current_date + ${daysAhead}::int, current_date + ${daysAhead + 200}::int, interval '1 day') d
     WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.venue_id = ${venueId} AND e.show_date = d::date)
       AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.venue_id = ${venueId} AND h.hold_date = d::date)
     ORDER BY d LIMIT 1`;
  if (!row) throw new Error('no free date');
  return row.date;
}
