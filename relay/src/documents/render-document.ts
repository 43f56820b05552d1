// Data → PDF bytes + SHA-256, for the relay's thread: drawn by the process's PDF drawing pool
// (pdf-drawing-pool.ts), off the event loop. Same bytes as drawDocument (draw-document.tsx).
import type { DocumentData } from './document-data.js';
import type { RenderedDocument } from './draw-document.js';
import { PdfDrawingPool } from './pdf-drawing-pool.js';

export type { RenderedDocument } from './draw-document.js';

// one for the process, started on the first render: the job loop, members' requests and the mail
// helper's confirmation attachment all draw through it, one sheet at a time
const pdfDrawing = new PdfDrawingPool();

export function renderDocument(data: DocumentData): Promise<RenderedDocument> {
  return pdfDrawing.draw(data);
}

/** At shutdown, after the job loop: the drawing worker ends once the sheet it draws (if any) is done. */
export function closePdfDrawing(): Promise<void> {
  return pdfDrawing.close();
}
