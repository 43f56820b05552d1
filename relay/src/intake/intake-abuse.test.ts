// The public form's defences: each one a clear answer, and none of them leaves a row behind.
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.js';
import { startTestRelay } from '../testing/test-relay.js';
import { FormTokens } from './form-token.js';
import {
  formToken,
  intakeWorld,
  postForm,
  postJson,
  rowCounts,
  validFields,
  useIntakeRelay,
} from '../testing/intake-world.js';

const world = useIntakeRelay('intake_abuse', {
  INTAKE_RATE_LIMIT: '10000',
  INTAKE_MIN_FILL_SECONDS: '5',
  // one address sends every form here: its confirmations have a test of their own
  INTAKE_EMAILS_PER_ADDRESS_PER_DAY: '10000',
});

const nothingFiled = async () =>
  expect(await rowCounts(world.db.sql, world.organizationId)).toEqual({
    requests: 0,
    decisions: 0,
    audits: 0,
    jobs: 0,
  });

describe('the intake form against abuse', () => {
  it('should pretend a form with the honeypot filled was sent, and store nothing', async () => {
    const fields = {
      ...validFields({ website: 'http://cheap-pills.example' }),
      formToken: formToken(world.relay, world.venueId),
    };
    const json = await postJson(world.relay, world.path, fields);
    expect(json.status).toBe(201);
    expect(json.json!.reference).toMatch(/^REQ-/);
    const page = await postForm(world.relay, world.path, fields);
    expect(page.status).toBe(201);
    expect(page.text).toContain('Request sent');
    await nothingFiled();
  });

  it('should ask a form sent faster than a person fills it in to take a moment, and store nothing', async () => {
    const fresh = formToken(world.relay, world.venueId, 500);
    const json = await postJson(world.relay, world.path, { ...validFields(), formToken: fresh });
    expect(json.status).toBe(400);
    expect(json.json!.code).toBe('too_fast');
    expect(json.json!.message).toMatch(/^Please take a moment to check your request/);
    const page = await postForm(world.relay, world.path, { ...validFields(), formToken: fresh });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Please take a moment to check your request');
    // the values stay in the form, with the same token, so sending it again a little later works
    expect(page.text).toContain('value="The Late Trains"');
    expect(page.text).toContain(`value="${fresh}"`);
    await nothingFiled();
  });

  it('should show what to fix before asking a fast sender to wait', async () => {
    const fresh = formToken(world.relay, world.venueId, 500);
    const answer = await postJson(world.relay, world.path, { ...validFields({ email: 'nope' }), formToken: fresh });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid_request', errors: { email: expect.any(String) } });
    await nothingFiled();
  });

  it('should refuse a forged, missing or other venue’s form token and hand out a fresh one', async () => {
    const forged = new FormTokens('not-the-relay-secret-not-the-relay-secret', 0).issue(
      world.venueId,
      Date.now() - 60_000,
    );
    const other = await intakeWorld(world.db.sql);
    for (const token of [forged, undefined, 'a.b.c', formToken(world.relay, other.venueId)]) {
      const answer = await postJson(world.relay, world.path, { ...validFields(), formToken: token });
      expect(answer.status).toBe(400);
      expect(answer.json!.code).toBe('form_token_invalid');
      expect(answer.json!.formToken).toEqual(expect.any(String));
    }
    await nothingFiled();
  });

  it('should refuse a form left open longer than a day', async () => {
    const old = formToken(world.relay, world.venueId, 25 * 60 * 60 * 1000);
    const answer = await postJson(world.relay, world.path, { ...validFields(), formToken: old });
    expect(answer.status).toBe(400);
    expect(answer.json!.code).toBe('form_expired');
    await nothingFiled();
  });

  it('should refuse a body larger than the limit with 413, as JSON and as a page', async () => {
    const huge = {
      ...validFields({ description: 'x'.repeat(300 * 1024) }),
      formToken: formToken(world.relay, world.venueId),
    };
    const json = await postJson(world.relay, world.path, huge);
    expect(json.status).toBe(413);
    expect(json.json!.code).toBe('payload_too_large');
    const page = await postForm(world.relay, world.path, huge);
    expect(page.status).toBe(413);
    expect(page.text).toContain('Your request is too large');
    await nothingFiled();
  });

  it('should refuse text that cannot be stored in any field with 400 naming it, as JSON and as a page', async () => {
    const textFields = ['name', 'email', 'phone', 'company', 'artist', 'eventTitle', 'description', 'dealNotes'];
    const formatFields = ['preferredDate', 'startTime', 'alternativeDate', 'expectedAttendance', 'budgetMin'];
    for (const field of [...textFields, ...formatFields, 'techNeeds']) {
      const good = validFields()[field]!;
      // a NUL inside the value, and (JSON only: a form post cannot carry one) the end of an emoji cut off
      for (const [how, value] of [
        ['NUL', `${good.slice(0, 2)}\u0000${good.slice(2)}`],
        ['cut emoji', `${good} 🎸`.slice(0, -1)],
      ] as const) {
        const fields = { ...validFields({ [field]: value }), formToken: formToken(world.relay, world.venueId) };
        const json = await postJson(world.relay, world.path, fields);
        expect(json.status, `${field} ${how}`).toBe(400);
        expect(json.json, `${field} ${how}`).toMatchObject({ code: 'invalid_request' });
        expect(Object.keys(json.json!.errors as object), `${field} ${how}`).toEqual([field]);
        if (textFields.includes(field)) {
          expect((json.json!.errors as Record<string, string>)[field]).toContain(
            'contains a character that cannot be stored',
          );
        }
        if (how !== 'NUL') continue;
        const page = await postForm(world.relay, world.path, fields);
        expect(page.status, field).toBe(400);
        // the message next to its field, and the value shown again with the character marked
        expect(page.text).toMatch(new RegExp(`id="f-${field}-error">[^<]+</p>`));
        expect(page.text).not.toContain('\u0000');
      }
    }
    await nothingFiled();
  });

  it('should file one request for the same form sent twice, and give both sends its reference', async () => {
    const token = formToken(world.relay, world.venueId);
    const first = await postJson(world.relay, world.path, { ...validFields(), formToken: token });
    const again = await postForm(world.relay, world.path, { ...validFields(), formToken: token });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.text).toContain(first.json!.reference as string);
    const racing = formToken(world.relay, world.venueId);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postJson(world.relay, world.path, { ...validFields(), formToken: racing })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json!.reference)).size).toBe(1);
    const counts = await rowCounts(world.db.sql, world.organizationId);
    expect(counts).toMatchObject({ requests: 2, decisions: 2, audits: 2, jobs: 6 });
  });
});

describe('the intake rate limit', () => {
  it('should answer 429 with Retry-After once one address has sent its share, and file nothing more', async () => {
    const limitedDb = await createTestDatabase('intake_rate');
    const limited = await startTestRelay(limitedDb); // the default limit: 20 an hour
    try {
      const here = await intakeWorld(limitedDb.sql);
      const answers = [];
      for (let i = 0; i < 100; i += 1) {
        answers.push(
          await postJson(limited, here.path, { ...validFields(), formToken: formToken(limited, here.venueId) }),
        );
      }
      expect(answers.slice(0, 20).every((a) => a.status === 201)).toBe(true);
      const refused = answers.slice(20);
      expect(refused.every((a) => a.status === 429)).toBe(true);
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(60 * 59);
      expect(refused[0]!.json).toMatchObject({ code: 'rate_limited' });
      expect(refused[0]!.json!.message).toMatch(/Too many requests have been sent from your network/);
      const page = await postForm(limited, here.path, {
        ...validFields(),
        formToken: formToken(limited, here.venueId),
      });
      expect(page.status).toBe(429);
      expect(page.text).toContain('Too many requests');
      expect((await rowCounts(limitedDb.sql, here.organizationId)).requests).toBe(20);
    } finally {
      await limited.stop();
      await limitedDb.drop();
    }
  });

  it('should count one address across relays and restarts: the counts are the database’s', async () => {
    const sharedDb = await createTestDatabase('intake_rate_shared');
    const here = await intakeWorld(sharedDb.sql);
    const send = async (relay: Awaited<ReturnType<typeof startTestRelay>>) =>
      (await postJson(relay, here.path, { ...validFields(), formToken: formToken(relay, here.venueId) })).status;
    const one = await startTestRelay(sharedDb, { INTAKE_RATE_LIMIT: '3' });
    const two = await startTestRelay(sharedDb, { INTAKE_RATE_LIMIT: '3' });
    try {
      expect([await send(one), await send(two)]).toEqual([201, 201]);
      await one.stop();
      const restarted = await startTestRelay(sharedDb, { INTAKE_RATE_LIMIT: '3' });
      try {
        expect([await send(restarted), await send(two), await send(restarted)]).toEqual([201, 429, 429]);
      } finally {
        await restarted.stop();
      }
    } finally {
      await Promise.all([one.stop(), two.stop()]);
      await sharedDb.drop();
    }
  });
});
