// The README's first command, as a person runs it: `npm start` starts the relay on its embedded
// database with the demo, asks for the demo owner's sign-in code, builds the desktop screens and
// opens them (in the browser here: no Electron binary); the person signs in with a mailed code
// and sees the demo organization; Ctrl-C stops all of it.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TestMailbox } from '../../relay/src/mail/test-mailbox.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OWNER = 'owner@lakeshore-live.demo';

let mailbox: TestMailbox;
let dataDir: string;
let npmStart: ChildProcess | undefined;
const output: string[] = [];

/** The first line of `npm start`'s output that matches, once it is printed. */
function printed(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not print ${pattern} in ${timeoutMs} ms:\n${output.join('\n')}`)),
      timeoutMs,
    );
    const check = () => {
      for (const line of output) {
        const match = pattern.exec(line);
        if (match) {
          clearTimeout(timer);
          return resolve(match);
        }
      }
      setTimeout(check, 100);
    };
    check();
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });

test.beforeAll(async () => {
  mailbox = await TestMailbox.start();
  dataDir = await mkdtemp(join(tmpdir(), 'promoteros-npm-start-'));
});
test.afterAll(async () => {
  // the whole group, should anything of it be left
  // (a test that failed before its Ctrl-C); ESRCH: the group is gone already
  if (npmStart?.pid) {
    try {
      process.kill(-npmStart.pid, 'SIGKILL');
    } catch {
      // nothing left to stop
    }
  }
  await mailbox?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('should start the relay with the demo and open the desktop screens, then stop on Ctrl-C', async ({ page }) => {
  test.setTimeout(240_000);
  npmStart = spawn('npm', ['start'], {
    cwd: ROOT,
    // its own process group, to send it Ctrl-C's SIGINT the way a terminal does
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: join(dataDir, 'relay'),
      PROMOTEROS_DATA_DIR: join(dataDir, 'desktop'),
      SMTP_URL: mailbox.url,
      // the browser, wherever this runs (Electron's own test is e2e-electron)
      PROMOTEROS_DESKTOP: 'browser',
    },
  });
  for (const stream of [npmStart.stdout!, npmStart.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => output.push(line));
  }

  const [, relayUrl] = await printed(/^PromoterOS relay: (\S+)\s+\(embedded PGlite/, 150_000);
  // the code npm start asked for on the owner's behalf
  const startCode = await mailbox.next(OWNER, 30_000);
  expect(startCode.parsed.subject).toMatch(/sign-in code: \d{6}$/);
  const [, devHostUrl] = await printed(/^DEV HOST URL: (\S+)/, 120_000);
  expect(output.join('\n')).toContain('[npm start] the desktop app opens in a browser: PROMOTEROS_DESKTOP=browser');

  await page.goto(devHostUrl!);
  await expect(page.getByRole('heading', { name: 'Sign in to PromoterOS' })).toBeVisible();
  await expect(page.getByLabel('Relay address')).toHaveValue(relayUrl!);
  await page.getByLabel('Email').fill(OWNER);
  await page.getByRole('button', { name: 'Send sign-in code' }).click();
  const code = /sign-in code: (\d{6})$/.exec((await mailbox.next(OWNER, 30_000)).parsed.subject ?? '')![1]!;
  await page.getByLabel('Six-digit code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel('Organization')).toHaveText(/Lakeshore Live/);

  // Ctrl-C: every process of the group gets SIGINT; the relay and the dev host stop with it
  process.kill(-npmStart.pid!, 'SIGINT');
  await exited(npmStart);
  await expect
    .poll(
      async () => {
        const answers = await Promise.all(
          [relayUrl!, devHostUrl!].map((url) =>
            fetch(new URL('/', url)).then(
              () => 'answers',
              () => 'gone',
            ),
          ),
        );
        return answers.join(' ');
      },
      { timeout: 30_000 },
    )
    .toBe('gone gone');
});
