// The host thread's side of the shell services: a call is checked against its schema before the
// real service runs, and a host without document files says so rather than answering nothing.
import { describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../core/app/credential-store.js';
import { checkShellAnswer, serveShellCall } from './shell-services.js';

describe('shell services on the host thread', () => {
  it('should run a call on the real store', async () => {
    const credentials = new MemoryCredentialStore();
    await serveShellCall({ credentials }, 'credentials.set', ['a-token']);
    expect(await serveShellCall({ credentials }, 'credentials.get', [])).toBe('a-token');
  });

  it('should refuse arguments outside the schema before the service sees them', async () => {
    const credentials = new MemoryCredentialStore('kept');
    await expect(serveShellCall({ credentials }, 'credentials.set', [42])).rejects.toThrow(
      /credentials\.set: arguments refused/,
    );
    await expect(serveShellCall({ credentials }, 'documents.save', ['show.pdf', 'not bytes'])).rejects.toThrow(
      /refused/,
    );
    expect(await credentials.get()).toBe('kept');
  });

  it('should say when this host shows no documents, and pass on what a service throws', async () => {
    const credentials = new MemoryCredentialStore();
    await expect(serveShellCall({ credentials }, 'documents.open', ['show.pdf', new Uint8Array([37])])).rejects.toThrow(
      /this host shows no documents/,
    );
    const documentFiles = {
      save: async () => '/tmp/show.pdf',
      open: async () => {
        throw new Error('no PDF viewer');
      },
    };
    expect(
      await serveShellCall({ credentials, documentFiles }, 'documents.save', ['show.pdf', new Uint8Array([37])]),
    ).toBe('/tmp/show.pdf');
    await expect(
      serveShellCall({ credentials, documentFiles }, 'documents.open', ['show.pdf', new Uint8Array([37])]),
    ).rejects.toThrow('no PDF viewer');
  });

  it('should let the worker refuse an answer outside the schema', () => {
    expect(checkShellAnswer('credentials.get', null)).toBeNull();
    expect(() => checkShellAnswer('credentials.get', 42)).toThrow(
      /credentials\.get: the host answered outside its schema/,
    );
  });
});
