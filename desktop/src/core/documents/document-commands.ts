// The documents.* commands: an event's documents as the replica has them (synced, so the list
// shows offline), and through the relay: ask for a render, see renders under way, fetch bytes,
// open or save a version. Opening and saving need the host: the Electron shell passes
// `DocumentFiles` (a save dialog; the system's PDF viewer); without them (the dev host in a
// browser) documents.open and documents.save answer `inBrowser: true` and the renderer opens or
// downloads the bytes of documents.fetch itself.
import type { DocumentKind, Role } from '@promoteros/shared';
import { roleAtLeast } from '@promoteros/shared';
import type { CommandHandlers } from '../app/dispatch.js';
import { CommandFailure, notFound } from '../app/command-failure.js';
import type { Replica } from '../replica/open-replica.js';
import { RelayDocuments } from './relay-documents.js';

/** What the host does with a document's bytes. */
export interface DocumentFiles {
  /** a save dialog, then the bytes written there; the path, or `null` when the person cancelled */
  save(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
  /** shows the document in the system's PDF viewer */
  open(fileName: string, bytes: Uint8Array): Promise<void>;
}

export interface OpenDocuments {
  readonly organizationId: string;
  readonly replica: Replica;
  readonly relayUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch?: typeof fetch;
  readonly role: Role | undefined;
  readonly files?: DocumentFiles;
}

type DocumentCommands = Pick<
  CommandHandlers,
  | 'documents.list'
  | 'documents.generate'
  | 'documents.renders'
  | 'documents.fetch'
  | 'documents.open'
  | 'documents.save'
>;

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  version: number;
  sha256: string;
  byte_size: number;
  file_name: string;
  created_at: string;
}

/** a DocumentRow's columns, as both the list and a single version read them */
const DOCUMENT_COLUMNS = 'id, kind, version, sha256, byte_size, file_name, created_at::text AS created_at';

export function documentCommands(current: () => OpenDocuments): DocumentCommands {
  function allowed(minimum: Role, doing: string): OpenDocuments {
    const open = current();
    if (!open.role || !roleAtLeast(open.role, minimum)) {
      const who = minimum === 'STAFF' ? 'staff, managers and owners' : 'managers and owners';
      throw new CommandFailure('forbidden', `only ${who} may ${doing}`);
    }
    return open;
  }

  const relay = (open: OpenDocuments) =>
    new RelayDocuments({
      relayUrl: open.relayUrl,
      getToken: open.getToken,
      ...(open.fetch ? { fetch: open.fetch } : {}),
    });

  async function eventOf(open: OpenDocuments, eventId: string): Promise<void> {
    const [event] = await open.replica.query(`SELECT 1 FROM events WHERE id = $1 AND organization_id = $2`, [
      eventId,
      open.organizationId,
    ]);
    if (!event) throw notFound(`there is no event ${eventId} in this organization`);
  }

  async function documentOf(open: OpenDocuments, documentId: string): Promise<DocumentRow> {
    const [doc] = await open.replica.query<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1 AND organization_id = $2`,
      [documentId, open.organizationId],
    );
    if (!doc) throw notFound(`there is no document ${documentId} in this organization`);
    return doc;
  }

  async function bytesOf(open: OpenDocuments, doc: DocumentRow): Promise<Uint8Array> {
    const bytes = await relay(open).bytes(doc.id);
    if (bytes.byteLength !== doc.byte_size) {
      throw new CommandFailure(
        'relay_refused',
        `the relay sent ${bytes.byteLength} bytes of ${doc.file_name}, not ${doc.byte_size}`,
      );
    }
    return bytes;
  }

  return {
    'documents.list': async ({ eventId }) => {
      const open = allowed('STAFF', 'see documents');
      await eventOf(open, eventId);
      const rows = await open.replica.query<DocumentRow>(
        `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE event_id = $1 AND organization_id = $2
          ORDER BY CASE kind WHEN 'CONFIRMATION' THEN 0 WHEN 'ADVANCE' THEN 1 ELSE 2 END, version DESC`,
        [eventId, open.organizationId],
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        version: r.version,
        sha256: r.sha256,
        byteSize: r.byte_size,
        fileName: r.file_name,
        createdAt: new Date(r.created_at).toISOString(),
      }));
    },
    'documents.generate': async ({ eventId, kind }) => {
      const open = allowed('MANAGER', 'generate documents');
      await eventOf(open, eventId);
      return { jobId: await relay(open).generate(eventId, kind) };
    },
    'documents.renders': async ({ eventId }) => {
      const open = allowed('STAFF', 'see documents');
      await eventOf(open, eventId);
      return (await relay(open).renders(eventId)).map((r) => ({
        jobId: r.jobId,
        kind: r.kind as DocumentKind,
        status: r.status,
        lastError: r.lastError,
      }));
    },
    'documents.fetch': async ({ documentId }) => {
      const open = allowed('STAFF', 'open documents');
      const doc = await documentOf(open, documentId);
      const bytes = await bytesOf(open, doc);
      return { fileName: doc.file_name, base64: Buffer.from(bytes).toString('base64') };
    },
    'documents.open': async ({ documentId }) => {
      const open = allowed('STAFF', 'open documents');
      if (!open.files) return { opened: false, inBrowser: true };
      const doc = await documentOf(open, documentId);
      await open.files.open(doc.file_name, await bytesOf(open, doc));
      return { opened: true, inBrowser: false };
    },
    'documents.save': async ({ documentId }) => {
      const open = allowed('STAFF', 'save documents');
      if (!open.files) return { saved: false, path: null, inBrowser: true };
      const doc = await documentOf(open, documentId);
      const path = await open.files.save(doc.file_name, await bytesOf(open, doc));
      return { saved: path !== null, path, inBrowser: false };
    },
  };
}
