// One link of the main navigation, marked as the current page for the screens under it (an event
// under the calendar, a request under the requests), with a count of new items when there are any.
import { routeHash, type Route } from '../data/route.js';

export type NavScreen = 'calendar' | 'requests' | 'settings' | 'show-day';

export function NavItem({
  route,
  screen,
  label,
  badge = 0,
}: {
  route: Route;
  screen: NavScreen;
  label: string;
  badge?: number;
}) {
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
}
