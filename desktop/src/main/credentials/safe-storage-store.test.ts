// The safeStorage fallback's file handling under plain Node. Electron's safeStorage cannot run
// here (no Electron binary), so a real AES-GCM encryption with an in-memory key plays it
// (testing/node-encryption.ts); everything else — files, permissions, refusals — is the real code.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCredentialStoreUnavailable } from '../../core/credentials/credential-store-unavailable.js';
import { createSafeStorageStore, safeStorageUnavailableReason, tokenFilePath } from './safe-storage-store.js';
import { nodeEncryption } from './testing/node-encryption.js';

const RELAY = 'https://relay.lakeshore-live.test';
const TOKEN = 'pos_session_' + 'x'.repeat(43);

let userData: string;
let directory: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'promoteros-userdata-'));
  directory = join(userData, 'credentials');
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('safeStorage credential store', () => {
  it('round-trips the token through an encrypted file only its owner can read', async () => {
    const store = createSafeStorageStore({ relayUrl: RELAY, directory, encryption: nodeEncryption() });
    expect(await store.get()).toBeNull();
    await store.set(TOKEN);
    expect(await store.get()).toBe(TOKEN);

    const path = tokenFilePath(directory, RELAY);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(readFileSync(path).includes(TOKEN)).toBe(false);
    expect(readdirSync(directory)).toEqual([path.slice(directory.length + 1)]);

    await store.delete();
    expect(await store.get()).toBeNull();
    expect(readdirSync(directory)).toEqual([]);
    await store.delete();
  });

  it('keeps one file per relay', async () => {
    const encryption = nodeEncryption();
    const a = createSafeStorageStore({ relayUrl: RELAY, directory, encryption });
    const b = createSafeStorageStore({ relayUrl: 'http://127.0.0.1:8787', directory, encryption });
    await a.set('token-of-a-' + 'a'.repeat(20));
    await b.set('token-of-b-' + 'b'.repeat(20));
    await a.delete();
    expect(await a.get()).toBeNull();
    expect(await b.get()).toBe('token-of-b-' + 'b'.repeat(20));
  });

  it('refuses to store when the operating system offers no encryption, and writes nothing', async () => {
    const store = createSafeStorageStore({
      relayUrl: RELAY,
      directory,
      encryption: nodeEncryption({ available: false }),
    });
    const failure = await store.set(TOKEN).catch((error: unknown) => error);
    expect(isCredentialStoreUnavailable(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/no encryption key/);
    expect(() => readdirSync(directory)).toThrow(/ENOENT/);
  });

  it("refuses Chromium's basic_text backend, whose key is the same in every browser", async () => {
    const encryption = nodeEncryption({ backend: 'basic_text' });
    expect(safeStorageUnavailableReason(encryption)).toMatch(/basic_text/);
    const store = createSafeStorageStore({ relayUrl: RELAY, directory, encryption });
    await expect(store.set(TOKEN)).rejects.toThrow(/basic_text/);
  });

  it('forgets a token it can no longer decrypt (the OS key changed) instead of failing every start', async () => {
    await createSafeStorageStore({ relayUrl: RELAY, directory, encryption: nodeEncryption() }).set(TOKEN);
    const withNewKey = createSafeStorageStore({ relayUrl: RELAY, directory, encryption: nodeEncryption() });
    expect(await withNewKey.get()).toBeNull();
    expect(readdirSync(directory)).toEqual([]);
  });

  it('still deletes the file on sign-out when encryption has gone away', async () => {
    await createSafeStorageStore({ relayUrl: RELAY, directory, encryption: nodeEncryption() }).set(TOKEN);
    const locked = createSafeStorageStore({
      relayUrl: RELAY,
      directory,
      encryption: nodeEncryption({ available: false }),
    });
    await expect(locked.get()).rejects.toThrow(/no encryption key/);
    await locked.delete();
    expect(readdirSync(directory)).toEqual([]);
  });

  it('never reads a file as plain text: garbage in the token file is dropped, not returned', async () => {
    const path = tokenFilePath(directory, RELAY);
    await createSafeStorageStore({ relayUrl: RELAY, directory, encryption: nodeEncryption() }).set(TOKEN);
    writeFileSync(path, TOKEN);
    const store = createSafeStorageStore({ relayUrl: RELAY, directory, encryption: nodeEncryption() });
    expect(await store.get()).toBeNull();
  });
});
