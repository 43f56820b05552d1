// PDF documents of an event (confirmation, day sheet, settlement): see README.md.
export { ensureDocument, ensureDocumentOf, type EnsuredDocument } from './ensure-document.js';
export {
  DocumentUnavailable,
  loadDocumentData,
  type ConfirmationData,
  type DealFacts,
  type DocumentData,
} from './document-data.js';
export { closePdfDrawing, renderDocument, type RenderedDocument } from './render-document.js';
/** Draws in the calling thread, holding its event loop: for the worker and for measuring, not the relay's thread. */
export { drawDocument } from './draw-document.js';
