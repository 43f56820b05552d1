// One table's ShapeStream from the relay, filtered to the organization, resumed from its saved
// position, and what its failures mean for the session.
import { FetchError, ShapeStream, type BackoffOptions, type Offset } from '@electric-sql/client';
import type { ShapePosition } from './sync-positions.js';

export interface ShapeStreamRequest {
  readonly relayUrl: string;
  readonly table: string;
  readonly organizationId: string;
  /** where the last run stopped; none: the snapshot first */
  readonly resume: ShapePosition | undefined;
  readonly getToken: () => string | Promise<string>;
  readonly fetchClient: typeof fetch;
  readonly signal: AbortSignal;
  readonly backoff: Partial<BackoffOptions> | undefined;
  /** returning nothing stops the stream for good */
  readonly onError: (error: Error) => void;
}

// int8 stays the decimal string the relay sent: BigInt cannot go through JSON into PGlite
const parser = { int8: (value: string) => value };

const backoffDefaults: BackoffOptions = { initialDelay: 1_000, maxDelay: 32_000, multiplier: 2 };

export function openShapeStream(request: ShapeStreamRequest): ShapeStream {
  const { table, resume } = request;
  return new ShapeStream({
    url: `${request.relayUrl.replace(/\/+$/, '')}/v1/shape`,
    params: {
      table,
      where: table === 'organizations' ? '"id" = $1' : '"organization_id" = $1',
      params: [request.organizationId],
    },
    headers: { Authorization: async () => `Bearer ${await request.getToken()}` },
    ...(resume ? { offset: resume.offset as Offset, handle: resume.handle } : {}),
    parser,
    fetchClient: request.fetchClient,
    signal: request.signal,
    onError: request.onError,
    ...(request.backoff ? { backoffOptions: { ...backoffDefaults, ...request.backoff } } : {}),
  });
}

/** what a stream's failure does to the session: the client has already retried what it retries */
export type StreamFailure =
  | { readonly kind: 'signed-out'; readonly reason: string }
  /** 403: the member's role may not read this table */
  | { readonly kind: 'table-refused' }
  | { readonly kind: 'error'; readonly reason: string };

export function streamFailure(table: string, error: Error): StreamFailure {
  if (error instanceof FetchError && error.status === 401) {
    return {
      kind: 'signed-out',
      reason: `the relay no longer accepts this session (${describe(error)}); sign in again`,
    };
  }
  if (error instanceof FetchError && error.status === 403) return { kind: 'table-refused' };
  return { kind: 'error', reason: `sync of ${table} failed: ${describe(error)}` };
}

function describe(error: Error): string {
  if (error instanceof FetchError) {
    const body = error.json as { message?: string } | undefined;
    return `HTTP ${error.status}${body?.message ? `: ${body.message}` : error.text ? `: ${error.text}` : ''}`;
  }
  return error.message;
}
