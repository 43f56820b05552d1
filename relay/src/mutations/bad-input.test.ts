// What POST /v1/mutations says to a body it cannot use: a 4xx naming the problem, nothing written.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { MAX_MUTATIONS_PER_BATCH } from '@promoteros/shared/mutations';
import { useMutationWorld } from '../testing/mutation-world.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('POST /v1/mutations with bad input', () => {
  const world = useMutationWorld('mutation_bad_input', 'Basement Bar', { everyTable: false });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${world.relay.url}/v1/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.owner.token}`, ...headers },
      body,
    });
  const task = () => envelope('task.complete', { taskId: randomUUID() });
  const ledgerSize = async () => (await world.db.sql`SELECT count(*)::int AS n FROM mutation_ledger`)[0]!.n as number;

  it('should answer 401 without a valid session', async () => {
    const batch = { organizationId: world.organizationId, mutations: [task()] };
    expect((await sendBatch(world.relay, undefined, batch)).status).toBe(401);
    const unknown = await sendBatch(world.relay, 'not-a-session-token-at-all', batch);
    expect(unknown).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
    expect(await ledgerSize()).toBe(0);
  });

  it('should answer 400 to a body that is not JSON or not an object', async () => {
    expect(await (await post('{"organizationId": ')).json()).toEqual({
      code: 'malformed_json',
      message: 'the request body is not valid JSON',
    });
    const list = await post(JSON.stringify([task()]));
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ message: 'the request body must be a JSON object' });
    const text = await post('hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('should answer 400 naming each missing or malformed field', async () => {
    const missing = await sendBatch(world.relay, world.owner.token, { mutations: [task()] });
    expect(missing).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(missing.body.errors).toHaveProperty('organizationId');

    const { at: _at, ...noTime } = task();
    const bad = await sendBatch(world.relay, world.owner.token, {
      organizationId: world.organizationId,
      mutations: [{ ...task(), id: 'seven' }, noTime, { ...task(), after: ['x'] }],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors!).sort()).toEqual(['mutations.0.id', 'mutations.1.at', 'mutations.2.after.0']);
    expect(bad.body.message).toContain('mutations.0.id must be a uuid');

    const empty = await sendBatch(world.relay, world.owner.token, {
      organizationId: world.organizationId,
      mutations: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toHaveProperty('mutations');
    expect(await ledgerSize()).toBe(0);
  });

  it('should answer 400 to more mutations than a batch may carry, saying how many it may', async () => {
    const mutations = Array.from({ length: MAX_MUTATIONS_PER_BATCH + 1 }, task);
    const { status, body } = await sendBatch(world.relay, world.owner.token, {
      organizationId: world.organizationId,
      mutations,
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 'too_many_mutations',
      message: `a batch may carry at most ${MAX_MUTATIONS_PER_BATCH} mutations, this one has ${MAX_MUTATIONS_PER_BATCH + 1}: send them in several batches, in order`,
    });
    expect(await ledgerSize()).toBe(0);
  });

  it('should answer 413 to a body over one MiB', async () => {
    const huge = envelope('task.create', { taskId: randomUUID(), title: 'x'.repeat(1024 * 1024) });
    const response = await post(JSON.stringify({ organizationId: world.organizationId, mutations: [huge] }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await ledgerSize()).toBe(0);
  });

  it('should accept a body just under one MiB, refusing the oversized argument in words', async () => {
    const big = envelope('task.create', { taskId: randomUUID(), eventId: randomUUID(), title: 'x'.repeat(1_040_000) });
    const { status, body } = await sendBatch(world.relay, world.owner.token, {
      organizationId: world.organizationId,
      mutations: [big],
    });
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({
      outcome: 'REFUSED',
      code: 'invalid_arguments',
      reason: 'title: must be at most 200 characters',
    });
  });

  it('should name the first few of hundreds of bad arguments, not all of them', async () => {
    const reorder = envelope('task.reorder', {
      eventId: randomUUID(),
      taskIds: Array.from({ length: 400 }, (_, n) => n),
    });
    const { status, body } = await sendBatch(world.relay, world.owner.token, {
      organizationId: world.organizationId,
      mutations: [reorder],
    });
    expect(status).toBe(200);
    const { reason } = body.results[0] as { reason: string };
    expect(reason).toMatch(/^taskIds\.0: .+; taskIds\.1: /);
    expect(reason).toMatch(/; and \d+ more$/);
    expect(reason.length).toBeLessThan(1000);
  });
});
