// The session token in the OS keychain (macOS Keychain, Windows Credential Vault, the Secret
// Service on Linux) through keytar. Plain Node: the native module is loaded lazily with a
// dynamic import, so a missing or broken build, or a machine without a keychain, surfaces as
// CredentialStoreUnavailable when the store is used, never as a crash at startup.
import type { CredentialStore } from '../app/credential-store.js';
import { CredentialStoreUnavailable } from './credential-store-unavailable.js';
import { relayAccount } from './relay-account.js';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  readonly relayUrl: string;
  /** the keychain service name; tests may isolate themselves with another one */
  readonly service?: string;
  /** how keytar is loaded; the default imports the real native module */
  readonly loadKeytar?: () => Promise<KeytarApi>;
}

export const KEYCHAIN_SERVICE = 'PromoterOS';

async function importKeytar(): Promise<KeytarApi> {
  // keytar is CommonJS: under ESM its functions hang off `default`
  const module = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return module.default ?? module;
}

export function createKeytarStore(options: KeytarStoreOptions): CredentialStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const account = relayAccount(options.relayUrl);
  const load = options.loadKeytar ?? importKeytar;
  let keytar: Promise<KeytarApi> | undefined;

  const keychain = async (): Promise<KeytarApi> => {
    keytar ??= load().catch((cause: unknown) => {
      keytar = undefined; // a later call may try again (e.g. after the user unlocked something)
      const notInstalled = (cause as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND';
      throw new CredentialStoreUnavailable(
        'keytar',
        notInstalled
          ? 'the keychain module (keytar) is not installed: npm ci could not build it on this machine'
          : `the keychain module did not load: ${describe(cause)}`,
        { cause },
      );
    });
    return keytar;
  };

  // keytar's calls only talk to the keychain: any rejection means the keychain is not usable
  // (no D-Bus session, no Secret Service, locked or denied), which the caller may fall back from
  const use = async <T>(what: string, call: (api: KeytarApi) => Promise<T>): Promise<T> => {
    const api = await keychain();
    try {
      return await call(api);
    } catch (cause) {
      throw new CredentialStoreUnavailable('keytar', `the keychain refused to ${what}: ${describe(cause)}`, {
        cause,
      });
    }
  };

  return {
    get: () => use('read the session token', (api) => api.getPassword(service, account)),
    set: (token) => use('store the session token', (api) => api.setPassword(service, account, token)),
    delete: async () => {
      await use('delete the session token', (api) => api.deletePassword(service, account));
    },
  };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
