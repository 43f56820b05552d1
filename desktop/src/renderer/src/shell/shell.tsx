// The frame around every screen: organization and venue switchers, navigation, the sync
// indicator with the edits on their way and the refused ones, sign-out (which warns about edits
// not uploaded yet), and Ctrl/Cmd-K for the search palette.
import { roleLabel } from '@promoteros/shared/labels';
import { useEffect, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { navigate, routeHash, useRoute } from '../data/route.js';
import { useSignal } from '../data/use-signal.js';
import { useQuery } from '../data/use-query.js';
import { CalendarScreen } from '../screens/calendar.js';
import { EventDetailScreen } from '../screens/event-detail.js';
import { NewRequestScreen } from '../screens/new-request.js';
import { RequestDetailScreen } from '../screens/request-detail.js';
import { RequestsScreen } from '../screens/requests.js';
import { ShowDayScreen } from '../screens/show-day.js';
import { SettingsScreen } from '../screens/settings.js';
import { decidesRequests } from '../request/request-actions.js';
import { SearchPalette } from '../search/search-palette.js';
import { ErrorNote, selectClass, Spinner } from '../ui/controls.js';
import { NeedsAttentionPanel } from './needs-attention-panel.js';
import { SignOutDialog } from './sign-out-dialog.js';
import { RemovalNotice } from './removal-notice.js';
import { SyncIndicator } from './sync-indicator.js';
import { unsentEditsMessage } from './unsent-edits.js';

type SignedIn = Extract<CommandResult<'session.get'>, { state: 'signed-in' }>;
type Session = CommandResult<'session.get'>;
export type Venue = CommandResult<'venues.list'>[number];

const venueKey = (organizationId: string) => `promoteros.venue.${organizationId}`;

export function Shell({ session, onSessionChange }: { session: SignedIn; onSessionChange: (next: Session) => void }) {
  const bridge = useBridge();
  const route = useRoute();
  const [sync] = useSignal('sync.status');
  const [outbox] = useSignal('outbox.changed');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [refusedOpen, setRefusedOpen] = useState(false);
  const [unsentWarning, setUnsentWarning] = useState<string>();
  const [error, setError] = useState<CommandError>();
  const organizationId = session.organizationId;
  const role = session.organizations.find((organization) => organization.id === organizationId)?.role;
  const venues = useQuery('venues.list', {});
  const orgVenues = (venues.data ?? []).filter((venue) => venue.organizationId === organizationId);
  const [venueId, setVenueIdState] = useState<string | null>(() =>
    organizationId ? localStorage.getItem(venueKey(organizationId)) : null,
  );
  // a remembered venue that is gone (or belongs to another organization) means all venues
  const selectedVenue = orgVenues.find((venue) => venue.id === venueId) ?? null;

  const setVenueId = (id: string | null) => {
    setVenueIdState(id);
    if (organizationId) {
      if (id) localStorage.setItem(venueKey(organizationId), id);
      else localStorage.removeItem(venueKey(organizationId));
    }
  };

  // Door and box-office staff open the app to work the show: they start on show day, where the
  // calendar starts everyone else. Only on an open with no screen in the address, so a reload or
  // a link keeps its screen, and the calendar stays one click away.
  useEffect(() => {
    const noScreen = ['', '#', '#/'].includes(window.location.hash);
    if (role === 'STAFF' && noScreen) navigate(routeHash('show-day'));
  }, [role]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    // in Electron the menu accelerator takes Cmd/Ctrl-K first and says so with this signal
    const unsubscribe = bridge.on('shell.openSearch', () => setPaletteOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [bridge]);

  async function selectOrganization(id: string) {
    setError(undefined);
    const outcome = await bridge.invoke('organization.select', { organizationId: id });
    if (outcome.ok) {
      onSessionChange(outcome.value);
      setVenueIdState(localStorage.getItem(venueKey(id)));
    } else setError(outcome.error);
  }

  async function signOut(discardPending: boolean) {
    setError(undefined);
    setUnsentWarning(undefined);
    const outcome = await bridge.invoke('auth.signOut', { discardPending });
    if (outcome.ok) onSessionChange(outcome.value);
    else if (outcome.error.code === 'pending_changes')
      setUnsentWarning(unsentEditsMessage(outcome.error.details, outcome.error.message));
    else setError(outcome.error);
  }

  // the inbox badge: NEW requests of the organization, live
  const newRequests = useQuery('requests.list', { statuses: ['NEW'], limit: 1 });
  const newCount = organizationId && decidesRequests(role) ? (newRequests.data?.newCount ?? 0) : 0;

  const navItem = (screen: 'calendar' | 'requests' | 'settings' | 'show-day', label: string, badge = 0) => {
    const current =
      route.screen === screen ||
      (screen === 'calendar' && route.screen === 'event') ||
      (screen === 'requests' && (route.screen === 'request' || route.screen === 'new-request'));
    return (
      <a
        href={routeHash(screen)}
        aria-current={current ? 'page' : undefined}
        className="rounded-md px-2.5 py-1 text-sm font-medium text-zinc-600 hover:bg-zinc-100 aria-[current=page]:bg-zinc-200 aria-[current=page]:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-white"
      >
        {label}
        {badge > 0 && (
          <span
            aria-label={`${badge} new`}
            className="ml-1.5 rounded-full bg-sky-600 px-1.5 py-px text-[11px] font-semibold text-white tabular-nums"
          >
            {badge}
          </span>
        )}
      </a>
    );
  };

  const isMac = navigator.platform.toLowerCase().includes('mac');

  return (
    <div className="flex h-screen flex-col">
      {/* one line at every width from 1024 px: what grows (the sync state, the edits waiting) says
          less on narrower windows, and what is long (names in the switchers) is cut, so the page
          below never jumps when the app goes offline */}
      <header className="flex h-12 shrink-0 flex-nowrap items-center gap-x-3 border-b border-zinc-200 bg-zinc-50 px-3 dark:border-zinc-800 dark:bg-zinc-900">
        {/* the window's title names the app: below 1280 px its room goes to the switchers */}
        <span className="mr-1 hidden shrink-0 text-sm font-bold tracking-tight xl:inline">PromoterOS</span>
        <label className="sr-only" htmlFor="organization-switcher">
          Organization
        </label>
        <select
          id="organization-switcher"
          className={`${selectClass} max-w-44 min-w-28 truncate`}
          value={organizationId ?? ''}
          onChange={(event) => void selectOrganization(event.target.value)}
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
          onChange={(event) => setVenueId(event.target.value || null)}
          disabled={!organizationId}
        >
          <option value="">All venues</option>
          {orgVenues.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {venue.name}
            </option>
          ))}
        </select>
        <nav aria-label="Main" className="ml-2 flex shrink-0 items-center gap-1 whitespace-nowrap">
          {navItem('calendar', 'Calendar')}
          {navItem('requests', role === 'PROMOTER' ? 'My requests' : 'Requests', newCount)}
          {decidesRequests(role) && navItem('settings', 'Settings')}
          {role && role !== 'PROMOTER' && navItem('show-day', 'Show day')}
          <button
            type="button"
            onClick={() => setPaletteOpen(true)}
            aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
            className="flex items-center gap-2 rounded-md px-2.5 py-1 text-sm font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Search
            <kbd className="hidden rounded border border-zinc-300 px-1 font-sans text-[11px] text-zinc-500 xl:inline dark:border-zinc-700 dark:text-zinc-400">
              {isMac ? '⌘K' : 'Ctrl K'}
            </kbd>
          </button>
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-2">
          <SyncIndicator status={sync} outbox={outbox} onShowRefused={() => setRefusedOpen(true)} />
          <span className="hidden truncate text-xs text-zinc-500 min-[1800px]:inline dark:text-zinc-400">
            {session.user.email}
          </span>
          <button
            type="button"
            onClick={() => void signOut(false)}
            title={`Signed in as ${session.user.email}`}
            className="shrink-0 rounded-md px-2 py-1 text-xs whitespace-nowrap text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Sign out
          </button>
        </div>
      </header>
      {error && (
        <div className="border-b border-red-200 bg-red-50 px-4 py-2 dark:border-red-900 dark:bg-red-950">
          <ErrorNote error={error} />
        </div>
      )}
      <main className="min-h-0 flex-1 overflow-auto">
        {!organizationId ? (
          <OrganizationPicker session={session} onPick={(id) => void selectOrganization(id)} />
        ) : venues.loading && !venues.data ? (
          <div className="p-6">
            <Spinner label="Loading venues…" />
          </div>
        ) : route.screen === 'event' && route.id ? (
          <EventDetailScreen eventId={route.id} role={role} />
        ) : route.screen === 'request' && route.id ? (
          <RequestDetailScreen requestId={route.id} role={role} />
        ) : route.screen === 'new-request' ? (
          <NewRequestScreen venues={orgVenues} venue={selectedVenue} user={session.user} />
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
        )}
        {venues.error && (
          <div className="p-4">
            <ErrorNote error={venues.error} />
          </div>
        )}
      </main>
      {paletteOpen && <SearchPalette onClose={() => setPaletteOpen(false)} />}
      {refusedOpen && <NeedsAttentionPanel onClose={() => setRefusedOpen(false)} />}
      {unsentWarning && (
        <SignOutDialog
          message={unsentWarning}
          onStay={() => setUnsentWarning(undefined)}
          onSignOut={() => void signOut(true)}
        />
      )}
    </div>
  );
}

function OrganizationPicker({ session, onPick }: { session: SignedIn; onPick: (id: string) => void }) {
  return (
    <div className="mx-auto max-w-md p-8">
      {session.removal && <RemovalNotice removal={session.removal} />}
      <h1 className="mb-3 text-base font-semibold">Choose an organization</h1>
      {session.organizations.length === 0 ? (
        <p className="text-sm text-zinc-500">Your account is not a member of any organization yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {session.organizations.map((organization) => (
            <li key={organization.id}>
              <button
                type="button"
                onClick={() => onPick(organization.id)}
                className="flex w-full items-center justify-between px-4 py-3 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900"
              >
                <span className="font-medium">{organization.name}</span>
                <span className="text-xs text-zinc-500">{roleLabel(organization.role)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
