// The parts the UI benchmark runs, as desktop/e2e-web/venue-stack.ts starts them (a PostgreSQL
// test database with the demo, an SMTP mailbox, a relay mailing sign-in codes to it, the desktop
// app and the browser dev host), except that the demo is scaled up before anyone signs in and the
// app can be closed and started again on the same data directory and credential store: a cold
// open of an existing replica.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '@promoteros/demo/seed';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { MemoryCredentialStore, startDesktopApp, type DesktopApp } from '@promoteros/desktop/core';
import { startDevHost, type DevHost } from '../../desktop/src/dev-host/dev-host.js';
import { scaleDemoOrganization, type ScaledOrganization } from './scale-demo.js';

const desktopDir = fileURLToPath(new URL('../../desktop', import.meta.url));
const rendererDir = join(desktopDir, 'out/renderer');

export interface UiStack {
  readonly db: TestDatabase;
  readonly organization: ScaledOrganization;
  readonly dataDir: string;
  /** the running app and its dev host, once started */
  readonly app: DesktopApp | undefined;
  readonly devHost: DevHost | undefined;
  readonly relayUrl: string;
  /** starts the app (on the data dir and token it had) and a dev host for it */
  startApp(): Promise<{ app: DesktopApp; devHost: DevHost }>;
  closeApp(): Promise<void>;
  nextSignInCode(email: string): Promise<string>;
  stop(): Promise<void>;
}

/** builds what ships (the renderer) so the page is the real one */
export function buildRenderer(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '-c', 'vite.renderer.config.ts'], {
    cwd: desktopDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function startUiStack(target: { slug: string; events: number; requests: number }): Promise<UiStack> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  };
  try {
    const db = await createTestDatabase('bench_ui');
    stops.push(() => db.drop());
    const seeded = await seedDemo(db.sql);
    if (!seeded.created) throw new Error(seeded.reason);
    const organization = await scaleDemoOrganization(db.sql, target.slug, target);
    // the planner should know the tables' new size, as it would on a database that grew slowly
    await db.sql`ANALYZE`;
    const mailbox = await TestMailbox.start();
    stops.push(() => mailbox.stop());
    const relay: TestRelay = await startTestRelay(db, { SMTP_URL: mailbox.url });
    stops.push(() => relay.stop());
    const dataDir = await mkdtemp(join(tmpdir(), 'promoteros-bench-ui-'));
    stops.push(() => rm(dataDir, { recursive: true, force: true }));
    // one store for every start: the token stays across a restart, as the keychain keeps it
    const credentials = new MemoryCredentialStore();
    let app: DesktopApp | undefined;
    let devHost: DevHost | undefined;
    const closeApp = async () => {
      await devHost?.close();
      devHost = undefined;
      await app?.close();
      app = undefined;
    };
    stops.push(closeApp);

    return {
      db,
      organization,
      dataDir,
      get app() {
        return app;
      },
      get devHost() {
        return devHost;
      },
      relayUrl: relay.url,
      async startApp() {
        app = await startDesktopApp({
          relayUrl: relay.url,
          dataDir,
          credentials,
          deviceName: 'bench:ui',
          log: () => {},
        });
        devHost = await startDevHost({ app, rendererDir });
        return { app, devHost };
      },
      closeApp,
      async nextSignInCode(email) {
        const mail = await mailbox.next(email, 10_000, /sign-in code/);
        const code = /sign-in code: (\d{6})/.exec(mail.parsed.subject ?? '')?.[1];
        if (!code) throw new Error(`no code in "${mail.parsed.subject}"`);
        return code;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
