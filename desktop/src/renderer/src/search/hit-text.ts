// What a search hit says under its title, written from the facts the core found: status labels
// from the shared map, a show's start on its venue's clock (with the zone when this computer's
// clock reads otherwise: the zone rule of shared/src/format), counts with correct plurals. Pure,
// so it is tested without a browser.
import type { Formats } from '@promoteros/shared/format';
import { roleLabel, statusLabel } from '@promoteros/shared/labels';
import type { CommandResult } from '../../../common/command-map.js';

export type SearchHit = CommandResult<'search.query'>[number];

export const kindLabel: Record<SearchHit['kind'], string> = {
  event: 'Event',
  guest: 'Guest',
  request: 'Request',
  artist: 'Artist',
  person: 'Person',
};

export function hitDetails(hit: SearchHit, f: Formats): string {
  const parts: Array<string | false> = [];
  switch (hit.kind) {
    case 'person':
      parts.push(roleLabel(hit.role), hit.email);
      break;
    case 'artist':
      parts.push(
        hit.events > 0 && f.countOf(hit.events, { one: 'event', other: 'events' }),
        hit.requests > 0 && f.countOf(hit.requests, { one: 'request', other: 'requests' }),
      );
      break;
    case 'event':
      parts.push(
        hit.artistName !== hit.title && hit.artistName,
        f.dateTime(hit.showAt, hit.timezone),
        hit.venueName,
        statusLabel(hit.status, 'event'),
      );
      break;
    case 'guest':
      parts.push(
        hit.admitCount > 1 && `+${f.count(hit.admitCount - 1)}`,
        hit.listName,
        hit.eventTitle,
        f.dateTime(hit.showAt, hit.timezone),
        hit.venueName,
      );
      break;
    case 'request':
      parts.push(hit.reference, hit.artistName, hit.contactName, statusLabel(hit.status, 'request'));
      break;
  }
  return parts.filter(Boolean).join(' · ');
}
