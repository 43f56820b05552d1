// How many rows the relay's snapshots of an organization hold, so that the first sync's progress
// has a total. A nicety: it never holds up the first sync for long, and without an answer
// progress shows the rows received only.
export interface SnapshotCountsRequest {
  readonly relayUrl: string;
  readonly organizationId: string;
  readonly getToken: () => string | Promise<string>;
  /** the session's relay fetch, so that an answer here counts as the relay being reachable */
  readonly fetch: typeof fetch;
  readonly signal: AbortSignal;
}

/** rows per table, or undefined when the relay did not answer in time or refused */
export async function countSnapshotRows(request: SnapshotCountsRequest): Promise<Record<string, number> | undefined> {
  try {
    const response = await request.fetch(
      `${request.relayUrl.replace(/\/+$/, '')}/v1/shape-counts?organization_id=${encodeURIComponent(request.organizationId)}`,
      {
        headers: { authorization: `Bearer ${await request.getToken()}` },
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(3000)]),
      },
    );
    if (!response.ok) return undefined;
    const { counts } = (await response.json()) as { counts: Record<string, number> };
    return counts;
  } catch {
    return undefined;
  }
}
