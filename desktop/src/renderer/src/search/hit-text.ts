// What a search hit says under its title, written from the facts the core found: status labels
// from the shared map, show times on the venue's clock (with the zone when another clock could be
// meant), counts with correct plurals. Pure, so it is tested without a browser.
import { roleLabel, statusLabel } from '@promoteros/shared/labels';
import type { CommandResult } from '../../../common/command-map.js';
import { formatCount } from '../format/count.js';
import { formatShowTime, zoneIsAmbiguous } from '../format/venue-time.js';

export type SearchHit = CommandResult<'search.query'>[number];

export const kindLabel: Record<SearchHit['kind'], string> = {
  event: 'Event',
  guest: 'Guest',
  request: 'Request',
  artist: 'Artist',
  person: 'Person',
};

export interface HitTextOptions {
  /** the IANA zones of the organization's venues */
  readonly venueZones: readonly string[];
  /** the computer's zone; the runtime's when left out */
  readonly computerZone?: string;
  readonly locale?: string;
}

export function hitDetails(hit: SearchHit, options: HitTextOptions): string {
  const showTime = (show: { showAt: string; timezone: string }) =>
    formatShowTime(
      show.showAt,
      show.timezone,
      zoneIsAmbiguous(show.timezone, options.venueZones, options.computerZone),
      options.locale,
    );
  const parts: Array<string | false> = [];
  switch (hit.kind) {
    case 'person':
      parts.push(roleLabel(hit.role), hit.email);
      break;
    case 'artist':
      parts.push(
        hit.events > 0 && formatCount(hit.events, { one: 'event', other: 'events' }, options.locale),
        hit.requests > 0 && formatCount(hit.requests, { one: 'request', other: 'requests' }, options.locale),
      );
      break;
    case 'event':
      parts.push(
        hit.artistName !== hit.title && hit.artistName,
        showTime(hit),
        hit.venueName,
        statusLabel(hit.status, 'event'),
      );
      break;
    case 'guest':
      parts.push(
        hit.admitCount > 1 && `+${hit.admitCount - 1}`,
        hit.listName,
        hit.eventTitle,
        showTime(hit),
        hit.venueName,
      );
      break;
    case 'request':
      parts.push(hit.reference, hit.artistName, hit.contactName, statusLabel(hit.status, 'request'));
      break;
  }
  return parts.filter(Boolean).join(' · ');
}
