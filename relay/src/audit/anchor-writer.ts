// Anchors each organization's audit chain every AUDIT_ANCHOR_INTERVAL_SECONDS: the chain head
// (position, hash) of every organization whose chain grew since its last anchor goes to the
// insert-only audit_anchors table (record_audit_anchors(), migration 0019) and, one line each, to
// the relay's log, which an operator ships somewhere the database's administrators cannot
// rewrite. Verification then tells a chain whose tail was removed from one that never grew:
// an anchor lies beyond its end (`npm run audit:verify -- --anchor <position>:<hash>` for one
// taken from the log).
//
// The first pass runs shortly after start, so that a relay restarted more often than the
// interval still anchors. A failed pass (the database away) is logged and tried at the next one.
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../db/database.js';

const FIRST_PASS_MS = 10_000;

export interface AuditAnchor {
  readonly organizationId: string;
  readonly position: number;
  readonly hash: string;
  readonly anchoredAt: string;
}

/** Anchors the chains that grew since their last anchor; returns the anchors written. */
export async function recordAuditAnchors(sql: Sql): Promise<AuditAnchor[]> {
  const rows = await sql<{ organization_id: string; position: string; hash: string; anchored_at: string }[]>`
    SELECT organization_id::text, chain_position::text AS position, entry_hash AS hash,
           to_char(anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS anchored_at
      FROM record_audit_anchors()
     ORDER BY organization_id`;
  return rows.map((r) => ({
    organizationId: r.organization_id,
    position: Number(r.position),
    hash: r.hash,
    anchoredAt: r.anchored_at,
  }));
}

/** The log line of an anchor: `audit anchor` with what `--anchor` takes. */
export function logAnchor(log: FastifyBaseLogger, anchor: AuditAnchor): void {
  log.info(
    {
      auditAnchor: {
        ...anchor,
        verify: `--organization ${anchor.organizationId} --anchor ${anchor.position}:${anchor.hash}`,
      },
    },
    'audit anchor',
  );
}

export interface AnchorWriter {
  stop(): Promise<void>;
}

export function startAnchorWriter(sql: Sql, options: { intervalMs: number; log: FastifyBaseLogger }): AnchorWriter {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = recordAuditAnchors(sql)
        .then((anchors) => {
          for (const anchor of anchors) logAnchor(options.log, anchor);
        })
        .catch((error: unknown) => options.log.warn({ err: error }, 'audit anchoring failed; trying again next time'))
        .finally(() => {
          if (!stopped) schedule(options.intervalMs);
        });
    }, delayMs);
    timer.unref();
  };
  schedule(Math.min(FIRST_PASS_MS, options.intervalMs));

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
