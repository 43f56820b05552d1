// The fallback when the OS keychain is unavailable: the session token encrypted by Electron's
// safeStorage (an OS-held key: Keychain on macOS, DPAPI on Windows, the Secret Service or
// KWallet on Linux) into a file in userData that only this user can read (0600). It refuses to
// store anything when the OS offers no real encryption, so a token is never written in plain
// text, and that includes Chromium's "basic_text" backend on Linux, which encrypts with a
// password compiled into every Chromium.
//
// Takes safeStorage as a parameter (only its type comes from Electron) so the file handling can
// be tested under plain Node.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { CredentialStore } from '../../core/app/credential-store.js';
import type { FallbackCredentials } from '../../core/credentials/choose-store.js';
import { CredentialStoreUnavailable } from '../../core/credentials/credential-store-unavailable.js';
import { relayAccount } from '../../core/credentials/relay-account.js';

export type Encryption = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface SafeStorageStoreOptions {
  readonly relayUrl: string;
  /** a folder of its own inside userData, e.g. join(app.getPath('userData'), 'credentials') */
  readonly directory: string;
  readonly encryption: Encryption;
}

/** Why safeStorage cannot keep a secret on this machine, or undefined when it can. */
export function safeStorageUnavailableReason(encryption: Encryption): string | undefined {
  if (!encryption.isEncryptionAvailable()) return 'the operating system offers safeStorage no encryption key';
  if (encryption.getSelectedStorageBackend?.() === 'basic_text') {
    return 'safeStorage fell back to basic_text (a password built into Chromium), which is no better than plain text';
  }
  return undefined;
}

/** The token file of one relay: a hash of the relay URL, so file names carry no host names. */
export function tokenFilePath(directory: string, relayUrl: string): string {
  const name = createHash('sha256').update(relayAccount(relayUrl)).digest('hex').slice(0, 32);
  return join(directory, `${name}.session`);
}

export function createSafeStorageStore(options: SafeStorageStoreOptions): CredentialStore {
  const path = tokenFilePath(options.directory, options.relayUrl);
  const refuse = (what: string): CredentialStoreUnavailable | undefined => {
    const reason = safeStorageUnavailableReason(options.encryption);
    return reason ? new CredentialStoreUnavailable('safe-storage', `cannot ${what}: ${reason}`) : undefined;
  };

  return {
    async get() {
      let encrypted: Buffer;
      try {
        encrypted = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const refusal = refuse('read the session token');
      if (refusal) throw refusal;
      try {
        return options.encryption.decryptString(encrypted);
      } catch {
        // the OS key changed (new user profile, restored backup): this token is lost for good,
        // and the member signs in again rather than meeting the same error on every start
        rmSync(path, { force: true });
        return null;
      }
    },

    async set(token) {
      const refusal = refuse('store the session token');
      if (refusal) throw refusal;
      const encrypted = options.encryption.encryptString(token);
      mkdirSync(options.directory, { recursive: true, mode: 0o700 });
      // written aside with owner-only permissions and renamed: never a half-written token, and
      // no moment in which the file is readable by others
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, encrypted, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, path);
    },

    async delete() {
      rmSync(path, { force: true });
    },
  };
}

/** The Electron shell's fallback for chooseCredentialStore. */
export function safeStorageFallback(directory: string, encryption: Encryption): FallbackCredentials {
  return {
    kind: 'safe-storage',
    described: 'encrypted with Electron safeStorage',
    credentialsFor: (relayUrl) => createSafeStorageStore({ relayUrl, directory, encryption }),
    unavailable: () => safeStorageUnavailableReason(encryption),
  };
}
