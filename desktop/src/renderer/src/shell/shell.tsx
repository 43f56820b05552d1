// The frame around every screen: organization and venue switchers, navigation, the sync
// indicator with the edits on their way and the refused ones, sign-out (which warns about edits
// not uploaded yet), and Ctrl/Cmd-K for the search palette.
import { useEffect, useState } from 'react';
import type { CommandError, CommandResult } from '../../../common/command-map.js';
import { useBridge } from '../data/bridge-context.js';
import { navigate, routeHash, useRoute } from '../data/route.js';
import { useSignal } from '../data/use-signal.js';
import { useQuery } from '../data/use-query.js';
import { decidesRequests } from '../request/request-actions.js';
import { SearchPalette } from '../search/search-palette.js';
import { ErrorNote, Spinner } from '../ui/controls.js';
import { MainNav } from './main-nav.js';
import { NeedsAttentionPanel } from './needs-attention-panel.js';
import { OrganizationPicker } from './organization-picker.js';
import { RouteScreen } from './route-screen.js';
import { SignOutDialog } from './sign-out-dialog.js';
import { Switchers } from './switchers.js';
import { SyncIndicator } from './sync-indicator.js';
import { unsentEditsMessage } from './unsent-edits.js';
import { useSearchPalette } from './use-search-palette.js';
import { useVenueChoice } from './use-venue-choice.js';

type SignedIn = Extract<CommandResult<'session.get'>, { state: 'signed-in' }>;
type Session = CommandResult<'session.get'>;
export type Venue = CommandResult<'venues.list'>[number];

export function Shell({ session, onSessionChange }: { session: SignedIn; onSessionChange: (next: Session) => void }) {
  const bridge = useBridge();
  const route = useRoute();
  const [sync] = useSignal('sync.status');
  const [outbox] = useSignal('outbox.changed');
  const [paletteOpen, setPaletteOpen] = useSearchPalette();
  const [refusedOpen, setRefusedOpen] = useState(false);
  const [unsentWarning, setUnsentWarning] = useState<string>();
  const [error, setError] = useState<CommandError>();
  const organizationId = session.organizationId;
  const role = session.organizations.find((organization) => organization.id === organizationId)?.role;
  const venues = useQuery('venues.list', {});
  const orgVenues = (venues.data ?? []).filter((venue) => venue.organizationId === organizationId);
  const { selectedVenue, setVenueId, recallVenue } = useVenueChoice(organizationId, orgVenues);

  // Door and box-office staff open the app to work the show: they start on show day, where the
  // calendar starts everyone else. Only on an open with no screen in the address, so a reload or
  // a link keeps its screen, and the calendar stays one click away.
  useEffect(() => {
    const noScreen = ['', '#', '#/'].includes(window.location.hash);
    if (role === 'STAFF' && noScreen) navigate(routeHash('show-day'));
  }, [role]);

  async function selectOrganization(id: string) {
    setError(undefined);
    const outcome = await bridge.invoke('organization.select', { organizationId: id });
    if (outcome.ok) {
      onSessionChange(outcome.value);
      recallVenue(id);
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

  return (
    <div className="flex h-screen flex-col">
      {/* one line at every width from 1024 px: what grows (the sync state, the edits waiting) says
          less on narrower windows, and what is long (names in the switchers) is cut, so the page
          below never jumps when the app goes offline */}
      <header className="flex h-12 shrink-0 flex-nowrap items-center gap-x-3 border-b border-zinc-200 bg-zinc-50 px-3 dark:border-zinc-800 dark:bg-zinc-900">
        {/* the window's title names the app: below 1280 px its room goes to the switchers */}
        <span className="mr-1 hidden shrink-0 text-sm font-bold tracking-tight xl:inline">PromoterOS</span>
        <Switchers
          session={session}
          orgVenues={orgVenues}
          selectedVenue={selectedVenue}
          onOrganizationChange={(id) => void selectOrganization(id)}
          onVenueChange={setVenueId}
        />
        <MainNav route={route} role={role} newCount={newCount} onSearch={() => setPaletteOpen(true)} />
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
        ) : (
          <RouteScreen
            route={route}
            role={role}
            user={session.user}
            orgVenues={orgVenues}
            selectedVenue={selectedVenue}
            setVenueId={setVenueId}
          />
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
