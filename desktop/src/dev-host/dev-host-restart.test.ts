// The dev host as `npm start` runs it (src/dev-host/main.ts in a process of its own), against a
// real relay: where no OS keychain answers, the session token goes to the plain-text development
// file, the start-up output says so, and a restart of the dev host on the same data folder is
// still signed in. Both ways a keychain is missing are met for real: keytar installed but no
// D-Bus session (a headless Linux machine), and keytar not installed at all (npm ci could not
// build it), which the without-keytar hooks stage by making its import fail as a missing package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { TestMailbox } from '@promoteros/relay/testing/test-mailbox';
import { seedDemo } from '@promoteros/demo/seed';
import { BRIDGE_PATH, SECRET_PARAM } from './wire.js';

const desktopDir = fileURLToPath(new URL('../../', import.meta.url));
const withoutKeytar = fileURLToPath(new URL('../core/credentials/testing/without-keytar.mjs', import.meta.url));
const OWNER = 'owner@lakeshore-live.demo';

let db: TestDatabase;
let relay: TestRelay;
let mailbox: TestMailbox;
let root: string;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  mailbox = await TestMailbox.start();
  db = await createTestDatabase('dev_host_restart');
  expect((await seedDemo(db.sql)).created).toBe(true);
  relay = await startTestRelay(db, { SMTP_URL: mailbox.url });
  root = mkdtempSync(join(tmpdir(), 'promoteros-dev-host-restart-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
}, 120_000);

afterAll(async () => {
  await Promise.all([...running].map(stop));
  await relay?.stop();
  await mailbox?.stop();
  await db?.drop();
  rmSync(root, { recursive: true, force: true });
});

interface DevHostRun {
  readonly child: ChildProcess;
  readonly output: string[];
  /** the bridge, open; `call` sends a command and resolves with its outcome */
  readonly call: (name: string, args?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  readonly ws: WebSocket;
}

/** Starts the dev host process on `dataDir` and opens its bridge with the printed URL's secret. */
async function startDevHost(dataDir: string, options: { keytar: boolean }): Promise<DevHostRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PROMOTEROS_RELAY_URL: relay.url,
    PROMOTEROS_DATA_DIR: dataDir,
    PROMOTEROS_RENDERER_DIR: join(root, 'renderer'),
    PROMOTEROS_SIGN_IN_EMAIL: OWNER,
    // no session bus, no display: no keychain answers, as on a server or in CI
    HOME: join(root, 'home'),
  };
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR']) delete env[name];
  const imports = options.keytar ? ['--import', 'tsx'] : ['--import', withoutKeytar, '--import', 'tsx'];
  const child = spawn(process.execPath, [...imports, 'src/dev-host/main.ts'], {
    cwd: desktopDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => output.push(line));
  }
  const pageUrl = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const line = output.find((l) => l.startsWith('DEV HOST URL: '));
      if (line) {
        clearInterval(timer);
        resolve(line.slice('DEV HOST URL: '.length));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the dev host exited (${child.exitCode}):\n${output.join('\n')}`));
      }
    }, 50);
  });
  const page = new URL(pageUrl);
  const secret = new URLSearchParams(page.hash.slice(1)).get(SECRET_PARAM)!;
  const ws = new WebSocket(`ws://${page.host}${BRIDGE_PATH}?${SECRET_PARAM}=${encodeURIComponent(secret)}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 0;
  const call = (name: string, args: unknown = {}) =>
    new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
      const id = ++nextId;
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: number; outcome?: never };
        if (message.id !== id) return;
        ws.off('message', onMessage);
        resolve(message.outcome!);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, name, args }));
    });
  return { child, output, call, ws };
}

async function stop(run: DevHostRun | ChildProcess): Promise<void> {
  const child = 'child' in run ? run.child : run;
  if ('ws' in run) run.ws.terminate();
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('the dev host’s session across restarts', () => {
  it('should keep the session in the development file when keytar is not installed, and stay signed in after a restart', async () => {
    const dataDir = join(root, 'no-keytar');
    const first = await startDevHost(dataDir, { keytar: false });
    expect(first.output.join('\n')).toMatch(
      /\[dev host\] credentials: the keychain module \(keytar\) is not installed: npm ci could not build it on this machine; session tokens are kept in a plain-text file for development \(readable by this user only\) in .*no-keytar\/credentials instead/,
    );
    // the sign-in form starts with the suggested address
    expect(await first.call('session.get')).toMatchObject({ ok: true, value: { state: 'signed-out', email: OWNER } });

    expect(await first.call('auth.requestCode', { relayUrl: relay.url, email: OWNER })).toMatchObject({ ok: true });
    const mail = await mailbox.next(OWNER, 10_000, /sign-in code/);
    const code = /sign-in code: (\d{6})$/.exec(mail.parsed.subject ?? '')![1]!;
    expect(await first.call('auth.verifyCode', { email: OWNER, code })).toMatchObject({
      ok: true,
      value: { state: 'signed-in', user: { email: OWNER } },
    });
    const files = readdirSync(join(dataDir, 'credentials'));
    expect(files).toHaveLength(1);
    const tokenFile = join(dataDir, 'credentials', files[0]!);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'credentials')).mode & 0o777).toBe(0o700);
    const token = readFileSync(tokenFile, 'utf8');
    await stop(first);

    const second = await startDevHost(dataDir, { keytar: false });
    expect(await second.call('session.get')).toMatchObject({
      ok: true,
      value: { state: 'signed-in', relayUrl: relay.url, user: { email: OWNER } },
    });
    // the token read back is the one the relay still honours
    const account = await fetch(`${relay.url}/v1/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(account.status).toBe(200);
    expect(await second.call('venues.list')).toMatchObject({ ok: true });

    // signing out removes the file: the next start is signed out
    expect(await second.call('auth.signOut', { discardPending: true })).toMatchObject({
      ok: true,
      value: { state: 'signed-out', email: OWNER },
    });
    expect(readdirSync(join(dataDir, 'credentials'))).toEqual([]);
    await stop(second);
  }, 240_000);

  it('should say the keychain refused and fall back to the development file when keytar is there but no keychain answers', async () => {
    const run = await startDevHost(join(root, 'no-bus'), { keytar: true });
    expect(run.output.join('\n')).toMatch(
      /\[dev host\] credentials: the keychain refused to read the session token: .*; session tokens are kept in a plain-text file for development/,
    );
    await stop(run);
  }, 120_000);
});
