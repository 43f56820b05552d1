// The request page writes its numbers in the venue's organization's locale, its words in English:
// the attendance hint, and the messages of a form sent back with problems (as a page without
// JavaScript, as JSON to the script), which reads the attendance as the hint wrote it. The
// script is handed the locale to check with the same words. A locale the owner changes reaches
// the page; one the runtime cannot write in falls back to en-US.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';
import { formToken, intakeWorld, postForm, postJson, validFields, type IntakeWorld } from '../testing/intake-world.js';

let db: TestDatabase;
let relay: TestRelay;
let american: IntakeWorld;
let german: IntakeWorld;

const hall = { capacity: 2500, minAttendance: 1200, timezone: 'Europe/Berlin' };

beforeAll(async () => {
  db = await createTestDatabase('intake_locale');
  relay = await startTestRelay(db, { INTAKE_RATE_LIMIT: '10000', INTAKE_EMAILS_PER_ADDRESS_PER_DAY: '10000' });
  american = await intakeWorld(db.sql, { ...hall, locale: 'en-US' });
  german = await intakeWorld(db.sql, { ...hall, locale: 'de-DE' });
});
afterAll(async () => {
  await relay?.stop();
  await db?.drop();
});

const page = async (world: IntakeWorld) => (await fetch(`${relay.url}${world.path}`)).text();
const hint = (html: string) => /<p class="hint" id="f-expectedAttendance-hint">([^<]*)<\/p>/.exec(html)?.[1];
const fields = (world: IntakeWorld, overrides: Record<string, string>) => ({
  ...validFields(overrides),
  formToken: formToken(relay, world.venueId),
});

describe('the request page in the organization’s locale', () => {
  it('should write the attendance range as the locale does, and hand the locale to the page’s script', async () => {
    const en = await page(american);
    expect(hint(en)).toBe('Between 1,200 and 2,500 people');
    expect(en).toContain('data-locale="en-US"');
    const de = await page(german);
    expect(hint(de)).toBe('Between 1.200 and 2.500 people');
    expect(de).toContain('data-locale="de-DE"');
    // the words stay English
    expect(de).toContain('<label for="f-expectedAttendance">Expected attendance</label>');
  });

  it('should write the numbers of a refused form’s messages in the locale, on the page and in JSON', async () => {
    const tooMany = { expectedAttendance: '3000', description: 'x'.repeat(5001) };
    const json = await postJson(relay, german.path, fields(german, tooMany));
    expect(json.status).toBe(400);
    expect(json.json!.errors).toEqual({
      description: 'Description must be at most 5.000 characters',
      expectedAttendance: "Expected attendance must be between 1.200 and 2.500 (the venue's capacity)",
    });
    const form = await postForm(relay, german.path, fields(german, tooMany));
    expect(form.status).toBe(400);
    expect(form.text).toContain('Expected attendance must be between 1.200 and 2.500 (the venue&#39;s capacity)');
    expect(form.text).toContain('Description must be at most 5.000 characters');

    const english = await postJson(relay, american.path, fields(american, tooMany));
    expect(english.json!.errors).toMatchObject({
      expectedAttendance: "Expected attendance must be between 1,200 and 2,500 (the venue's capacity)",
    });
  });

  it('should file an attendance typed as the hint writes it', async () => {
    const sent = await postJson(relay, german.path, fields(german, { expectedAttendance: '2.000' }));
    expect(sent.status).toBe(201);
    const [row] = await db.sql<{ expected_attendance: number }[]>`
      SELECT expected_attendance FROM event_requests WHERE organization_id = ${german.organizationId}`;
    expect(row).toEqual({ expected_attendance: 2000 });
    // in en-US a dot is no thousands separator: refused, as before
    const refused = await postJson(relay, american.path, fields(american, { expectedAttendance: '2.000' }));
    expect(refused.json!.errors).toEqual({ expectedAttendance: 'Enter the expected attendance as a whole number' });
  });

  it('should follow the locale the owner sets, and fall back to en-US for one it cannot write in', async () => {
    const { body } = await sendBatch(relay, american.owner.token, {
      organizationId: american.organizationId,
      mutations: [envelope('organization.setLocale', { locale: 'fr-FR' })],
    });
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED' });
    // the page's venue details are kept for a few seconds (intake-venue.ts): the change shows after
    await expect
      .poll(async () => hint(await page(american)), { timeout: 20_000, interval: 500 })
      .toBe('Between 1 200 and 2 500 people');

    // a tag of the right shape that no runtime writes in, set by an operator
    await db.sql`UPDATE organizations SET locale = 'xx-YY' WHERE id = ${german.organizationId}`;
    await expect
      .poll(async () => hint(await page(german)), { timeout: 20_000, interval: 500 })
      .toBe('Between 1,200 and 2,500 people');
    const refused = await postJson(relay, german.path, fields(german, { expectedAttendance: '3000' }));
    expect(refused.json!.errors).toEqual({
      expectedAttendance: "Expected attendance must be between 1,200 and 2,500 (the venue's capacity)",
    });
  });
});
