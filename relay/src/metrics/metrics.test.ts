import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, type Socket } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createOrganization } from '../testing/fixtures.js';

let db: TestDatabase;
let relay: TestRelay;
let other: TestRelay;

beforeAll(async () => {
  db = await createTestDatabase('metrics');
  [relay, other] = await Promise.all([startTestRelay(db), startTestRelay(db)]);
});

afterAll(async () => {
  await Promise.all([relay?.stop(), other?.stop()]);
  await db?.drop();
});

async function scrape(target: TestRelay): Promise<string> {
  const response = await fetch(`${target.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** the value of one sample line, e.g. value(text, 'foo{a="b"}') */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('should count requests by method, route pattern and status, with latencies', async () => {
    await fetch(`${relay.url}/healthz`);
    await fetch(`${relay.url}/healthz`);
    await fetch(`${relay.url}/no/such/page/12345`);
    await fetch(`${relay.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    const text = await scrape(relay);
    expect(value(text, 'promoteros_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(value(text, 'promoteros_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(value(text, 'promoteros_http_requests_total{method="POST",route="/v1/auth/sign-in",status="400"}')).toBe(1);
    expect(value(text, 'promoteros_http_request_duration_seconds_count{method="GET",route="/healthz"}')).toBe(2);
    expect(
      value(text, 'promoteros_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/healthz"}'),
    ).toBe(2);
    expect(text).not.toContain('12345');
  });

  it('should keep each relay its own numbers', async () => {
    await fetch(`${other.url}/healthz`);
    const text = await scrape(other);
    expect(value(text, 'promoteros_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(1);
  });

  it('should report the change-log head', async () => {
    await createOrganization(db.sql, 'Metrics Hall');
    const head = await relay.feed.refresh();
    expect(head).toBeGreaterThan(0);
    expect(value(await scrape(relay), 'promoteros_change_log_head')).toBe(head);
  });

  it('should report the long-polls waiting for a change', async () => {
    const abort = new AbortController();
    const waits = [
      relay.feed.waitForChange(relay.feed.head, 60_000, abort.signal),
      relay.feed.waitForChange(relay.feed.head, 60_000, abort.signal),
    ];
    expect(value(await scrape(relay), 'promoteros_shape_long_polls_waiting')).toBe(2);
    abort.abort();
    await Promise.all(waits);
    expect(value(await scrape(relay), 'promoteros_shape_long_polls_waiting')).toBe(0);
  });

  it('should report open connections', async () => {
    const { port, hostname } = new URL(relay.url);
    const before = value(await scrape(relay), 'promoteros_http_open_connections')!;
    const sockets = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect(Number(port), hostname, () => resolve(socket));
          }),
      ),
    );
    await vi.waitFor(async () => {
      expect(value(await scrape(relay), 'promoteros_http_open_connections')).toBeGreaterThanOrEqual(before + 3);
    });
    for (const socket of sockets) socket.destroy();
    await vi.waitFor(async () => {
      expect(value(await scrape(relay), 'promoteros_http_open_connections')).toBeLessThan(before + 3);
    });
  });

  it('should include the default process metrics', async () => {
    const text = await scrape(relay);
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
  });
});
