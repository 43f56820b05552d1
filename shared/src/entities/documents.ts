// Generated documents of an event; the bytes live in document_blobs, never synced
// (shared/migrations/0003_show.sql).
import { z } from 'zod';
import { int, timestamp, uuid } from './fields.js';

export const documentKinds = ['CONFIRMATION', 'ADVANCE', 'SETTLEMENT'] as const;
export const DocumentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentRow = z.object({
  id: uuid,
  organization_id: uuid,
  event_id: uuid,
  kind: DocumentKind,
  version: int({ min: 1 }),
  sha256: z.string('must be text').regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  byte_size: int({ min: 0 }),
  file_name: z.string('must be text'),
  created_at: timestamp,
});
export type DocumentRow = z.output<typeof DocumentRow>;
