// The organization and venue switchers at the head of the window, cut to their room so the line
// never wraps. The venue is the organization's, or all of them.
import type { CommandResult } from '../../../common/command-map.js';
import { selectClass } from '../ui/controls.js';
import type { Venue } from './shell.js';

type SignedIn = Extract<CommandResult<'session.get'>, { state: 'signed-in' }>;

export function Switchers({
  session,
  orgVenues,
  selectedVenue,
  onOrganizationChange,
  onVenueChange,
}: {
  session: SignedIn;
  orgVenues: readonly Venue[];
  selectedVenue: Venue | null;
  onOrganizationChange: (organizationId: string) => void;
  onVenueChange: (venueId: string | null) => void;
}) {
  const organizationId = session.organizationId;
  return (
    <>
      <label className="sr-only" htmlFor="organization-switcher">
        Organization
      </label>
      <select
        id="organization-switcher"
        className={`${selectClass} max-w-44 min-w-28 truncate`}
        value={organizationId ?? ''}
        onChange={(event) => onOrganizationChange(event.target.value)}
      >
        {!organizationId && <option value="">Choose an organization…</option>}
        {session.organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="venue-switcher">
        Venue
      </label>
      <select
        id="venue-switcher"
        className={`${selectClass} max-w-44 min-w-28 truncate`}
        value={selectedVenue?.id ?? ''}
        onChange={(event) => onVenueChange(event.target.value || null)}
        disabled={!organizationId}
      >
        <option value="">All venues</option>
        {orgVenues.map((venue) => (
          <option key={venue.id} value={venue.id}>
            {venue.name}
          </option>
        ))}
      </select>
    </>
  );
}
