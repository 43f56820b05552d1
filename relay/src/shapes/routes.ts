// GET /v1/shape: the ElectricSQL shape protocol, served from the change log.
//
//   offset=-1            → snapshot at head H, then up-to-date(H); offset H_inf
//   offset=now           → no rows, up-to-date at the head
//   offset=A_inf         → changes in (A, end], end = head (capped per response)
//   offset=A_inf&live    → as above once the head passes A, else wait up to the live timeout;
//                          answers as soon as the head moves, even without a change for this
//                          shape, so a desktop syncing many shapes learns at once that this
//                          one is complete up to the new head (see desktop multi-shape apply)
//
// A handle that no longer matches the shape as the relay would serve it now (membership
// changed, table rotated) or an offset beyond the head (database restored) → 409. So does a
// followed shape (a handle and an offset) whose caller was removed from its organization or may
// no longer read its table, also while a live request waits: the refetch is then refused 403.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { ChangeFeed } from '../change-feed.js';
import type { RelayConfig } from '../config.js';
import { authenticate } from '../auth/caller.js';
import { parseShapeRequest, type ShapeRequest } from './shape-request.js';
import { HttpError } from '../http/errors.js';
import { resolveScope, shapeHandle, type ShapeScope } from './shape-scope.js';
import { schemaHeader, type Catalog } from './table-columns.js';
import { formatOffset, liveCursor, mustRefetchBody, upToDateMessage } from './protocol.js';
import { streamSnapshot } from './snapshot.js';
import { MAX_TRANSACTIONS_PER_RESPONSE, responseEnd, streamChanges } from './changes.js';
import { scopeOrganizations } from './scope-sql.js';
import { ClientGoneError, JsonArrayWriter } from './json-array-writer.js';

export interface ShapeRouteOptions {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly config: RelayConfig;
  readonly catalog: Catalog;
}

export const shapeRoutes: FastifyPluginAsync<ShapeRouteOptions> = async (app, { db, feed, config, catalog }) => {
  const { sql } = db;

  async function tableEpoch(table: string): Promise<number> {
    const [row] = await sql<{ epoch: number }[]>`SELECT epoch FROM shape_epochs WHERE table_name = ${table}`;
    return row?.epoch ?? 1;
  }

  function baseHeaders(reply: FastifyReply, handle: string, scope: ShapeScope, live: boolean): void {
    void reply.header('electric-handle', handle);
    void reply.header('content-type', 'application/json; charset=utf-8');
    // per-caller content: never cached by shared caches
    void reply.header('cache-control', 'private, no-store');
    if (live) void reply.header('electric-cursor', liveCursor());
    else void reply.header('electric-schema', schemaHeader(scope.columns));
  }

  /**
   * 409 with the handle to refetch under. A caller who lost the shape gets a handle never served
   * before: the client treats a 409 without one (or with its old one) as a stale cached answer
   * and warns about proxies; its refetch under the new handle is then refused 403 with the reason.
   */
  function mustRefetch(reply: FastifyReply, handle: string = `lost-${randomUUID()}`) {
    void reply.header('electric-handle', handle);
    void reply.header('cache-control', 'private, no-store');
    return reply.status(409).type('application/json').send(mustRefetchBody);
  }

  /** The caller's scope now, or undefined when they lost what the shape was cut for. */
  async function scopeNow(request: FastifyRequest, shape: ShapeRequest): Promise<ShapeScope | undefined> {
    const caller = await authenticate(sql, request);
    try {
      return resolveScope(caller, shape, catalog);
    } catch (error) {
      if (error instanceof HttpError && error.status === 403) return undefined;
      throw error;
    }
  }

  app.get('/v1/shape', async (request, reply) => {
    const shape = parseShapeRequest(request.query as Record<string, unknown>);
    const caller = await authenticate(sql, request);
    let scope: ShapeScope;
    try {
      scope = resolveScope(caller, shape, catalog);
    } catch (error) {
      // a shape being followed whose member was removed, or whose role may no longer read the
      // table: must-refetch at once, and the refetch (offset -1) is refused 403 with the reason
      if (shape.handle && shape.offset.kind !== 'start' && error instanceof HttpError && error.status === 403) {
        return mustRefetch(reply);
      }
      throw error;
    }
    const handle = shapeHandle(scope, await tableEpoch(scope.table.table.name));

    // the client went away: stop waiting, and stop streaming (releases the cursor's connection)
    const gone = new AbortController();
    const writers: JsonArrayWriter[] = [];
    reply.raw.once('close', () => {
      gone.abort();
      for (const writer of writers) if (!writer.stream.writableFinished) writer.stream.destroy();
    });

    if (shape.offset.kind === 'start' || shape.offset.kind === 'now') {
      const writer = new JsonArrayWriter();
      writers.push(writer);
      const includeRows = shape.offset.kind === 'start' && !shape.changesOnly;
      const head = await new Promise<number>((resolve, reject) => {
        streamSnapshot(sql, scope, writer, { includeRows, onHead: resolve })
          .then((h) => writer.end(upToDateMessage(h)))
          .catch((error: unknown) => {
            reject(error as Error);
            writer.fail(error as Error);
            if (!(error instanceof ClientGoneError)) request.log.error({ err: error }, 'snapshot failed');
          });
      });
      baseHeaders(reply, handle, scope, false);
      void reply.header('electric-offset', formatOffset(head));
      void reply.header('electric-up-to-date', '');
      return reply.send(writer.stream);
    }

    const after = shape.offset.seq;
    if (shape.handle !== handle || (after > feed.head && after > (await feed.refresh()))) {
      return mustRefetch(reply, handle);
    }

    // a catch-up (non-live) request reads the head itself: the feed learns of commits a moment
    // later (notification, poll), and "up to date" must include what committed before we asked
    let head = shape.live ? feed.head : await feed.refresh();
    if (shape.live && head <= after) {
      head = await feed.waitForChange(after, config.LIVE_POLL_TIMEOUT_MS, gone.signal);
      // the wait may have seen the caller removed or their role changed: a live request ends at
      // once with must-refetch rather than serving one more answer cut for the old membership
      if (head > after && feed.touches(after, head, 'memberships', scopeOrganizations(scope)) !== 'no') {
        const now = await scopeNow(request, shape);
        if (!now || shapeHandle(now, await tableEpoch(now.table.table.name)) !== handle) return mustRefetch(reply);
      }
    }
    // seqs are unique and rising: a range no wider than the cap holds no more transactions
    const end = head - after <= MAX_TRANSACTIONS_PER_RESPONSE ? head : await responseEnd(sql, after, head);
    const quiet = feed.touches(after, end, scope.table.table.name, scopeOrganizations(scope)) === 'no';
    const writer = new JsonArrayWriter();
    writers.push(writer);
    baseHeaders(reply, handle, scope, shape.live);
    void reply.header('electric-offset', formatOffset(Math.max(end, after)));
    if (end >= head) void reply.header('electric-up-to-date', '');
    (quiet ? Promise.resolve(0) : streamChanges(sql, scope, after, end, writer))
      .then(() => (end >= head ? writer.end(upToDateMessage(Math.max(end, after))) : writer.end()))
      .catch((error: unknown) => {
        writer.fail(error as Error);
        if (!(error instanceof ClientGoneError)) request.log.error({ err: error }, 'changes failed');
      });
    return reply.send(writer.stream);
  });
};
