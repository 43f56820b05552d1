// How the Electron main process, the dev host and the tests start the app service.
import type { BackoffOptions } from '@electric-sql/client';
import type { CredentialStore } from './credential-store.js';
import type { DocumentFiles } from '../documents/document-commands.js';

export interface DesktopAppOptions {
  /** the relay to sign in to until the member names another (auth.requestCode) */
  readonly relayUrl: string;
  /** holds session.json and one replica directory per organization */
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  /** shown in the sign-in mail and the member's list of sessions */
  readonly deviceName?: string;
  /** the sign-in form's email until this device has used one (`npm start`: the demo owner) */
  readonly suggestedEmail?: string;
  readonly fetch?: typeof fetch;
  /** sync's retry pacing (tests shorten it) */
  readonly backoff?: Partial<BackoffOptions>;
  /** the outbox's upload retry pacing (tests shorten it) */
  readonly uploadBackoff?: { readonly initialMs: number; readonly maxMs: number };
  readonly log?: (message: string, error?: unknown) => void;
  /** the host's save dialog and PDF viewer for documents.save / .open (the Electron shell); else the renderer's browser */
  readonly documentFiles?: DocumentFiles;
}
