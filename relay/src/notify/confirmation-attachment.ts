// The event confirmation PDF for the event.confirmed email, drawn from the event as it is when
// the email goes out (relay/src/documents ensureDocument: stored as a new version only if it
// changed). An event that cannot have one sends its email without; a rendering failure fails
// the job, so the retry comes with the PDF rather than the email going without it.
import { DocumentUnavailable, ensureDocument } from '../documents/index.js';
import type { ConfirmationPdf } from './event-letters.js';

export const eventConfirmationPdf: ConfirmationPdf = async (sql, eventId) => {
  try {
    const document = await ensureDocument(sql, { eventId, kind: 'CONFIRMATION' });
    return { filename: document.fileName, content: document.bytes, contentType: 'application/pdf' };
  } catch (error) {
    if (error instanceof DocumentUnavailable) return undefined;
    throw error;
  }
};
