// dispatch at the boundary: names it does not know, arguments that break their schema, handler
// failures and results that break theirs all come back as typed outcomes naming what was wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryCredentialStore } from './credential-store.js';
import { startDesktopApp, type DesktopApp } from './desktop-app.js';
import { createDispatch, type CommandHandlers } from './dispatch.js';
import { CommandFailure } from './command-failure.js';

describe('dispatch', () => {
  let dir: string;
  let app: DesktopApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoteros-dispatch-'));
    // nothing listens on port 9 (discard): the relay is unreachable
    app = await startDesktopApp({
      relayUrl: 'http://127.0.0.1:9',
      dataDir: dir,
      credentials: new MemoryCredentialStore(),
      log: () => {},
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should refuse a command that is not in the command map', async () => {
    for (const name of ['venues.delete', 'toString', '__proto__', '']) {
      const outcome = await app.dispatch(name, {});
      expect(outcome).toEqual({
        ok: false,
        error: { code: 'unknown_command', message: `there is no command named ${JSON.stringify(name)}` },
      });
    }
    expect(await app.dispatch(42 as unknown as string, {})).toMatchObject({ error: { code: 'unknown_command' } });
  });

  it('should refuse malformed arguments, naming each field', async () => {
    const code = await app.dispatch('auth.verifyCode', { email: 'not-an-email', code: '12345' });
    expect(code).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    const error = (code as { error: { message: string; details: Record<string, string> } }).error;
    expect(Object.keys(error.details).sort()).toEqual(['code', 'email']);
    expect(error.details.code).toBe('the code has six digits');
    expect(error.message).toMatch(/^auth\.verifyCode: .*email: .*code: the code has six digits/);

    expect(await app.dispatch('requests.list', { statuses: ['BOGUS'], limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', details: { 'statuses.0': expect.any(String), limit: expect.any(String) } },
    });
    expect(await app.dispatch('calendar.month', { venueId: null, month: '2026-13' })).toMatchObject({
      error: { code: 'invalid_arguments', details: { month: 'expected YYYY-MM' } },
    });
    expect(await app.dispatch('calendar.month', null)).toMatchObject({
      error: { code: 'invalid_arguments', details: { '(arguments)': expect.any(String) } },
    });
    expect(
      await app.dispatch('auth.requestCode', { relayUrl: 'file:///etc/passwd', email: 'a@b.example' }),
    ).toMatchObject({ error: { code: 'invalid_arguments', details: { relayUrl: 'must be an http or https URL' } } });
  });

  it('should take a command without arguments invoked with none', async () => {
    expect(await app.dispatch('session.get', undefined)).toEqual({
      ok: true,
      value: { state: 'signed-out', relayUrl: 'http://127.0.0.1:9' },
    });
  });

  it('should report an unreachable relay as offline and reads before sign-in as not signed in', async () => {
    expect(
      await app.dispatch('auth.requestCode', { relayUrl: 'http://127.0.0.1:9', email: 'a@b.example' }),
    ).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringContaining('http://127.0.0.1:9') } });
    expect(await app.dispatch('search.query', { text: 'x' })).toMatchObject({ error: { code: 'not_signed_in' } });
    expect(await app.dispatch('organization.select', { organizationId: crypto.randomUUID() })).toMatchObject({
      error: { code: 'not_signed_in' },
    });
  });

  it('should turn a handler crash and a result outside its schema into internal errors, and log both', async () => {
    const logged: string[] = [];
    const handlers = {
      'session.get': async () => ({ state: 'confused' }),
      'sync.status': async () => {
        throw new Error('disk on fire');
      },
      'venues.list': async () => {
        throw new CommandFailure('not_found', 'no such venue', { venueId: 'unknown' });
      },
    } as unknown as CommandHandlers;
    const dispatch = createDispatch(handlers, { log: (message) => logged.push(message) });
    expect(await dispatch('session.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await dispatch('sync.status', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'sync.status failed: disk on fire' },
    });
    expect(await dispatch('venues.list', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such venue', details: { venueId: 'unknown' } },
    });
    expect(logged).toEqual(['command session.get answered outside its result schema', 'command sync.status failed']);
  });
});
