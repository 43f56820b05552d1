// The fetch the shape streams use, watching whether the relay answers.
//
// The client retries network errors and 5xx forever on its own, so the only way to show
// "offline since …" is to watch each attempt: a network error or 5xx means offline, any answer
// from the relay (even a 4xx, which the engine handles) means it is reachable again.

export interface ReachabilityListener {
  (reachable: boolean, detail: string): void;
}

export function createRelayFetch(base: typeof fetch, onReachability: ReachabilityListener): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      // an abort is our own stop() or the client's restart, not the network
      if (!init?.signal?.aborted) onReachability(false, error instanceof Error ? error.message : String(error));
      throw error;
    }
    onReachability(response.status < 500, `relay answered ${response.status}`);
    return response;
  };
}
