// The keytar store against a real keychain: the Secret Service of a gnome-keyring in a private
// D-Bus session under a temporary HOME (see testing/keyring-session.ts), driven from a child
// process because the session bus is per process tree. Where that keychain cannot start, every
// test here is skipped with the reason printed, never passed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { isCredentialStoreUnavailable } from './credential-store-unavailable.js';
import { createKeytarStore } from './keytar-store.js';
import {
  KeyringDidNotStart,
  keyringUnsupportedReason,
  startKeyringSession,
  type KeyringSession,
} from './testing/keyring-session.js';

const RELAY_A = 'https://relay-a.promoteros.test';
const RELAY_B = 'http://127.0.0.1:8787';
const TOKEN_A = 'pos_session_A_' + 'a'.repeat(40);
const TOKEN_B = 'pos_session_B_' + 'b'.repeat(40);

let keyring: KeyringSession | undefined;
let skipReason = keyringUnsupportedReason();

beforeAll(async () => {
  if (skipReason) return;
  try {
    keyring = await startKeyringSession({ withKeyring: true });
  } catch (error) {
    if (!(error instanceof KeyringDidNotStart)) throw error;
    skipReason = error.message;
  }
});

afterAll(async () => {
  await keyring?.stop();
});

function requireKeyring(context: TestContext): KeyringSession {
  if (skipReason || !keyring) {
    console.warn(`skipped "${context.task.name}": ${skipReason}`);
    context.skip(`no isolated keychain: ${skipReason}`);
  }
  return keyring!;
}

describe('keytar store in a real keychain', () => {
  it('stores, reads back and deletes the session token', async (context) => {
    const session = requireKeyring(context);
    expect(await session.request('get', RELAY_A)).toEqual({ id: expect.any(Number), ok: true, value: null });
    expect((await session.request('set', RELAY_A, TOKEN_A)).ok).toBe(true);
    expect(await session.request('get', RELAY_A)).toMatchObject({ ok: true, value: TOKEN_A });
    expect((await session.request('delete', RELAY_A)).ok).toBe(true);
    expect(await session.request('get', RELAY_A)).toMatchObject({ ok: true, value: null });
    // signing out twice (or after a failed sign-in) is not an error
    expect((await session.request('delete', RELAY_A)).ok).toBe(true);
  });

  it('keeps the tokens of two relays apart, and one relay URL with or without its slash together', async (context) => {
    const session = requireKeyring(context);
    await session.request('set', RELAY_A, TOKEN_A);
    await session.request('set', RELAY_B, TOKEN_B);
    expect(await session.request('get', RELAY_A)).toMatchObject({ ok: true, value: TOKEN_A });
    expect(await session.request('get', `${RELAY_B}/`)).toMatchObject({ ok: true, value: TOKEN_B });

    await session.request('delete', `${RELAY_A}/`);
    expect(await session.request('get', RELAY_A)).toMatchObject({ ok: true, value: null });
    expect(await session.request('get', RELAY_B)).toMatchObject({ ok: true, value: TOKEN_B });
    await session.request('delete', RELAY_B);
  });

  it('overwrites the token of a relay when the member signs in again', async (context) => {
    const session = requireKeyring(context);
    await session.request('set', RELAY_A, TOKEN_A);
    await session.request('set', RELAY_A, TOKEN_B);
    expect(await session.request('get', RELAY_A)).toMatchObject({ ok: true, value: TOKEN_B });
    await session.request('delete', RELAY_A);
  });

  it('leaves no token readable in the keyring files on disk', async (context) => {
    const session = requireKeyring(context);
    await session.request('set', RELAY_A, TOKEN_A);
    const keyrings = join(session.home, '.local/share/keyrings');
    const files = readdirSync(keyrings);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(readFileSync(join(keyrings, file)).includes(TOKEN_A)).toBe(false);
    }
    await session.request('delete', RELAY_A);
  });
});

describe('keytar store without a keychain', () => {
  it('answers every call with the typed unavailable error when there is no D-Bus session', async (context) => {
    const reason = keyringUnsupportedReason();
    if (reason) {
      console.warn(`skipped "${context.task.name}": ${reason}`);
      context.skip(reason);
    }
    const bare = await startKeyringSession({ withKeyring: false });
    try {
      for (const op of ['get', 'set', 'delete'] as const) {
        const reply = await bare.request(op, RELAY_A, TOKEN_A);
        expect(reply).toMatchObject({ ok: false, error: { name: 'CredentialStoreUnavailable', store: 'keytar' } });
      }
    } finally {
      await bare.stop();
    }
  });

  it('turns a keytar module that does not load into the typed unavailable error, and retries the load', async () => {
    // a broken native build cannot be produced on purpose here; the loader is the seam for it
    let attempts = 0;
    const store = createKeytarStore({
      relayUrl: RELAY_A,
      loadKeytar: async () => {
        attempts += 1;
        throw new Error('Cannot find module ../build/Release/keytar.node');
      },
    });
    const failure = await store.get().catch((error: unknown) => error);
    expect(isCredentialStoreUnavailable(failure)).toBe(true);
    expect((failure as Error).message).toContain('keytar.node');
    await expect(store.set(TOKEN_A)).rejects.toThrow(/did not load/);
    expect(attempts).toBe(2);
  });
});
