// Where the signed-in session token lives between runs. The app service only ever sees this
// interface: the Electron shell keeps the token in the OS keychain (keytar) or encrypted with
// safeStorage; tests and the browser dev host keep it in memory.
export interface CredentialStore {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
  delete(): Promise<void>;
}

/** Holds the token for the life of the process: tests, and the dev host (sign in once per run). */
export class MemoryCredentialStore implements CredentialStore {
  #token: string | null;

  constructor(token: string | null = null) {
    this.#token = token;
  }

  async get(): Promise<string | null> {
    return this.#token;
  }

  async set(token: string): Promise<void> {
    this.#token = token;
  }

  async delete(): Promise<void> {
    this.#token = null;
  }
}
