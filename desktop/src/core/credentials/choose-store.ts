// Where the session token of each relay is kept on this machine, chosen once at startup:
//
//   OS keychain (keytar) ──unavailable──▶ the shell's fallback file ──unavailable──▶ memory
//
// The fallback is the Electron shell's safeStorage file (main/credentials, chosen after app
// 'ready': safeStorage only knows its key then), or the browser dev host's development file
// (development-file-store.ts). The keychain is probed with one read; only the typed
// CredentialStoreUnavailable moves down the chain, any other error is a bug and propagates.
// "memory" keeps the token for this run only (the member signs in at every start). The choice
// and its reason are logged: where a token is kept is never a surprise.
//
// A token left in the fallback file by an earlier run without a keychain moves into the
// keychain the first time it is read, and the file is deleted.
import { MemoryCredentialStore, type CredentialStore } from '../app/credential-store.js';
import { isCredentialStoreUnavailable } from './credential-store-unavailable.js';
import { relayAccount } from './relay-account.js';

export type CredentialsFor = (relayUrl: string) => CredentialStore;

/** Where tokens go when the keychain cannot take them. */
export interface FallbackCredentials {
  readonly kind: 'safe-storage' | 'development-file';
  /** how the log names it: "encrypted with Electron safeStorage" */
  readonly described: string;
  readonly credentialsFor: CredentialsFor;
  /** why it cannot keep a token safely here, or undefined when it can */
  readonly unavailable: () => string | undefined;
}

export interface ChooseCredentialStoreOptions {
  readonly keychain: CredentialsFor;
  readonly fallback: FallbackCredentials;
  readonly log: (message: string) => void;
  /** the relay whose account the keychain probe reads (any URL works) */
  readonly probeRelayUrl?: string;
}

export interface ChosenCredentials {
  readonly kind: 'keychain' | FallbackCredentials['kind'] | 'memory';
  readonly reason?: string;
  readonly credentialsFor: CredentialsFor;
}

export async function chooseCredentialStore(options: ChooseCredentialStoreOptions): Promise<ChosenCredentials> {
  const probe = options.keychain(options.probeRelayUrl ?? 'https://relay.promoteros.invalid');
  let keychainProblem: string;
  try {
    await probe.get();
    options.log('credentials: session tokens are kept in the OS keychain (keytar)');
    return { kind: 'keychain', credentialsFor: (relayUrl) => keychainWithLeftover(options, relayUrl) };
  } catch (error) {
    if (!isCredentialStoreUnavailable(error)) throw error;
    keychainProblem = error.message;
  }

  const { fallback } = options;
  const fallbackProblem = fallback.unavailable();
  if (!fallbackProblem) {
    options.log(`credentials: ${keychainProblem}; session tokens are ${fallback.described} instead`);
    return { kind: fallback.kind, reason: keychainProblem, credentialsFor: fallback.credentialsFor };
  }

  const reason = `${keychainProblem}; ${fallbackProblem}`;
  options.log(`credentials: ${reason}; the session token is kept in memory only and sign-in lasts until quit`);
  const inMemory = new Map<string, MemoryCredentialStore>();
  return {
    kind: 'memory',
    reason,
    credentialsFor: (relayUrl) => {
      const account = relayAccount(relayUrl);
      let store = inMemory.get(account);
      if (!store) inMemory.set(account, (store = new MemoryCredentialStore()));
      return store;
    },
  };
}

function keychainWithLeftover(options: ChooseCredentialStoreOptions, relayUrl: string): CredentialStore {
  const keychain = options.keychain(relayUrl);
  const leftover = options.fallback.credentialsFor(relayUrl);
  return {
    async get() {
      const token = await keychain.get();
      if (token !== null || options.fallback.unavailable()) return token;
      const moved = await leftover.get();
      if (moved === null) return null;
      await keychain.set(moved);
      await leftover.delete();
      options.log(`credentials: moved a session token from the ${options.fallback.kind} file into the OS keychain`);
      return moved;
    },
    set: (token) => keychain.set(token),
    async delete() {
      await keychain.delete();
      // a leftover file must not bring the session back on the next start
      await leftover.delete();
    },
  };
}
