// Stores a rendered document as the event's next version, in one transaction with its bytes,
// unless the latest version already has these very bytes: re-rendering unchanged data (a
// duplicate job, a retry, a data change that does not show on this sheet) adds no version.
import type { DocumentKind } from '@promoteros/shared';
import type { Queries } from '../db/as-organizations.js';
import type { RenderedDocument } from './render-document.js';

export interface StoredDocument {
  readonly documentId: string;
  readonly version: number;
  readonly fileName: string;
  readonly sha256: string;
  /** false when the latest version already had these bytes */
  readonly created: boolean;
}

// a key space of its own for pg_advisory_xact_lock(class, key)
const DOCUMENT_LOCK_CLASS = 72504144;

const kindWords: Record<DocumentKind, string> = {
  CONFIRMATION: 'Confirmation',
  ADVANCE: 'Day sheet',
  SETTLEMENT: 'Settlement',
};

/** "2026-03-14 Night Drive - Settlement v2.pdf": sorts by date in a folder, safe on every disk. */
function documentFileName(kind: DocumentKind, showDate: string, title: string, version: number): string {
  const safeTitle = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._()&'-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${showDate} ${safeTitle || 'Event'} - ${kindWords[kind]} v${version}.pdf`;
}

export async function storeDocument(
  sql: Queries,
  event: { readonly id: string; readonly showDate: string; readonly title: string },
  kind: DocumentKind,
  rendered: RenderedDocument,
): Promise<StoredDocument> {
  return sql.begin(async (tx) => {
    // two renders of one document (two relays, a retry) take turns: the second sees the first's version
    await tx`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, hashtext(${`${event.id}:${kind}`}))`;
    const [latest] = await tx<{ id: string; version: number; sha256: string; file_name: string }[]>`
      SELECT id, version, sha256, file_name FROM documents
       WHERE event_id = ${event.id} AND kind = ${kind}
       ORDER BY version DESC LIMIT 1`;
    if (latest && latest.sha256 === rendered.sha256) {
      return {
        documentId: latest.id,
        version: latest.version,
        fileName: latest.file_name,
        sha256: latest.sha256,
        created: false,
      };
    }
    const version = (latest?.version ?? 0) + 1;
    const fileName = documentFileName(kind, event.showDate, event.title, version);
    const [row] = await tx<{ id: string }[]>`
      INSERT INTO documents (organization_id, event_id, kind, version, sha256, byte_size, file_name)
      SELECT organization_id, id, ${kind}, ${version}, ${rendered.sha256}, ${rendered.bytes.length}, ${fileName}
        FROM events WHERE id = ${event.id}
      RETURNING id`;
    if (!row) throw new Error(`event ${event.id} was deleted while its ${kindWords[kind]} was drawn`);
    await tx`INSERT INTO document_blobs (document_id, bytes) VALUES (${row.id}, ${rendered.bytes})`;
    return { documentId: row.id, version, fileName, sha256: rendered.sha256, created: true };
  });
}
