// The event confirmation PDF for the event.confirmed email, drawn from the very data the email
// is written from (relay/src/documents ensureDocumentOf: stored as a new version only if it
// changed), so the letter cannot promise terms its attachment lacks. A rendering failure fails
// the job, so the retry comes with the PDF rather than the email going without it.
import { ensureDocumentOf } from '../documents/index.js';
import type { ConfirmationPdf } from './event-letters.js';

export const eventConfirmationPdf: ConfirmationPdf = async (sql, data) => {
  const document = await ensureDocumentOf(sql, data);
  return {
    attachment: { filename: document.fileName, content: document.bytes, contentType: 'application/pdf' },
    documentId: document.documentId,
    version: document.version,
  };
};
