// The screen the address names (../data/route.ts), with what each needs from the frame: the
// organization's venues, the venue chosen in the switcher, the member's role. The calendar when
// the address names nothing else.
import type { CommandResult } from '../../../common/command-map.js';
import type { Route } from '../data/route.js';
import type { Role } from '../event/edit-rights.js';
import { CalendarScreen } from '../screens/calendar.js';
import { EventDetailScreen } from '../screens/event-detail.js';
import { NewRequestScreen } from '../screens/new-request.js';
import { RequestDetailScreen } from '../screens/request-detail.js';
import { RequestsScreen } from '../screens/requests.js';
import { SettingsScreen } from '../screens/settings.js';
import { ShowDayScreen } from '../screens/show-day.js';
import type { Venue } from './shell.js';

type SignedIn = Extract<CommandResult<'session.get'>, { state: 'signed-in' }>;

export function RouteScreen({
  route,
  role,
  user,
  orgVenues,
  selectedVenue,
  setVenueId,
}: {
  route: Route;
  role: Role | undefined;
  user: SignedIn['user'];
  orgVenues: readonly Venue[];
  selectedVenue: Venue | null;
  setVenueId: (id: string | null) => void;
}) {
  return route.screen === 'event' && route.id ? (
    <EventDetailScreen eventId={route.id} role={role} />
  ) : route.screen === 'request' && route.id ? (
    <RequestDetailScreen requestId={route.id} role={role} />
  ) : route.screen === 'new-request' ? (
    <NewRequestScreen venues={orgVenues} venue={selectedVenue} user={user} />
  ) : route.screen === 'show-day' ? (
    <ShowDayScreen
      venues={orgVenues}
      venue={selectedVenue}
      onVenueChange={setVenueId}
      params={route.params}
      role={role}
    />
  ) : route.screen === 'settings' ? (
    <SettingsScreen role={role} />
  ) : route.screen === 'requests' ? (
    <RequestsScreen
      venues={orgVenues}
      venue={selectedVenue}
      onVenueChange={setVenueId}
      params={route.params}
      role={role}
    />
  ) : (
    <CalendarScreen venues={orgVenues} venue={selectedVenue} params={route.params} />
  );
}
