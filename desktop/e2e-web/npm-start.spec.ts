// The README's first command as a newcomer meets it: a fresh clone of this commit, `npm ci` with
// ELECTRON_SKIP_BINARY_DOWNLOAD unset on a machine that cannot download Electron's binary (none
// can here) nor build keytar (the libsecret headers are hidden from pkg-config, as on a machine
// without libsecret-1-dev), then `npm start`. The install goes through and says what it skipped;
// `npm start` ends with its start-up block; the person signs in with the code from it, in the
// browser the block points to; a Ctrl-C and a second `npm start` find them still signed in.
//
// npm ci uses the machine's npm cache (the same lockfile as this checkout's own install), so only
// the unpacking, the install scripts and the first start's demo load cost time.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_DIR_VARIABLE } from '../src/core/replica/replica-template.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OWNER = 'owner@lakeshore-live.demo';

let workspace: string;
let clone: string;
const started: ChildProcess[] = [];

/** The environment of a newcomer's shell: none of this checkout's test or CI settings. */
function newcomerEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'ELECTRON_SKIP_BINARY_DOWNLOAD',
    'PROMOTEROS_DESKTOP',
    'PORT',
    'DATA_DIR',
    'DATABASE_URL',
    'SMTP_URL',
    'LOG_LEVEL',
    'PROMOTEROS_DATA_DIR',
    TEMPLATE_DIR_VARIABLE,
    // no keychain answers: the dev host must say where it keeps the session instead
    'DBUS_SESSION_BUS_ADDRESS',
    'DISPLAY',
    'WAYLAND_DISPLAY',
  ]) {
    delete env[name];
  }
  // the default 8787 may be taken on a shared machine; one port for both starts, as the default is
  env.PORT = String(port);
  return env;
}

/** Runs a command to its end in the clone, collecting everything it prints. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** `npm start` in the clone, in a process group of its own (for Ctrl-C), its lines collected. */
function npmStart(env: NodeJS.ProcessEnv) {
  const child = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => lines.push(line));
  }
  const printed = async (pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of lines) {
        const match = pattern.exec(line);
        if (match) return match;
      }
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${lines.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`npm start did not print ${pattern}:\n${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const ctrlC = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGINT');
    await exited;
  };
  return { lines, printed, ctrlC };
}

/** a port free on loopback right now */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<'answers' | 'gone'> {
  return fetch(url).then(
    () => 'answers' as const,
    () => 'gone' as const,
  );
}

/** a first sign-in creates the replica's database (no template in a fresh clone): it may take a while */
async function signedInAs(page: Page, organization: RegExp) {
  await expect(page.getByLabel('Organization')).toHaveText(organization, { timeout: 180_000 });
}

test.beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'promoteros-fresh-clone-'));
  clone = join(workspace, 'promoteros');
  // exactly this commit, as CI and a newcomer get it
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone]);
  execFileSync('git', ['checkout', '--quiet', commit], { cwd: clone });
});

test.afterAll(async () => {
  // a test that failed before its Ctrl-C: Ctrl-C now, so that npm start stops the relay and the
  // dev host (each in a process group of its own, out of reach of a kill of npm start's group)
  for (const child of started.filter((c) => c.exitCode === null && c.signalCode === null)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
  rmSync(workspace, { recursive: true, force: true });
});

test('npm ci && npm start from a fresh clone, without Electron’s download or keytar’s build', async ({ page }) => {
  test.setTimeout(20 * 60_000);
  const env = newcomerEnv(await freePort());

  // ---- npm ci: through, with one line for each part it had to skip, and no engine warning
  const install = await run('npm', ['ci', '--no-audit', '--no-fund'], {
    ...env,
    // a machine without libsecret-1-dev: pkg-config finds no libsecret-1, so keytar's build fails
    PKG_CONFIG_LIBDIR: join(workspace, 'no-pkg-config'),
    PKG_CONFIG_PATH: '',
  });
  expect(install.code, install.output).toBe(0);
  expect(install.output).toMatch(
    /^PromoterOS: Electron skipped: .+ npm start opens the desktop screens in a browser instead/m,
  );
  expect(install.output).toMatch(
    /^PromoterOS: the OS keychain module \(keytar\) skipped: it could not be built here .+ Sessions are kept encrypted with Electron safeStorage in the desktop app, and in a plain-text development file in the dev host\.$/m,
  );
  expect(install.output).not.toContain('EBADENGINE');
  expect(install.output).not.toContain('not yet covered by allowScripts');

  // ---- npm start: the start-up block ends it
  const first = npmStart(env);
  await first.printed(/^ {2}Ctrl-C stops it all\.$/, 8 * 60_000);
  const [, relayUrl] = await first.printed(
    new RegExp(
      `^ {2}Relay {10}(http://127\\.0\\.0\\.1:${env.PORT}) {2}\\(embedded PGlite in ${clone}/\\.data/relay\\)$`,
    ),
    0,
  );
  const [, devHostUrl] = await first.printed(/^ {2}Desktop app {4}(http:\/\/127\.0\.0\.1:\d+\/#\S+)$/, 0);
  await first.printed(/^ {17}open it in a browser, since the Electron binary is not installed/, 0);
  const [, code] = await first.printed(new RegExp(`^ {2}Sign-in code {3}(\\d{6}) {2}for ${OWNER} \\(`), 0);
  const intake = await first.printed(/^ {4}The Lakeshore Ballroom, Chicago +(http:\S+)$/, 0);
  // the dev host said where it keeps the session, since no keychain answers here
  await first.printed(/^\[dev host\] credentials: the keychain module \(keytar\) is not installed.*plain-text file/, 0);
  // the routine request log is not on the terminal
  expect(first.lines.join('\n')).not.toMatch(/incoming request|request completed|"level":30/);

  const request = await fetch(intake[1]!);
  expect(request.status).toBe(200);
  expect((await fetch(new URL('/favicon.ico', relayUrl))).status).toBe(200);

  // ---- the person signs in with the code from the block, in the browser it points to
  await page.goto(devHostUrl!);
  await expect(page.getByRole('heading', { name: 'Sign in to PromoterOS' })).toBeVisible();
  await expect(page.getByLabel('Relay address')).toHaveValue(relayUrl!);
  await expect(page.getByLabel('Email')).toHaveValue(OWNER);
  await page.getByRole('button', { name: 'I already have a code' }).click();
  await page.getByLabel('Six-digit code').fill(code!);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await signedInAs(page, /Lakeshore Live/);

  // ---- Ctrl-C stops all of it
  await first.ctrlC();
  await expect.poll(async () => `${await answers(relayUrl!)} ${await answers(devHostUrl!)}`).toBe('gone gone');

  // ---- a second npm start: same data, still signed in
  const second = npmStart(env);
  await second.printed(/^ {2}Ctrl-C stops it all\.$/, 5 * 60_000);
  const [, secondDevHostUrl] = await second.printed(/^ {2}Desktop app {4}(http:\/\/127\.0\.0\.1:\d+\/#\S+)$/, 0);
  await page.goto(secondDevHostUrl!);
  await signedInAs(page, /Lakeshore Live/);
  await second.ctrlC();
});
