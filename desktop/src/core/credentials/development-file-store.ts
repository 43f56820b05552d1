// The browser dev host's fallback when the OS keychain is unavailable (no D-Bus session, or keytar
// could not be built): the session token in a plain-text file, readable by this user only (0600
// in a 0700 folder), so that signing in survives a restart of `npm start`. Plain text because the
// dev host has no OS-held key to encrypt with (that is Electron's safeStorage, which the desktop
// app uses instead); it is a development tool for a developer's own machine, and the start-up
// output says where the file is. A packaged app never uses this store.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { CredentialStore } from '../app/credential-store.js';
import type { FallbackCredentials } from './choose-store.js';
import { relayAccount } from './relay-account.js';
import { writeFileDurably } from '../journal/durable-files.js';

/** The token file of one relay: a hash of the relay URL, so file names carry no host names. */
export function developmentTokenFile(directory: string, relayUrl: string): string {
  const name = createHash('sha256').update(relayAccount(relayUrl)).digest('hex').slice(0, 32);
  return join(directory, `${name}.plain-text-session`);
}

export function createDevelopmentFileStore(options: { relayUrl: string; directory: string }): CredentialStore {
  const path = developmentTokenFile(options.directory, options.relayUrl);
  return {
    async get() {
      let token: string;
      try {
        token = readFileSync(path, 'utf8').trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return token === '' ? null : token;
    },
    async set(token) {
      mkdirSync(options.directory, { recursive: true, mode: 0o700 });
      // written aside with owner-only permissions, fsync'd and renamed: never a half-written
      // token (not even after a power cut), and no moment in which the file is readable by others
      writeFileDurably(path, token, 0o600);
    },
    async delete() {
      rmSync(path, { force: true });
    },
  };
}

/** The dev host's fallback for chooseCredentialStore. */
export function developmentFileFallback(directory: string): FallbackCredentials {
  return {
    kind: 'development-file',
    described: `kept in a plain-text file for development (readable by this user only) in ${directory}`,
    credentialsFor: (relayUrl) => createDevelopmentFileStore({ relayUrl, directory }),
    unavailable: () => undefined,
  };
}
