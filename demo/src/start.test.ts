// The demo relay as a process (`npm run start -w demo`, the relay half of `npm start`), on a
// PostgreSQL database holding the demo: its terminal ends with the start-up block, whose
// addresses answer and whose sign-in code signs in; the request log goes to the file beside
// DATA_DIR, not to the terminal; codes asked for later are printed as they come.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { demoOrganizations } from './cast.js';
import { demoPeople, seedDemo } from './seed.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const OWNER = 'owner@lakeshore-live.demo';

let db: TestDatabase;
let dataRoot: string;
let relay: ChildProcess | undefined;
let terminal = '';

/** the terminal so far once `pattern` is in it */
async function printed(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(terminal);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`not printed: ${pattern}\n${terminal}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  db = await createTestDatabase('demo_start');
  expect((await seedDemo(db.sql)).created).toBe(true);
  dataRoot = mkdtempSync(join(tmpdir(), 'promoteros-demo-start-'));
  const { SMTP_URL: _smtp, LOG_LEVEL: _level, ...inherited } = process.env;
  relay = spawn(process.execPath, ['--import', 'tsx', 'demo/src/start.ts'], {
    cwd: repoRoot,
    env: {
      ...inherited,
      PORT: '0',
      DATABASE_URL: db.servingUrl,
      MIGRATION_DATABASE_URL: db.url,
      DATA_DIR: join(dataRoot, 'relay'),
      AUTH_SECRET: 'demo-start-test-secret-0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [relay.stdout!, relay.stderr!]) stream.on('data', (chunk: Buffer) => (terminal += chunk));
  await printed(/Ctrl-C stops it all\./, 90_000);
}, 120_000);

afterAll(async () => {
  if (relay && relay.exitCode === null) {
    const exited = new Promise((resolve) => relay!.once('exit', resolve));
    relay.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('the demo relay’s start-up block', () => {
  it('should name the relay, every demo venue’s intake page and every demo person, and each page answers', async () => {
    const [, relayUrl] = await printed(/^ {2}Relay {10}(http:\/\/127\.0\.0\.1:\d+) {2}\(PostgreSQL at /m);
    const venues = demoOrganizations.flatMap((organization) =>
      organization.venues.map((venue) => `${relayUrl}/request/${organization.slug}/${venue.slug}`),
    );
    for (const address of venues) {
      expect(terminal).toContain(address);
      const page = await fetch(address);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form');
    }
    for (const person of demoPeople()) expect(terminal).toContain(person.email);
    // it says what it does, not to run the command that was just typed
    expect(terminal).not.toMatch(/npm start|npm run/);
    expect(terminal).toContain('Desktop app    not started: this command runs the relay alone');
  });

  it('should print a sign-in code for the demo owner that signs in', async () => {
    const [, relayUrl] = await printed(/^ {2}Relay {10}(\S+)/m);
    const [, code] = await printed(new RegExp(`^ {2}Sign-in code {3}(\\d{6}) {2}for ${OWNER} \\(Maria Delgado`, 'm'));
    const verified = await fetch(`${relayUrl}/v1/auth/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OWNER, code, deviceName: 'demo start test' }),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ sessionToken: expect.any(String), user: { email: OWNER } });
  });

  it('should keep the request log in the file beside DATA_DIR, and print later codes as they come', async () => {
    const [, relayUrl] = await printed(/^ {2}Relay {10}(\S+)/m);
    const logFile = join(dataRoot, 'relay.log');
    expect(terminal).toContain(`Log file       ${logFile}`);
    const asked = await fetch(`${relayUrl}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'door@lakeshore-live.demo' }),
    });
    expect(asked.status).toBe(202);
    expect((await asked.json()) as { message: string }).toMatchObject({
      message: expect.stringMatching(/^If door@lakeshore-live\.demo belongs to a PromoterOS account, .*\.$/),
    });
    await printed(/^Sign-in code for door@lakeshore-live\.demo: \d{6} \(valid 15 minutes\)$/m);

    // routine request lines: in the file, never on the terminal
    const logged = readFileSync(logFile, 'utf8');
    expect(logged).toContain('"url":"/v1/auth/sign-in"');
    expect(terminal).not.toContain('incoming request');
    expect(terminal).not.toContain('request completed');
    // and no code in the file: codes only ever go to the terminal
    expect(logged).not.toMatch(/sign-in code/i);
  });
});
