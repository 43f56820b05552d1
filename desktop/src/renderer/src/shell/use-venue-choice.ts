// The venue the screens show, per organization and remembered on this computer (localStorage), or
// all venues. A remembered venue that is gone (or belongs to another organization) means all.
import { useState } from 'react';
import type { CommandResult } from '../../../common/command-map.js';

type Venue = CommandResult<'venues.list'>[number];

const venueKey = (organizationId: string) => `promoteros.venue.${organizationId}`;

export function useVenueChoice(organizationId: string | null, orgVenues: readonly Venue[]) {
  const [venueId, setVenueIdState] = useState<string | null>(() =>
    organizationId ? localStorage.getItem(venueKey(organizationId)) : null,
  );
  const selectedVenue = orgVenues.find((venue) => venue.id === venueId) ?? null;

  const setVenueId = (id: string | null) => {
    setVenueIdState(id);
    if (organizationId) {
      if (id) localStorage.setItem(venueKey(organizationId), id);
      else localStorage.removeItem(venueKey(organizationId));
    }
  };

  /** after switching organization: the venue remembered for that one */
  const recallVenue = (id: string) => setVenueIdState(localStorage.getItem(venueKey(id)));

  return { selectedVenue, setVenueId, recallVenue };
}
