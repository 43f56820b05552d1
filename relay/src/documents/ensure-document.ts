// The one way to get a document of an event: drawn from the data as it is now, stored as a new
// version only when its bytes differ from the latest one, and returned with its bytes. The
// render job (render-job.ts), the members' request and the mail (the confirmation attached to
// "event confirmed") all go through here, so an attachment is never of stale data.
import type { DocumentKind } from '@promoteros/shared';
import type { Queries } from '../db/as-organizations.js';
import { loadDocumentData, type DocumentData } from './document-data.js';
import { renderDocument } from './render-document.js';
import { storeDocument } from './store-document.js';

export interface EnsuredDocument {
  readonly documentId: string;
  readonly version: number;
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  /** true when this call stored a new version */
  readonly created: boolean;
}

/**
 * Renders the event's document of this kind and stores it if it changed. Throws
 * DocumentUnavailable (document-data.ts) when the event does not exist or cannot have it (a
 * settlement without deal terms).
 */
export async function ensureDocument(
  sql: Queries,
  request: { eventId: string; kind: DocumentKind },
): Promise<EnsuredDocument> {
  return ensureDocumentOf(sql, await loadDocumentData(sql, request.eventId, request.kind));
}

/**
 * The same, drawn from data the caller already read: the confirmation email states the very
 * facts its attached PDF shows (relay/src/notify/event-letters.ts), from one snapshot.
 */
export async function ensureDocumentOf(sql: Queries, data: DocumentData): Promise<EnsuredDocument> {
  const rendered = await renderDocument(data);
  const stored = await storeDocument(sql, data.event, data.kind, rendered);
  return { ...stored, bytes: rendered.bytes };
}
