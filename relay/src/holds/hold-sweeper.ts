// Runs sweepHolds every interval from a relay's start to its stop. A failed pass (the database
// away for a moment) is logged and tried again at the next interval; stop() waits for a pass
// under way so the database is not closed under it.
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../db/database.js';
import type { DatabaseWatch } from '../db/database-watch.js';
import { sweepHolds } from './expire-holds.js';

export interface HoldSweeper {
  stop(): Promise<void>;
}

export interface HoldSweeperOptions {
  readonly intervalMs: number;
  readonly log: FastifyBaseLogger;
  /** while it reports the database down, passes are skipped (the watch has said so in the log) */
  readonly database?: DatabaseWatch;
}

export function startHoldSweeper(sql: Sql, options: HoldSweeperOptions): HoldSweeper {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    // the first pass waits an interval too: a relay starting up has other work first
    timer = setTimeout(() => {
      if (options.database && !options.database.up) return schedule();
      running = sweepHolds(sql)
        .then((sweep) => {
          if (sweep.expired + sweep.reminded + sweep.challengesLapsed > 0) options.log.info({ sweep }, 'holds swept');
        })
        .catch((error: unknown) => {
          if (options.database?.noteTrouble(error)) return;
          options.log.warn({ err: error }, 'hold sweep failed; trying again next time');
        })
        .finally(() => {
          if (!stopped) schedule();
        });
    }, options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
