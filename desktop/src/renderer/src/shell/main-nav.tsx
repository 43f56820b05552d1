// The main navigation: calendar, requests (with the count of new ones for who decides on them),
// settings and show day for the roles that use them, and the search palette's button with its
// shortcut as this platform writes it.
import type { Route } from '../data/route.js';
import type { Role } from '../event/edit-rights.js';
import { decidesRequests } from '../request/request-actions.js';
import { NavItem } from './nav-item.js';

export function MainNav({
  route,
  role,
  newCount,
  onSearch,
}: {
  route: Route;
  role: Role | undefined;
  /** NEW requests, for the requests link's badge */
  newCount: number;
  onSearch: () => void;
}) {
  const isMac = navigator.platform.toLowerCase().includes('mac');
  return (
    <nav aria-label="Main" className="ml-2 flex shrink-0 items-center gap-1 whitespace-nowrap">
      <NavItem route={route} screen="calendar" label="Calendar" />
      <NavItem
        route={route}
        screen="requests"
        label={role === 'PROMOTER' ? 'My requests' : 'Requests'}
        badge={newCount}
      />
      {decidesRequests(role) && <NavItem route={route} screen="settings" label="Settings" />}
      {role && role !== 'PROMOTER' && <NavItem route={route} screen="show-day" label="Show day" />}
      <button
        type="button"
        onClick={onSearch}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        className="flex items-center gap-2 rounded-md px-2.5 py-1 text-sm font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Search
        <kbd className="hidden rounded border border-zinc-300 px-1 font-sans text-[11px] text-zinc-500 xl:inline dark:border-zinc-700 dark:text-zinc-400">
          {isMac ? '⌘K' : 'Ctrl K'}
        </kbd>
      </button>
    </nav>
  );
}
