// The fetch the shape streams use: it watches whether the relay answers, and gives every
// response a fresh cache cursor.
//
// Reachability: the client retries network errors and 5xx forever on its own, so the only way
// to show "offline since …" is to watch each attempt: a network error or 5xx means offline,
// any answer from the relay (even a 4xx) means it is reachable again.
//
// Cursor: the client suppresses the first up-to-date of a stream that starts within 60 s of an
// earlier stream of the same shape when the cache cursor has not changed, assuming an HTTP cache
// is replaying old responses (up-to-date-tracker.ts). The desktop has no such cache, and the
// relay sends `electric-cursor` only on live responses, so a restart or must-refetch within a
// minute would sit without its up-to-date until the next live response. A unique cursor on
// responses that carry none turns that heuristic off; the relay ignores the cursor it echoes.
import { randomUUID } from 'node:crypto';

export interface ReachabilityListener {
  (reachable: boolean, detail: string): void;
}

export function createRelayFetch(base: typeof fetch, onReachability: ReachabilityListener): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      // our own stop() or the client's restart, not the network
      if (!init?.signal?.aborted) onReachability(false, error instanceof Error ? error.message : String(error));
      throw error;
    }
    if (response.status >= 500) {
      onReachability(false, `relay answered ${response.status}`);
      return response;
    }
    onReachability(true, `relay answered ${response.status}`);
    if (!response.ok || response.headers.has('electric-cursor')) return response;
    const headers = new Headers(response.headers);
    headers.set('electric-cursor', `desktop-${randomUUID()}`);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
