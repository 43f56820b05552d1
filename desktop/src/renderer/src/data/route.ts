// Where the manager is, kept in the URL hash so reloads, back/forward and screenshots land on
// the same screen: #/calendar?month=2025-03&view=list, #/requests?status=NEW,REVIEW, #/events/<id>,
// #/requests/<id>, #/requests/new (a promoter's new request), #/settings (task templates),
// #/show-day?event=<id> (show-day mode at the chosen venue).
import { useEffect, useState } from 'react';

export interface Route {
  readonly screen: 'calendar' | 'requests' | 'event' | 'request' | 'new-request' | 'settings' | 'show-day';
  /** the event id for screen "event", the request id for screen "request" */
  readonly id: string | undefined;
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen, id] = path.split('/');
  const params = new URLSearchParams(query);
  if (screen === 'requests' && id === 'new') return { screen: 'new-request', id: undefined, params };
  if (screen === 'requests' && id) return { screen: 'request', id, params };
  if (screen === 'requests') return { screen, id: undefined, params };
  if (screen === 'settings') return { screen, id: undefined, params };
  if (screen === 'show-day') return { screen, id: undefined, params };
  if (screen === 'events' && id) return { screen: 'event', id, params };
  return { screen: 'calendar', id: undefined, params };
}

export function routeHash(path: string, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseRoute(hash);
}
