// The relay as a process: started the way an operator starts it, signed in through the code
// it logs when SMTP_URL is unset, and stopped with SIGTERM while a long-poll is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';
import { createMember, createOrganization } from './testing/fixtures.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('main_process');
});

afterAll(async () => {
  await db?.drop();
});

/** The relay process and its log so far, with a way to wait for a log line. */
class RelayProcess {
  log = '';
  readonly exited: Promise<number | null>;
  readonly child: ChildProcess;
  #watchers: Array<() => void> = [];

  constructor(env: Record<string, string>) {
    const { AUTH_SECRET: _secret, SMTP_URL: _smtp, ...inherited } = process.env;
    // tsx from the repo's own bin, which is what `npx tsx` runs: npm exec itself dies on
    // SIGTERM without passing it on, while tsx passes it to the relay and exits with its code.
    // Its own process group, so that a failed test can clean up the whole tree.
    this.child = spawn('node_modules/.bin/tsx', ['relay/src/main.ts'], {
      cwd: repoRoot,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const collect = (chunk: Buffer) => {
      this.log += chunk.toString('utf8');
      for (const watcher of [...this.#watchers]) watcher();
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the first match of `pattern` in the log, waiting for it if need be. */
  waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(this.log);
        if (!match) return false;
        clearTimeout(timer);
        this.#watchers = this.#watchers.filter((w) => w !== check);
        resolve(match);
        return true;
      };
      const timer = setTimeout(() => {
        this.#watchers = this.#watchers.filter((w) => w !== check);
        reject(new Error(`no ${pattern} in the relay log within ${timeoutMs} ms:\n${this.log}`));
      }, timeoutMs);
      if (!check()) this.#watchers.push(check);
    });
  }
}

describe('the relay process', () => {
  let relay: RelayProcess | undefined;

  afterAll(() => {
    // only if the test failed before the relay exited
    if (relay?.child.pid && relay.child.exitCode === null) process.kill(-relay.child.pid, 'SIGKILL');
  });

  it('should log sign-in codes without SMTP_URL, and shut down cleanly on SIGTERM', async () => {
    const orgId = await createOrganization(db.sql, 'Process Hall');
    const member = await createMember(db.sql, [{ organizationId: orgId, role: 'OWNER' }]);

    relay = new RelayProcess({
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'never',
      LIVE_POLL_TIMEOUT_MS: '60000',
    });
    const url = (await relay.waitFor(/PromoterOS relay listening on (http:\/\/[\d.:]+)/))[1]!;
    expect(relay.log).toMatch(
      /AUTH_SECRET is not set: using a random secret, so sign-in codes do not survive a restart/,
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // sign in with the code from the log
    const asked = await fetch(`${url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: member.email }),
    });
    expect(asked.status).toBe(202);
    const escaped = member.email.replace(/[.+]/g, '\\$&');
    const code = (await relay.waitFor(new RegExp(`SIGN-IN CODE for ${escaped}: (\\d{6}) \\(SMTP_URL not set\\)`)))[1]!;
    const verified = await fetch(`${url}/v1/auth/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: member.email, code, deviceName: 'process test' }),
    });
    expect(verified.status).toBe(200);
    const { sessionToken } = (await verified.json()) as { sessionToken: string };

    // open a live long-poll that only shutdown will answer
    const headers = { authorization: `Bearer ${sessionToken}` };
    const first = await fetch(`${url}/v1/shape?table=organizations&offset=-1`, { headers });
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const handle = first.headers.get('electric-handle')!;
    const offset = first.headers.get('electric-offset')!;
    const live = fetch(
      `${url}/v1/shape?table=organizations&offset=${encodeURIComponent(offset)}&handle=${encodeURIComponent(handle)}&live=true`,
      { headers },
    );
    await expectLongPollsWaiting(url, 1);

    relay.child.kill('SIGTERM');
    const answered = await live;
    expect(answered.status).toBe(200);
    await answered.arrayBuffer();
    expect(await relay.exited).toBe(0);
    expect(relay.log).toMatch(/SIGTERM: shutting down/);
  }, 90_000);
});

/** polls /metrics until the relay holds `count` long-polls (the request is in flight) */
async function expectLongPollsWaiting(url: string, count: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const text = await (await fetch(`${url}/metrics`)).text();
    if (new RegExp(`^promoteros_shape_long_polls_waiting ${count}$`, 'm').test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the relay never held ${count} long-poll(s)`);
}
