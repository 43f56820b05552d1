// What the core in its worker asks of the host thread, because only that thread can do it: the
// session token (OS keychain through keytar, or Electron safeStorage, both main-process only)
// and a document's bytes shown or saved (file dialogs, shell.openPath). Each service is named
// once here with zod schemas for its arguments and its answer, checked by the side receiving
// them, as the command map is.
//
// The worker gets a CredentialStore and DocumentFiles that call over the thread; the host serves
// the calls from the real ones it was given.
import { z } from 'zod';
import type { CredentialStore } from '../core/app/credential-store.js';
import type { DocumentFiles } from '../core/documents/document-commands.js';

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');

export const shellServices = {
  'credentials.get': { args: z.tuple([]), result: z.string().nullable() },
  'credentials.set': { args: z.tuple([z.string()]), result: z.undefined() },
  'credentials.delete': { args: z.tuple([]), result: z.undefined() },
  'documents.save': { args: z.tuple([z.string(), Bytes]), result: z.string().nullable() },
  'documents.open': { args: z.tuple([z.string(), Bytes]), result: z.undefined() },
} as const;

export type ShellServiceName = keyof typeof shellServices;
export const ShellServiceName = z.enum(Object.keys(shellServices) as [ShellServiceName, ...ShellServiceName[]]);

type Args<K extends ShellServiceName> = z.output<(typeof shellServices)[K]['args']>;
type Result<K extends ShellServiceName> = z.output<(typeof shellServices)[K]['result']>;

/** how the worker reaches the host thread: one call, answered or refused with the host's message */
export type CallShell = <K extends ShellServiceName>(service: K, args: Args<K>) => Promise<Result<K>>;

/** The worker's side: stand-ins that call the host thread and check what it answers. */
export function credentialsOverThread(call: CallShell): CredentialStore {
  return {
    get: () => call('credentials.get', []),
    set: (token) => call('credentials.set', [token]),
    delete: () => call('credentials.delete', []),
  };
}

export function documentFilesOverThread(call: CallShell): DocumentFiles {
  return {
    save: (suggestedName, bytes) => call('documents.save', [suggestedName, bytes]),
    open: (fileName, bytes) => call('documents.open', [fileName, bytes]),
  };
}

export interface ShellServiceProviders {
  readonly credentials: CredentialStore;
  readonly documentFiles?: DocumentFiles;
}

/** The host's side: runs one checked call on the real services; throws what they throw. */
export async function serveShellCall(
  providers: ShellServiceProviders,
  service: ShellServiceName,
  rawArgs: readonly unknown[],
): Promise<unknown> {
  const parsed = shellServices[service].args.safeParse(rawArgs);
  if (!parsed.success) throw new Error(`${service}: arguments refused (${parsed.error.message})`);
  const { credentials, documentFiles } = providers;
  const files = () => {
    if (!documentFiles) throw new Error(`${service}: this host shows no documents`);
    return documentFiles;
  };
  switch (service) {
    case 'credentials.get':
      return credentials.get();
    case 'credentials.set':
      return credentials.set(...(parsed.data as Args<'credentials.set'>));
    case 'credentials.delete':
      return credentials.delete();
    case 'documents.save':
      return files().save(...(parsed.data as Args<'documents.save'>));
    case 'documents.open':
      return files().open(...(parsed.data as Args<'documents.open'>));
  }
}

/** the worker checks the host's answer against the service's result schema */
export function checkShellAnswer<K extends ShellServiceName>(service: K, value: unknown): Result<K> {
  const checked = shellServices[service].result.safeParse(value);
  if (!checked.success) throw new Error(`${service}: the host answered outside its schema`);
  return checked.data as Result<K>;
}
