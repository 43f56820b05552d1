// One POST /v1/mutations, and what its answer means for the uploader.
import { MutationBatchResult, type MutationBatch, type MutationResult } from '@promoteros/shared/mutations';

export type SendOutcome =
  | { readonly kind: 'answered'; readonly results: readonly MutationResult[] }
  /** the session is no longer accepted: wait for a new sign-in, keep everything */
  | { readonly kind: 'signed-out'; readonly reason: string }
  /** network down, relay restarting, 5xx, 429: try again later */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number };

export async function sendBatch(
  fetchImpl: typeof fetch,
  relayUrl: string,
  token: string,
  batch: MutationBatch,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(`${relayUrl.replace(/\/+$/, '')}/v1/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(batch),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return { kind: 'retry', reason: `the relay cannot be reached (${(error as Error).message})` };
  }
  const text = await response.text().catch(() => '');
  if (response.status === 401) return { kind: 'signed-out', reason: 'the relay no longer accepts this session' };
  if (!response.ok) {
    const seconds = Number(response.headers.get('retry-after'));
    // a 4xx other than 401 is a bug on one side: keep the edits and keep trying, loudly
    return {
      kind: 'retry',
      reason: `the relay answered ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = MutationBatchResult.safeParse(body);
  if (!parsed.success) return { kind: 'retry', reason: 'the relay answered something that is not a batch result' };
  return { kind: 'answered', results: parsed.data.results };
}

/** Full jitter over an exponential ceiling: devices reconnecting together do not retry together. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
