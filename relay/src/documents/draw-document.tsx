/** @jsxRuntime automatic @jsxImportSource react */
// Draws a document's data as PDF bytes, in the thread that calls it: the PDF drawing worker's
// (pdf-worker.ts). The relay's own thread goes through renderDocument (render-document.ts), so that
// a sheet's synchronous layout never holds up its event loop. Deterministic: the same data gives the same
// bytes (the dates in the file are the data's, see document-metadata.ts; the fonts are built in).
import { renderToBuffer } from '@react-pdf/renderer';
import { createHash } from 'node:crypto';
import type { DocumentData } from './document-data.js';
import { AdvanceSheet } from './advance-sheet.js';
import { ConfirmationSheet } from './confirmation-sheet.js';
import { SettlementSheet } from './settlement-sheet.js';

export interface RenderedDocument {
  readonly bytes: Buffer;
  readonly sha256: string;
}

export async function drawDocument(data: DocumentData): Promise<RenderedDocument> {
  const element =
    data.kind === 'CONFIRMATION' ? (
      <ConfirmationSheet data={data} />
    ) : data.kind === 'ADVANCE' ? (
      <AdvanceSheet data={data} />
    ) : (
      <SettlementSheet data={data} />
    );
  const bytes = await renderToBuffer(element);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
