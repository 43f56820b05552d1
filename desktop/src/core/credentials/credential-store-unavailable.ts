// The one error a credential store throws when it cannot work at all on this machine: the
// keychain module did not load, no D-Bus session or Secret Service, a locked keychain, or no
// OS encryption for safeStorage. The shell catches exactly this to fall back to another store;
// any other error is a bug and propagates.
export class CredentialStoreUnavailable extends Error {
  override readonly name = 'CredentialStoreUnavailable';
  readonly code = 'credential_store_unavailable';

  constructor(
    /** which store gave up: 'keytar' or 'safe-storage' */
    readonly store: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isCredentialStoreUnavailable(error: unknown): error is CredentialStoreUnavailable {
  return error instanceof CredentialStoreUnavailable;
}
