import { describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../app/credential-store.js';
import { relayAccount } from './relay-account.js';
import { sessionRelayCredentials } from './session-relay-credentials.js';

describe('credentials of the relay the session is on', () => {
  it('reads and writes the account of the relay it follows, leaving the others alone', async () => {
    const accounts = new Map<string, MemoryCredentialStore>();
    const credentialsFor = (relayUrl: string) => {
      const account = relayAccount(relayUrl);
      if (!accounts.has(account)) accounts.set(account, new MemoryCredentialStore());
      return accounts.get(account)!;
    };
    const credentials = sessionRelayCredentials(credentialsFor, 'http://127.0.0.1:8787');
    await credentials.set('token-for-the-demo-relay');

    credentials.follow('https://relay.lakeshore-live.test/');
    expect(credentials.relayUrl).toBe('https://relay.lakeshore-live.test/');
    expect(await credentials.get()).toBeNull();
    await credentials.set('token-for-lakeshore');
    await credentials.delete();

    credentials.follow('http://127.0.0.1:8787');
    expect(await credentials.get()).toBe('token-for-the-demo-relay');
    expect(await credentialsFor('https://relay.lakeshore-live.test').get()).toBeNull();
  });
});
