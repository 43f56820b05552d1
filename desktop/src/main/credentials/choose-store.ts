// Where the session token of each relay is kept on this machine, chosen once at startup (after
// app 'ready': safeStorage only knows its key then):
//
//   OS keychain (keytar) ──unavailable──▶ safeStorage file in userData ──unavailable──▶ memory
//
// The keychain is probed with one read; only the typed CredentialStoreUnavailable moves down the
// chain, any other error is a bug and propagates. "memory" keeps the token for this run only
// (the member signs in at every start) rather than ever writing it in plain text. The choice
// and its reason are logged.
//
// A token left in the safeStorage file by an earlier run without a keychain moves into the
// keychain the first time it is read, and the file is deleted.
import { MemoryCredentialStore, type CredentialStore } from '../../core/app/credential-store.js';
import { isCredentialStoreUnavailable } from '../../core/credentials/credential-store-unavailable.js';
import { relayAccount } from '../../core/credentials/relay-account.js';

export type CredentialsFor = (relayUrl: string) => CredentialStore;

export interface ChooseCredentialStoreOptions {
  readonly keychain: CredentialsFor;
  readonly safeStorage: CredentialsFor;
  /** why safeStorage cannot encrypt here, or undefined when it can */
  readonly safeStorageUnavailable: () => string | undefined;
  readonly log: (message: string) => void;
  /** the relay whose account the keychain probe reads (any URL works) */
  readonly probeRelayUrl?: string;
}

export interface ChosenCredentials {
  readonly kind: 'keychain' | 'safe-storage' | 'memory';
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

  const safeStorageProblem = options.safeStorageUnavailable();
  if (!safeStorageProblem) {
    options.log(`credentials: ${keychainProblem}; session tokens are encrypted with Electron safeStorage instead`);
    return { kind: 'safe-storage', reason: keychainProblem, credentialsFor: options.safeStorage };
  }

  const reason = `${keychainProblem}; ${safeStorageProblem}`;
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
  const leftover = options.safeStorage(relayUrl);
  return {
    async get() {
      const token = await keychain.get();
      if (token !== null || options.safeStorageUnavailable()) return token;
      const moved = await leftover.get();
      if (moved === null) return null;
      await keychain.set(moved);
      await leftover.delete();
      options.log('credentials: moved a session token from the safeStorage file into the OS keychain');
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
