// The job loop's series, registered in the relay's own registry (relay/src/metrics).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Sql } from '../db/database.js';
import { readQueueDepth, type QueueDepth } from './queue-depth.js';

export class JobMetrics {
  /** outcome: done; retry (failed, due again later); dead; returned (unfinished at shutdown) */
  readonly processed: Counter<'kind' | 'outcome'>;
  readonly duration: Histogram<'kind'>;

  constructor(registry: Registry, sql: Sql) {
    const registers = [registry];
    this.processed = new Counter({
      name: 'promoteros_jobs_processed_total',
      help: 'Job attempts finished, by kind and outcome (done, retry, dead, returned at shutdown)',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'promoteros_job_duration_seconds',
      help: 'Time a job handler ran, by kind, whatever its outcome',
      labelNames: ['kind'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    // both gauges from one query per scrape: the second reuses the first's answer
    let pending: Promise<QueueDepth> | undefined;
    const depth = () => {
      pending ??= readQueueDepth(sql).finally(() => setImmediate(() => (pending = undefined)));
      return pending;
    };
    new Gauge({
      name: 'promoteros_jobs_queued',
      help: 'Jobs waiting in the queue (QUEUED, due or not)',
      registers,
      async collect() {
        // a scrape while the database is away reports the last value rather than failing
        const now = await depth().catch(() => undefined);
        if (now) this.set(now.queued);
      },
    });
    new Gauge({
      name: 'promoteros_jobs_oldest_due_seconds',
      help: 'How long the longest-waiting due job has been due (0 when none is)',
      registers,
      async collect() {
        const now = await depth().catch(() => undefined);
        if (now) this.set(now.oldestDueSeconds);
      },
    });
  }
}
