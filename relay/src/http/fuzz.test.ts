// Property-based fuzz of every route of the relay, public and signed in: sign-in and verify,
// sessions, the sign-in page, mutations (every name, arguments near valid and far from it), the
// intake form (JSON and form posts), shapes and their counts, documents, delivery problems, the
// note rooms' WebSocket upgrades and frames, and anything at all on any path. Inputs carry NUL
// and lone surrogates, huge strings, deep nesting, `__proto__` keys, wrong types, numbers and
// dates out of range (relay/src/testing/fuzz-arbitraries.ts).
//
// Every answer must be below 500; a refused request (4xx) must leave every table as it was (no row
// written, counted by a trigger on every table: relay/src/testing/fuzz-harness.ts); a batch whose
// mutations are all refused must leave everything but the ledger as it was; the relay answers
// /healthz afterwards.
//
// Seeded and replayable: the seed is printed at the start; FUZZ_SEED=<seed> runs the same cases,
// FUZZ_SCALE=<n> runs n times as many (the default, 1, is a few thousand cases in all).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import WebSocket from 'ws';
import { NOTES_BEARER_PREFIX, NOTES_PROTOCOL } from '@promoteros/shared/notes';
import { mutationNames } from '@promoteros/shared/mutations';
import { syncedTables } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { fillEveryTable, type OrganizationRows } from '../testing/every-table.js';
import { argsFor } from '../testing/arg-factories.js';
import { formToken, intakeWorld, validFields, type IntakeWorld } from '../testing/intake-world.js';
import {
  contentType,
  headerValue,
  hostileJson,
  hostileText,
  jsonText,
  nearlyValid,
  object,
  objectBody,
  oddBody,
  urlEncoded,
  urlPart,
  type Json,
} from '../testing/fuzz-arbitraries.js';
import { FuzzHarness, type FuzzRequest } from '../testing/fuzz-harness.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

let db: TestDatabase;
let relay: TestRelay;
let world: IntakeWorld;
let rows: OrganizationRows;
let harness: FuzzHarness;
const templates: Record<string, Record<string, unknown>> = {};
/** the mutations' outcomes (APPLIED or the refusal code), printed at the end */
const outcomes = new Map<string, number>();

beforeAll(async () => {
  console.info(
    `fuzz seed ${SEED} (scale ${SCALE}); replay: FUZZ_SEED=${SEED} npx vitest run relay/src/http/fuzz.test.ts`,
  );
  db = await createTestDatabase('http_fuzz');
  relay = await startTestRelay(db, {
    SIGN_IN_LIMIT_PER_IP: '100000',
    SIGN_IN_LIMIT_PER_EMAIL: '1000',
    INTAKE_RATE_LIMIT: '10000000',
    INTAKE_MIN_FILL_SECONDS: '0',
    LIVE_POLL_TIMEOUT_MS: '100',
    // nothing writes behind the requests' backs: no job loop, no hold sweep within the run
    JOBS_ENABLED: 'false',
    HOLD_EXPIRY_INTERVAL_SECONDS: '86400',
  });
  world = await intakeWorld(db.sql);
  rows = await fillEveryTable(db.sql, world.organizationId, world.owner.userId);
  const argWorld = { ...rows, organizationId: world.organizationId, ownerId: world.owner.userId };
  for (const name of mutationNames) templates[name] = await argsFor(name, argWorld, db.sql);

  harness = await FuzzHarness.start(relay, db.sql);
}, 60_000);

afterAll(async () => {
  console.info(`fuzz mutation outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  if (harness) console.info(harness.summary());
  await relay?.stop();
  await db?.drop();
});

const json = (body: Json | string, headers: Record<string, string> = {}) => ({
  body: typeof body === 'string' ? body : jsonText(body),
  headers: { 'content-type': 'application/json', ...headers },
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A body: mostly the route's own fields (valid or hostile), sometimes anything at all. */
const bodyOf = (fields: Record<string, fc.Arbitrary<Json>>) =>
  fc.oneof({ arbitrary: objectBody(fields).map(jsonText), weight: 5 }, { arbitrary: oddBody, weight: 1 });

function assertProperty<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncPropertyWithHooks<Ts>,
  numRuns: number,
  offset: number,
) {
  return fc.assert(property, { seed: SEED + offset, numRuns: runs(numRuns) });
}

// each test runs hundreds of cases through a real relay: on a busy machine that takes minutes,
// and a test here judges answers, never time
describe('the relay under fuzz', { timeout: 180_000 }, () => {
  it('should refuse hostile sign-in and verify bodies in words', async () => {
    const email = fc.oneof(fc.emailAddress(), hostileText, fc.constant(world.owner.email));
    const body = fc.oneof(
      bodyOf({ email, deviceName: hostileText }).map((b) => ({ path: '/v1/auth/sign-in', body: b })),
      bodyOf({
        email,
        code: fc.oneof(fc.stringMatching(/^\d{6}$/), hostileText),
        token: fc.oneof(fc.base64String({ minLength: 20, maxLength: 60 }), hostileText),
        deviceName: hostileText,
      }).map((b) => ({ path: '/v1/auth/verify', body: b })),
    );
    await assertProperty(
      fc.asyncProperty(
        fc.tuple(body, fc.oneof({ arbitrary: fc.constant('application/json'), weight: 4 }, contentType)),
        async ([{ path, body: text }, type]) => {
          const answer = await harness.check(
            { method: 'POST', path, body: text, headers: type ? { 'content-type': type } : {} },
            // a wrong code counts against the sign-in it was for
            ['sign_in_tokens'],
          );
          if (answer.status >= 400) expect(JSON.parse(answer.text)).toMatchObject({ code: expect.any(String) });
        },
      ),
      600,
      1,
    );
  });

  it('should refuse hostile session tokens and sign-in links', async () => {
    const request = fc.oneof(
      headerValue.map((auth) => ({ method: 'GET', path: '/v1/auth/session', headers: { authorization: auth } })),
      headerValue.map((auth) => ({ method: 'POST', path: '/v1/auth/sign-out', headers: { authorization: auth } })),
      urlPart.map((token) => ({ method: 'GET', path: `/sign-in?token=${token}` })),
      urlPart.map((query) => ({ method: 'GET', path: `/healthz?${query}=${query}` })),
    );
    await assertProperty(
      fc.asyncProperty(request, async (r) => void (await harness.check(r))),
      300,
      2,
    );
  });

  it('should answer every mutation batch with a result per mutation, and write nothing of a refused one', async () => {
    const names = mutationNames;
    // the envelope's own fields are mostly right (one wrong one refuses the whole batch with a
    // 400), so that most cases reach the mutations themselves
    const rarely = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: usual, weight: 15 }, { arbitrary: odd, weight: 1 });
    const envelope = fc.record({
      id: rarely<Json>(fc.uuid().map(String), hostileJson),
      name: fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 8 }, { arbitrary: hostileText, weight: 1 }),
      args: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: hostileJson, weight: 1 }),
      at: rarely<Json>(
        fc.constant(new Date().toISOString()),
        fc.oneof(
          hostileText,
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
        ),
      ),
      after: rarely<Json>(fc.oneof(fc.constant([]), fc.array(fc.uuid().map(String), { maxLength: 2 })), hostileJson),
    });
    // arguments near a valid template (a field or two wrong) or anything at all
    const withArgs = envelope.chain((e) =>
      (e.args === null && typeof e.name === 'string' && templates[e.name]
        ? nearlyValid(templates[e.name]!)
        : fc.constant(e.args)
      ).map((args): Json => object({ id: e.id, name: e.name, args, at: e.at, after: e.after })),
    );
    const batch = fc.record({
      organizationId: fc.oneof(
        { arbitrary: fc.constant(world.organizationId), weight: 12 },
        { arbitrary: fc.uuid().map(String), weight: 1 },
        { arbitrary: hostileJson, weight: 1 },
      ),
      mutations: rarely<Json>(fc.array(withArgs, { minLength: 1, maxLength: 4 }), hostileJson),
    });
    const token = fc.oneof(
      { arbitrary: fc.constant(world.owner.token), weight: 8 },
      fc.constantFrom(world.staff.token, 'not-a-session'),
    );
    await assertProperty(
      fc.asyncProperty(
        fc.tuple(fc.oneof({ arbitrary: batch.map((b) => jsonText(object(b))), weight: 15 }, oddBody), token),
        async ([body, session]) => {
          const before = await harness.writes();
          const answer = await harness.check({ method: 'POST', path: '/v1/mutations', ...json(body, bearer(session)) });
          if (answer.status !== 200) return;
          const { results } = JSON.parse(answer.text) as { results: { outcome: string; code?: string }[] };
          for (const r of results) outcomes.set(r.code ?? r.outcome, (outcomes.get(r.code ?? r.outcome) ?? 0) + 1);
          const sent = (JSON.parse(body) as { mutations: unknown[] }).mutations;
          expect(results).toHaveLength(sent.length);
          if (results.every((r) => r.outcome === 'REFUSED')) {
            expect(
              harness.changedTables(before, await harness.writes(), ['mutation_ledger']),
              body.slice(0, 500),
            ).toEqual([]);
          }
        },
      ),
      700,
      3,
    );
  });

  it('should refuse hostile intake forms in words, as JSON and as a page', async () => {
    const fields = Object.fromEntries(
      Object.entries(validFields()).map(([name, value]) => [name, fc.constant(value as Json)]),
    );
    const path = fc.oneof(
      { arbitrary: fc.constant(world.path), weight: 8 },
      { arbitrary: fc.tuple(urlPart, urlPart).map(([o, v]) => `/request/${o}/${v}`), weight: 1 },
      { arbitrary: urlPart.map((v) => `/request/${world.orgSlug}/${v}`), weight: 1 },
    );
    const token = () =>
      fc.oneof(
        { arbitrary: fc.constant(null).map(() => formToken(relay, world.venueId) as Json), weight: 4 },
        { arbitrary: hostileJson, weight: 1 },
      );
    const jsonPost = fc.tuple(nearlyValid(validFields()), token()).map(([body, formToken]): FuzzRequest => {
      const entries = (body as { entries: (readonly [string, Json])[] }).entries;
      return { method: 'POST', path: '', ...json({ entries: [...entries, ['formToken', formToken]] }) };
    });
    const formPost = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(fields)), hostileText), { maxLength: 3 }),
        fc.array(fc.tuple(hostileText, hostileText), { maxLength: 2 }),
      )
      .map(([replaced, extra]): FuzzRequest => {
        const values: [string, string][] = [
          ...Object.entries({ ...validFields(), ...Object.fromEntries(replaced) }),
          ['formToken', formToken(relay, world.venueId)],
          ...extra,
        ];
        const body = values.map(([k, v]) => `${urlEncoded(k)}=${urlEncoded(v)}`).join('&');
        return {
          method: 'POST',
          path: '',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        };
      });
    const odd = fc.tuple(oddBody, contentType).map(([body, type]): FuzzRequest => ({
      method: 'POST',
      path: '',
      body,
      headers: type ? { 'content-type': type } : {},
    }));
    const get = fc.constant({ method: 'GET', path: '' } as FuzzRequest);
    await assertProperty(
      fc.asyncProperty(
        fc.tuple(path, fc.oneof({ arbitrary: jsonPost, weight: 4 }, { arbitrary: formPost, weight: 4 }, odd, get)),
        async ([at, request]) => {
          const answer = await harness.check({ ...request, path: at });
          // a page for a browser's form post to the form's address, never a JSON error it cannot show
          if (at === world.path && request.headers?.accept === 'text/html' && answer.status >= 400) {
            expect(answer.text).toMatch(/<html/i);
          }
        },
      ),
      600,
      4,
    );
  });

  it('should refuse hostile shape requests and counts', async () => {
    const tableNames = syncedTables.map((t) => t.name);
    // mostly a request the client would send, with one or two parts hostile
    const usually = (value: string, odd: fc.Arbitrary<string> = urlPart) =>
      fc.oneof({ arbitrary: fc.constant(value), weight: 4 }, { arbitrary: odd, weight: 1 });
    const sometimes = (value: fc.Arbitrary<string>) =>
      fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: value, weight: 1 });
    const query = fc
      .record({
        table: fc.oneof({ arbitrary: fc.constantFrom(...tableNames), weight: 6 }, urlPart),
        offset: fc.oneof(
          { arbitrary: fc.constant('-1'), weight: 4 },
          fc.constantFrom('now', '0_0', '1_0', '-2', '99999999999999999999_0', '0_99999999999999999999'),
          urlPart,
        ),
        where: usually(urlEncoded('"organization_id" = $1')),
        'params[1]': usually(world.organizationId),
        organization_id: usually(world.organizationId),
        handle: sometimes(urlPart),
        live: sometimes(fc.constantFrom('true', 'false', 'yes', '%00')),
        'params[2]': sometimes(urlPart),
        params: sometimes(urlPart),
        replica: sometimes(fc.constantFrom('full', 'default', 'partial', '')),
        log: sometimes(fc.constantFrom('full', 'changes_only', 'x')),
        columns: sometimes(fc.oneof(fc.constant('id,organization_id'), urlPart)),
        subset__limit: sometimes(urlPart),
      })
      .map((q) =>
        Object.entries(q)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${k}=${v}`)
          .join('&'),
      );
    const request = fc
      .tuple(fc.constantFrom('/v1/shape', '/v1/shape-counts'), query, fc.boolean())
      .map(([path, q, signedIn]): FuzzRequest => ({
        method: 'GET',
        path: `${path}?${q}`,
        headers: signedIn ? bearer(world.owner.token) : {},
      }));
    await assertProperty(
      fc.asyncProperty(request, async (r) => void (await harness.check(r))),
      400,
      5,
    );
  });

  it('should refuse hostile document and delivery-problem requests', async () => {
    const id = fc.oneof(fc.constant(rows.eventId), fc.constant(world.organizationId), urlPart);
    const request = fc.tuple(
      fc.oneof(
        id.map((d) => ({ method: 'GET', path: `/v1/documents/${d}` })),
        fc
          .tuple(id, fc.oneof(fc.constantFrom('settlement', 'ADVANCE', 'confirmation'), urlPart))
          .map(([e, kind]) => ({ method: 'POST', path: `/v1/events/${e}/documents/${kind}` })),
        id.map((e) => ({ method: 'GET', path: `/v1/events/${e}/documents/renders` })),
        id.map((o) => ({ method: 'GET', path: `/v1/organizations/${o}/delivery-problems` })),
        fc
          .tuple(id, fc.oneof(fc.constantFrom('1', '0', '99999999999999999999'), urlPart))
          .map(([o, j]) => ({ method: 'POST', path: `/v1/organizations/${o}/delivery-problems/${j}/retry` })),
      ),
      fc.constantFrom(world.owner.token, world.staff.token, ''),
      fc.option(bodyOf({ kind: hostileJson }), { freq: 2 }),
    );
    await assertProperty(
      fc.asyncProperty(request, async ([r, token, body]) => {
        const headers = token ? bearer(token) : {};
        await harness.check(body === null ? { ...r, headers } : { ...r, ...json(body, headers) });
      }),
      300,
      6,
    );
  });

  it('should refuse hostile note-room connections and survive hostile messages in a room', async () => {
    const connection = fc.record({
      path: fc.oneof(
        {
          arbitrary: fc.constantFrom('advance-notes', 'run-of-show').map((n) => `/v1/notes/${rows.eventId}/${n}`),
          weight: 3,
        },
        fc.tuple(urlPart, urlPart).map(([e, n]) => `/v1/notes/${e}/${n}`),
      ),
      protocols: fc.oneof(
        { arbitrary: fc.constant([NOTES_PROTOCOL, `${NOTES_BEARER_PREFIX}${world.owner.token}`]), weight: 3 },
        fc.array(fc.oneof(fc.constant(NOTES_PROTOCOL), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), {
          maxLength: 3,
        }),
      ),
      // what an editor sends once in: y-websocket frames with their bytes garbled, or any bytes
      messages: fc.array(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0, 2, ...b])),
          fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0, 0, ...b])),
          hostileText.filter((t) => t.length < 10_000),
        ),
        { maxLength: 3 },
      ),
    });
    // y-protocols reports each update it cannot read on console.error (and drops it): quiet here
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const open = (path: string, protocols: string[]) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${relay.url.replace('http', 'ws')}${path}`, protocols);
        ws.on('open', () => {
          ws.close(1000);
          resolve('open');
        });
        ws.on('close', (code) => resolve(`closed ${code}`));
      });
    try {
      await assertProperty(
        fc.asyncProperty(connection, async ({ path, protocols, messages }) => {
          let ws: WebSocket;
          try {
            ws = new WebSocket(`${relay.url.replace('http', 'ws')}${path}`, [...protocols]);
          } catch {
            return; // a subprotocol the client itself refuses to send
          }
          const outcome = await new Promise<string>((resolve) => {
            ws.on('unexpected-response', (_request, response) => resolve(`status ${response.statusCode ?? 0}`));
            ws.on('error', (error) => resolve(`error ${error.message}`));
            ws.on('close', (code) => resolve(`closed ${code}`));
            ws.on('open', () => {
              for (const message of messages) ws.send(message);
              // a moment for the room to read them, then leave
              setTimeout(() => {
                ws.close(1000);
                resolve('open');
              }, 20);
            });
          });
          ws.terminate();
          const status = /^status (\d+)/.exec(outcome);
          expect(status ? Number(status[1]) : 0, `${outcome} for ${path}`).toBeLessThan(500);
          expect(outcome, path).not.toMatch(/^closed 10(11|12)/);
        }),
        150,
        8,
      );
    } finally {
      quiet.mockRestore();
    }
    // the rooms are still there to edit, and what they hold still stores
    const editor = [NOTES_PROTOCOL, `${NOTES_BEARER_PREFIX}${world.owner.token}`];
    expect(await open(`/v1/notes/${rows.eventId}/run-of-show`, editor)).toBe('open');
    await relay.notes.flush();
    expect((await harness.send({ method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('should answer anything on any path without a 5xx', async () => {
    const path = fc.oneof(
      fc.array(urlPart, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
      fc
        .tuple(fc.constantFrom('/v1/', '/v1/auth/', '/request/', '/v1/notes/', '/request-assets/', '/'), urlPart)
        .map(([p, x]) => `${p}${x}`),
      fc.constantFrom('/metrics', '/healthz', '/v1/mutations', '/request-assets/intake-form.js?v=%00'),
    );
    const request = fc
      .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), path, contentType, oddBody)
      .map(([method, p, type, body]): FuzzRequest => ({
        method,
        path: p,
        headers: { ...(type ? { 'content-type': type } : {}), ...bearer(world.owner.token) },
        body,
      }));
    await assertProperty(
      fc.asyncProperty(request, async (r) => void (await harness.check(r))),
      300,
      7,
    );
  });

  it('should still be up and answering afterwards', async () => {
    const health = await harness.send({ method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' });
    // and still applies a plain edit
    const edit = await harness.send({
      method: 'POST',
      path: '/v1/mutations',
      ...json(
        object({
          organizationId: world.organizationId,
          mutations: [
            object({
              id: randomUUID(),
              name: 'task.create',
              args: object({ taskId: randomUUID(), eventId: rows.eventId, title: 'After the storm' }),
              at: new Date().toISOString(),
            }),
          ],
        }),
        bearer(world.owner.token),
      ),
    });
    expect(JSON.parse(edit.text)).toMatchObject({ results: [{ outcome: 'APPLIED' }] });
  });
});
