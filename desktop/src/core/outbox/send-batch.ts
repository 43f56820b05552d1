// One POST /v1/mutations, and what its answer means for the uploader; and GET /healthz, which
// tells a relay that fails on a batch from one that cannot reach its database.
import { MutationBatchResult, type MutationBatch, type MutationResult } from '@promoteros/shared/mutations';

export type SendOutcome =
  | { readonly kind: 'answered'; readonly results: readonly MutationResult[] }
  /** the session is no longer accepted: wait for a new sign-in, keep everything */
  | { readonly kind: 'signed-out'; readonly reason: string }
  /** no answer (network down, relay stopped), 408, 429: try again later */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** the relay answered this batch with an error (5xx, another 4xx): try again later, and if it
   * keeps failing on it while the relay is up, find the edit it fails on (isolate-failing.ts) */
  | {
      readonly kind: 'failed';
      readonly reason: string;
      /** the answer, short: status, code and the relay's message */
      readonly answer: string;
      readonly retryAfterMs?: number;
    };

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
    const retryAfter = Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {};
    const reason = `the relay answered ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`;
    // busy or timed out: nothing about this batch
    if (response.status === 408 || response.status === 429) return { kind: 'retry', reason, ...retryAfter };
    // a 4xx other than these is a bug on one side, as a 5xx is: keep the edits, keep trying, loudly
    return { kind: 'failed', reason, answer: describeAnswer(response.status, text), ...retryAfter };
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

/** true when the relay answers that it and its database are up (relay/src/http/health.ts) */
export async function relayIsUp(fetchImpl: typeof fetch, relayUrl: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetchImpl(`${relayUrl.replace(/\/+$/, '')}/healthz`, signal ? { signal } : {});
    await response.arrayBuffer().catch(() => undefined);
    return response.ok;
  } catch {
    return false;
  }
}

/** "503 database_unavailable: the relay could not …", from the relay's {code, message} */
function describeAnswer(status: number, text: string): string {
  let body: { code?: unknown; message?: unknown } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  const code = typeof body?.code === 'string' ? ` ${body.code}` : '';
  const message = typeof body?.message === 'string' ? body.message : text;
  const short = message.length > 240 ? `${message.slice(0, 240)}…` : message;
  return `${status}${code}${short ? `: ${short}` : ''}`;
}

/** Full jitter over an exponential ceiling: devices reconnecting together do not retry together. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
