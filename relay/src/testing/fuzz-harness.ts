// For the fuzz (relay/src/http/fuzz.test.ts): sends a request to a test relay and checks what every
// answer must be, whatever was sent: below 500, and, when refused (4xx), no row written anywhere.
// Rows written are counted per table by a trigger in the writing transaction (a write rolled back
// is not counted), cheap enough to read around every request. Keeps a tally of the answers by route
// and status, to show what the cases reached.
import { expect } from 'vitest';
import type { Sql } from '../db/database.js';
import type { TestRelay } from './test-relay.js';

export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface FuzzAnswer {
  readonly status: number;
  readonly text: string;
}

/** What the relay may write while refusing a request (a wrong sign-in code counts against its token). */
export type MayWrite = readonly string[];

/** Tables that are no request's data: audit anchors (written on the relay's own schedule) and the
 * rate limits' counters (a refused request counts too, by design). Never a partial write. */
const BACKGROUND_TABLES: readonly string[] = ['audit_anchors', 'rate_limits'];

/** rows written so far, by table */
export type Writes = Readonly<Record<string, string>>;

const ROUTE_WORDS = new Set([
  ...['v1', 'auth', 'sign-in', 'verify', 'session', 'sign-out', 'mutations', 'shape', 'shape-counts'],
  ...['documents', 'events', 'renders', 'organizations', 'delivery-problems', 'retry', 'notes'],
  ...['request', 'request-assets', 'intake-form.js', 'healthz', 'metrics'],
]);

export class FuzzHarness {
  readonly #tally = new Map<string, number>();

  private constructor(
    private readonly relay: TestRelay,
    private readonly sql: Sql,
  ) {}

  /** Puts the write counter on every table of the relay's database (a test database). */
  static async start(relay: TestRelay, sql: Sql): Promise<FuzzHarness> {
    const tables = await sql<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    await sql.unsafe(`
      CREATE TABLE fuzz_writes (table_name text PRIMARY KEY, n bigint NOT NULL);
      CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO fuzz_writes (table_name, n) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (table_name) DO UPDATE SET n = fuzz_writes.n + 1;
        RETURN NULL;
      END $$;
      ${tables
        .map(
          ({ name }) =>
            `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write();`,
        )
        .join('\n')}`);
    return new FuzzHarness(relay, sql);
  }

  async writes(): Promise<Writes> {
    const counts = await this.sql<{ table_name: string; n: string }[]>`SELECT table_name, n::text FROM fuzz_writes`;
    return Object.fromEntries(counts.map((c) => [c.table_name, c.n]));
  }

  /** the tables written between two readings, but for those allowed */
  changedTables(before: Writes, after: Writes, mayWrite: MayWrite = []): string[] {
    return Object.keys(after).filter(
      (table) => before[table] !== after[table] && !mayWrite.includes(table) && !BACKGROUND_TABLES.includes(table),
    );
  }

  async send(request: FuzzRequest): Promise<FuzzAnswer> {
    const response = await fetch(`${this.relay.url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      // a request the relay never answers fails the case (no hung requests)
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Sends a request and checks what every answer must be: no 5xx, and nothing written when refused. */
  async check(request: FuzzRequest, mayWrite: MayWrite = []): Promise<FuzzAnswer> {
    const before = await this.writes();
    const answer = await this.send(request);
    this.#count(request, answer.status);
    const what = `${answer.status} for ${describeRequest(request)}: ${answer.text.slice(0, 300)}`;
    expect(answer.status, what).toBeLessThan(500);
    if (answer.status >= 400) expect(this.changedTables(before, await this.writes(), mayWrite), what).toEqual([]);
    return answer;
  }

  /** the answers by route and status, a line each */
  summary(): string {
    const total = [...this.#tally.values()].reduce((a, b) => a + b, 0);
    const lines = [...this.#tally]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => `${String(n).padStart(6)}  ${key}`);
    return `fuzz answers (${total} requests):\n${lines.join('\n')}`;
  }

  #count(request: FuzzRequest, status: number): void {
    const route = request.path
      .split('?')[0]!
      .split('/')
      .map((part, n) => (n === 0 || ROUTE_WORDS.has(part) ? part : ':x'))
      .join('/');
    const key = `${request.method} ${route} ${status}`;
    this.#tally.set(key, (this.#tally.get(key) ?? 0) + 1);
  }
}

/** The request in a line, for a failure message: long bodies cut, unprintable characters escaped. */
function describeRequest(request: FuzzRequest): string {
  const cut = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text);
  return `${request.method} ${cut(request.path)} ${JSON.stringify(request.headers ?? {})} ${JSON.stringify(cut(request.body ?? ''))}`;
}
