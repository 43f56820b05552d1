// The choice between keychain, safeStorage and memory. Electron's safeStorage cannot run here
// (no Electron binary) and the keychain's real behaviour is tested in
// core/credentials/keytar-store.test.ts, so the keychain here is either the real keytar store
// with a module that does not load, or an in-memory store implementing the same interface; the
// safeStorage side is the real file store with AES-GCM playing the OS key.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCredentialStore, type CredentialStore } from '../../core/app/credential-store.js';
import { relayAccount } from '../../core/credentials/relay-account.js';
import { createKeytarStore } from '../../core/credentials/keytar-store.js';
import { chooseCredentialStore, type CredentialsFor } from '../../core/credentials/choose-store.js';
import { safeStorageFallback } from './safe-storage-store.js';
import { nodeEncryption } from './testing/node-encryption.js';

const RELAY = 'https://relay.lakeshore-live.test';
const TOKEN = 'pos_session_' + 'y'.repeat(43);

let directory: string;
let logged: string[];
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'promoteros-credentials-'));
  logged = [];
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const brokenKeychain: CredentialsFor = (relayUrl) =>
  createKeytarStore({
    relayUrl,
    loadKeytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
  });

function workingKeychain(): CredentialsFor & { accounts: Map<string, CredentialStore> } {
  const accounts = new Map<string, CredentialStore>();
  const credentialsFor = (relayUrl: string) => {
    const account = relayAccount(relayUrl);
    if (!accounts.has(account)) accounts.set(account, new MemoryCredentialStore());
    return accounts.get(account)!;
  };
  return Object.assign(credentialsFor, { accounts });
}

function safeStorageOn(machine: Parameters<typeof nodeEncryption>[0] = {}) {
  return { fallback: safeStorageFallback(directory, nodeEncryption(machine)) };
}

describe('choosing where session tokens live', () => {
  it('uses the keychain when it answers, and says so', async () => {
    const keychain = workingKeychain();
    const chosen = await chooseCredentialStore({ keychain, ...safeStorageOn(), log: (m) => logged.push(m) });
    expect(chosen.kind).toBe('keychain');
    await chosen.credentialsFor(RELAY).set(TOKEN);
    expect(await keychain(RELAY).get()).toBe(TOKEN);
    expect(readdirSync(directory)).toEqual([]);
    expect(logged).toEqual([expect.stringContaining('OS keychain')]);
  });

  it('falls back to safeStorage when keytar is unavailable, with the reason in the log', async () => {
    const chosen = await chooseCredentialStore({
      keychain: brokenKeychain,
      ...safeStorageOn(),
      log: (m) => logged.push(m),
    });
    expect(chosen.kind).toBe('safe-storage');
    expect(chosen.reason).toMatch(/libsecret-1\.so\.0/);
    await chosen.credentialsFor(RELAY).set(TOKEN);
    expect(await chosen.credentialsFor(`${RELAY}/`).get()).toBe(TOKEN);
    expect(readdirSync(directory)).toHaveLength(1);
    expect(logged).toEqual([expect.stringMatching(/libsecret-1\.so\.0.*safeStorage instead/)]);
  });

  it('keeps the token in memory only when neither the keychain nor safeStorage can protect it', async () => {
    const chosen = await chooseCredentialStore({
      keychain: brokenKeychain,
      ...safeStorageOn({ backend: 'basic_text' }),
      log: (m) => logged.push(m),
    });
    expect(chosen.kind).toBe('memory');
    await chosen.credentialsFor(RELAY).set(TOKEN);
    expect(await chosen.credentialsFor(RELAY).get()).toBe(TOKEN);
    expect(await chosen.credentialsFor('http://127.0.0.1:8787').get()).toBeNull();
    expect(readdirSync(directory)).toEqual([]);
    expect(logged[0]).toMatch(/basic_text.*memory only/);
  });

  it('lets any other keychain error through instead of hiding a bug behind the fallback', async () => {
    const buggy: CredentialsFor = () => ({
      get: () => Promise.reject(new TypeError('store.get is not a function')),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    });
    await expect(chooseCredentialStore({ keychain: buggy, ...safeStorageOn(), log: () => {} })).rejects.toThrow(
      TypeError,
    );
  });

  it('moves a token left in the safeStorage file into the keychain once the keychain works again', async () => {
    const machine = safeStorageOn();
    await machine.fallback.credentialsFor(RELAY).set(TOKEN);
    const keychain = workingKeychain();
    const chosen = await chooseCredentialStore({ keychain, ...machine, log: (m) => logged.push(m) });

    expect(await chosen.credentialsFor(RELAY).get()).toBe(TOKEN);
    expect(await keychain(RELAY).get()).toBe(TOKEN);
    expect(readdirSync(directory)).toEqual([]);
    expect(logged.at(-1)).toMatch(/moved a session token/);
  });

  it('signing out removes the token from the keychain and any leftover file', async () => {
    const machine = safeStorageOn();
    const keychain = workingKeychain();
    const chosen = await chooseCredentialStore({ keychain, ...machine, log: () => {} });
    await chosen.credentialsFor(RELAY).set(TOKEN);
    await machine.fallback.credentialsFor(RELAY).set('an older token from a run without keychain');

    await chosen.credentialsFor(RELAY).delete();
    expect(await chosen.credentialsFor(RELAY).get()).toBeNull();
    expect(readdirSync(directory)).toEqual([]);
  });
});
