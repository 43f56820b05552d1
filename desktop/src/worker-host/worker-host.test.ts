// The desktop core in a real worker thread, without a relay: commands cross and come back typed,
// the session token is asked of the host thread, and a crash answers the command it interrupted
// with an error that says so, then starts the core again or, past the limit, refuses clearly.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { MemoryCredentialStore } from '../core/app/credential-store.js';
import { startDesktopAppInWorker, type DesktopAppInWorker, type WorkerHostOptions } from './worker-host.js';

// nothing listens on port 9: these tests need no relay
const NO_RELAY = 'http://127.0.0.1:9';
const crashingEntry = new URL('./testing/crashing-core-worker.ts', import.meta.url);

/** a store that remembers which calls reached it (they run on the host thread) */
class CountingStore extends MemoryCredentialStore {
  gets = 0;
  override async get() {
    this.gets += 1;
    return super.get();
  }
}

describe('the desktop core in a worker thread', () => {
  let root: string;
  const started: DesktopAppInWorker[] = [];
  const start = async (label: string, options: Partial<WorkerHostOptions> = {}) => {
    const app = await startDesktopAppInWorker({
      relayUrl: NO_RELAY,
      dataDir: join(root, label),
      credentials: new MemoryCredentialStore(),
      log: () => {},
      ...options,
    });
    started.push(app);
    return app;
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'promoteros-worker-host-'));
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((app) => app.close()));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('should answer commands from a thread of its own, and ask the host thread for the token', async () => {
    const credentials = new CountingStore();
    const app = await start('round-trip', { credentials });
    expect(app.threadId).not.toBe(threadId);
    expect(await app.dispatch('session.get', {})).toEqual({
      ok: true,
      value: { state: 'signed-out', relayUrl: NO_RELAY },
    });
    // restoring the session at start read the token through the host
    expect(credentials.gets).toBeGreaterThanOrEqual(1);
  });

  it('should answer failures as typed outcomes: unknown names on the host, bad arguments from the core', async () => {
    const app = await start('failures');
    expect(await app.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await app.dispatch('events.get', { eventId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', details: { eventId: expect.any(String) } },
    });
    expect(await app.dispatch('venues.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    // arguments that cannot be copied to another thread are refused, not thrown
    expect(await app.dispatch('session.get', { callback: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
  });

  it('should fail the command a crash interrupted, say so, and start the core again', async () => {
    const logged: string[] = [];
    const app = await start('crash', { entry: crashingEntry, log: (message) => logged.push(message) });
    const before = app.threadId;
    const interrupted = await app.dispatch('session.get', { crashTheThread: true });
    expect(interrupted).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(interrupted.ok ? '' : interrupted.error.message).toMatch(
      /session\.get: the desktop core stopped unexpectedly \(the core crashed on purpose\); it is starting again/,
    );
    expect(logged.some((line) => line.includes('starting it again'))).toBe(true);
    // the next command waits for the new core and is answered by it
    expect(await app.dispatch('session.get', {})).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    expect(app.threadId).not.toBe(before);
  });

  it('should fail every command clearly once the core has crashed more often than it may restart', async () => {
    const app = await start('crash-for-good', { entry: crashingEntry, maxRestarts: 0 });
    const interrupted = await app.dispatch('session.get', { crashTheThread: true });
    expect(interrupted.ok ? '' : interrupted.error.message).toMatch(/it will not be started again/);
    const after = await app.dispatch('session.get', {});
    expect(after).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(after.ok ? '' : after.error.message).toMatch(
      /stopped unexpectedly 1 times within a minute.*restart the app/,
    );
  });

  it('should refuse commands once closing, and close only once', async () => {
    const app = await start('closing');
    const closing = app.close();
    expect(await app.dispatch('session.get', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'session.get: the app is closing' },
    });
    await closing;
    await app.close();
  });
});
