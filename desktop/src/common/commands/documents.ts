// An event's PDF documents: the versions the replica has, and renders, bytes, opening and
// saving through the relay and the host.
import { z } from 'zod';
import { DocumentKind } from '@promoteros/shared';
import { Id } from './fields.js';
import type { CommandDeclarations } from './declaration.js';

/** An event's PDF paperwork (relay/src/documents): each version as the synced documents table has it. */
export const DocumentVersion = z.object({
  id: z.string(),
  kind: DocumentKind,
  version: z.number().int(),
  sha256: z.string(),
  byteSize: z.number().int(),
  fileName: z.string(),
  /** ISO instant the version was stored */
  createdAt: z.string(),
});
/** a render the relay has queued or is running, for "generating…" */
export const DocumentRender = z.object({
  jobId: z.string(),
  kind: DocumentKind,
  status: z.string(),
  /** the last attempt's failure, while it waits to try again */
  lastError: z.string().nullable(),
});

export const documentCommands = {
  /** an event's documents, every version, newest first per kind (STAFF and above; works offline) */
  'documents.list': {
    args: z.object({ eventId: Id }),
    result: z.array(DocumentVersion),
    reads: ['events', 'documents'],
  },
  /** asks the relay to draw a document again from the data now (MANAGER and above) */
  'documents.generate': {
    args: z.object({ eventId: Id, kind: DocumentKind }),
    result: z.object({ jobId: z.string() }),
  },
  /** the event's renders the relay has queued or running */
  'documents.renders': { args: z.object({ eventId: Id }), result: z.array(DocumentRender) },
  /** a version's bytes from the relay (base64), e.g. to open it or to download it in a browser */
  'documents.fetch': {
    args: z.object({ documentId: Id }),
    result: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /** shows a version in the system's PDF viewer; `inBrowser: true` where the host has none (the dev host) */
  'documents.open': {
    args: z.object({ documentId: Id }),
    result: z.object({ opened: z.boolean(), inBrowser: z.boolean() }),
  },
  /**
   * Saves a version where the person chooses (the app's save dialog). `inBrowser: true` where the
   * host has no dialog (the dev host in a browser): the renderer downloads documents.fetch itself.
   */
  'documents.save': {
    args: z.object({ documentId: Id }),
    result: z.object({ saved: z.boolean(), path: z.string().nullable(), inBrowser: z.boolean() }),
  },
} as const satisfies CommandDeclarations;
