// What the relay measures, in one prom-client Registry per relay (tests run several relays
// in one process, and a global registry would mix their numbers or refuse the second one).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChangeFeed } from '../change-feed.js';
import type { DatabaseWatch } from '../db/database-watch.js';

export class RelayMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly requestSeconds: Histogram<'method' | 'route'>;
  readonly openConnections: Gauge;
  readonly mutations: Counter<'name' | 'outcome'>;

  constructor(feed: ChangeFeed, database?: DatabaseWatch) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'promoteros_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'promoteros_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, including long-polls held open',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.openConnections = new Gauge({
      name: 'promoteros_http_open_connections',
      help: 'TCP connections open to the relay',
      registers,
    });
    this.mutations = new Counter({
      name: 'promoteros_mutations_total',
      help: 'Mutations answered by POST /v1/mutations, by name (unknown for names the relay does not know) and outcome (applied, replayed or the refusal code)',
      labelNames: ['name', 'outcome'],
      registers,
    });
    new Gauge({
      name: 'promoteros_shape_long_polls_waiting',
      help: 'Live shape requests waiting for the change log to move',
      registers,
      collect() {
        this.set(feed.waiting);
      },
    });
    new Gauge({
      name: 'promoteros_change_log_head',
      help: 'Highest committed change-log transaction sequence number this relay has seen',
      registers,
      collect() {
        this.set(feed.head);
      },
    });
    if (database) this.#databaseMetrics(database, registers);
  }

  /** read from the watch (relay/src/db/database-watch.ts) when scraped */
  #databaseMetrics(database: DatabaseWatch, registers: Registry[]): void {
    new Gauge({
      name: 'promoteros_database_up',
      help: 'Whether the relay can reach its database now (1) or not (0)',
      registers,
      collect() {
        this.set(database.up ? 1 : 0);
      },
    });
    new Counter({
      name: 'promoteros_database_connection_errors_total',
      help: 'Errors meaning the database could not be reached (connection dropped, refused, PostgreSQL restarting)',
      registers,
      collect() {
        this.reset();
        this.inc(database.connectionErrors);
      },
    });
    new Counter({
      name: 'promoteros_database_reconnects_total',
      help: 'Times the database answered again after being unreachable',
      registers,
      collect() {
        this.reset();
        this.inc(database.recoveries);
      },
    });
  }
}
