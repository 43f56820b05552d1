// The PDF's information dictionary. The creation date is the data's last change, never the
// render's clock: the file ID and the dates are in the bytes, and the same data must give the
// same bytes (one version per real change, see store-document.ts).
import type { EventFacts } from './document-data.js';

export function documentMetadata(title: string, event: EventFacts, asOf: Date) {
  return {
    title: `${title}: ${event.title}, ${event.showDate}`,
    author: event.organization.name,
    subject: `${event.artistName} at ${event.venue.name}`,
    creator: 'PromoterOS',
    producer: 'PromoterOS',
    language: 'en',
    creationDate: asOf,
  };
}
