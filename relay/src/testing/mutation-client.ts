// For tests through the mutation route: POST /v1/mutations as a device does, and the envelopes it sends.
import { randomUUID } from 'node:crypto';
import type { MutationBatchResult, MutationEnvelope } from '@promoteros/shared/mutations';
import type { TestRelay } from './test-relay.js';

export interface Answer {
  readonly status: number;
  readonly body: MutationBatchResult & { code?: string; message?: string; errors?: Record<string, string> };
}

/** Sends a batch (or any body, to test bad input) with the session token. */
export async function sendBatch(relay: TestRelay, token: string | undefined, body: unknown): Promise<Answer> {
  const response = await fetch(`${relay.url}/v1/mutations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

let clock = Date.parse('2026-03-01T12:00:00Z');

/** A mutation as a device records it: a fresh id and a moment on the device's clock. */
export function envelope(name: string, args: unknown, after: string[] = []): MutationEnvelope & { id: string } {
  clock += 1000;
  return { id: randomUUID(), name, args, at: new Date(clock).toISOString(), after };
}
