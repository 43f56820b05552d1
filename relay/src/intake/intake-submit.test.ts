// Filing a request from the public page: what one submission writes (in one transaction), how
// bad fields are refused (naming them, writing nothing), and the venue's clock across a
// daylight-saving change.
import { describe, expect, it } from 'vitest';
import { createMember } from '../testing/fixtures.js';
import {
  daysAhead,
  formToken,
  postForm,
  postJson,
  rowCounts,
  validFields,
  useIntakeRelay,
} from '../testing/intake-world.js';

const world = useIntakeRelay('intake_submit', {
  INTAKE_RATE_LIMIT: '10000',
  // one address sends every form here: its confirmations have a test of their own
  INTAKE_EMAILS_PER_ADDRESS_PER_DAY: '10000',
});

const send = (fields: Record<string, string>) =>
  postJson(world.relay, world.path, { ...fields, formToken: formToken(world.relay, world.venueId) });

describe('a request sent from the public page', () => {
  it('should file the request, its first decision, an audit entry and the jobs in one go', async () => {
    const before = await rowCounts(world.db.sql, world.organizationId);
    const answer = await send(validFields());
    expect(answer.status).toBe(201);
    const reference = answer.json!.reference as string;
    expect(reference).toMatch(/^REQ-[0-9A-HJKMNP-TV-Z]{6}$/);

    const [request] = await world.db.sql`SELECT * FROM event_requests WHERE reference = ${reference}`;
    expect(request).toMatchObject({
      organization_id: world.organizationId,
      venue_id: world.venueId,
      status: 'NEW',
      contact_name: 'Robin Agent',
      contact_email: 'robin@example.com',
      contact_phone: '+1 555 0100',
      company: 'Night Shift Booking',
      artist_name: 'The Late Trains',
      event_title: 'Late Trains: Winter Run',
      expected_attendance: 450,
      budget_min_cents: 250000n,
      budget_max_cents: 400050n,
      deal_notes: '70/30 door split after costs',
      tech_needs: 'Drum riser, 4 wedges',
      promoter_user_id: null,
    });
    expect(request!.alternative_start).not.toBeNull();

    const decisions = await world.db
      .sql`SELECT from_status, to_status, actor_user_id FROM decision_logs WHERE request_id = ${request!.id}`;
    expect(decisions).toEqual([{ from_status: null, to_status: 'NEW', actor_user_id: null }]);
    const audits = await world.db
      .sql`SELECT action, entity_table, details FROM audit_logs WHERE entity_id = ${request!.id}`;
    expect(audits).toEqual([
      { action: 'request.submit', entity_table: 'event_requests', details: { source: 'intake-page', reference } },
    ]);

    const jobs = await world.db.sql<{ kind: string; payload: Record<string, unknown> }[]>`
      SELECT kind, payload FROM jobs WHERE payload->>'requestId' = ${request!.id} ORDER BY id`;
    expect(jobs.map((j) => j.kind)).toEqual(['request.received', 'request.new_for_manager', 'request.new_for_manager']);
    expect(jobs[0]!.payload).toMatchObject({ reference, to: { email: 'robin@example.com', name: 'Robin Agent' } });
    const notified = jobs.slice(1).map((j) => j.payload.userId);
    // the OWNER and the MANAGER, not the STAFF member
    expect(notified.sort()).toEqual([world.owner.userId, world.manager.userId].sort());
    expect(jobs[1]!.payload).toMatchObject({ reference, requestId: request!.id, venueName: 'The Main Room' });

    const after = await rowCounts(world.db.sql, world.organizationId);
    expect(after).toEqual({
      requests: before.requests + 1,
      decisions: before.decisions + 1,
      audits: before.audits + 1,
      jobs: before.jobs + 3,
    });
  });

  it('should show a request sent from the public page to the promoter member whose address it gives', async () => {
    const promoter = await createMember(world.db.sql, [{ organizationId: world.organizationId, role: 'PROMOTER' }]);
    const theirs = await send(validFields({ email: promoter.email.toUpperCase() }));
    const someoneElses = await send(validFields({ email: 'someone.else@example.com' }));
    expect([theirs.status, someoneElses.status]).toEqual([201, 201]);
    const rows = await world.db.sql<{ reference: string; promoter_user_id: string | null }[]>`
      SELECT reference, promoter_user_id FROM event_requests
       WHERE reference IN (${String(theirs.json!.reference)}, ${String(someoneElses.json!.reference)})
       ORDER BY reference = ${String(theirs.json!.reference)} DESC`;
    expect(rows.map((r) => r.promoter_user_id)).toEqual([promoter.userId, null]);
  });

  it('should answer a form post with a confirmation page that shows the reference', async () => {
    const answer = await postForm(world.relay, world.path, {
      ...validFields(),
      formToken: formToken(world.relay, world.venueId),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    const reference = /id="reference">(REQ-[0-9A-Z]{6})</.exec(answer.text)?.[1];
    expect(reference).toBeDefined();
    expect(answer.text).toContain('Request sent');
    const [row] = await world.db
      .sql`SELECT status FROM event_requests WHERE reference = ${reference!} AND organization_id = ${world.organizationId}`;
    expect(row).toEqual({ status: 'NEW' });
  });

  it('should leave out optional fields the form sent blank', async () => {
    const answer = await send(
      validFields({
        phone: '',
        company: ' ',
        description: '',
        alternativeDate: '',
        budgetMin: '',
        budgetMax: '',
        dealNotes: '',
        techNeeds: '',
      }),
    );
    expect(answer.status).toBe(201);
    const [request] = await world.db.sql`
      SELECT contact_phone, company, description, alternative_start, budget_min_cents, budget_max_cents, deal_notes, tech_needs
        FROM event_requests WHERE reference = ${answer.json!.reference as string}`;
    expect(Object.values(request!).every((v) => v === null)).toBe(true);
  });
});

describe('a request the database cannot finish', () => {
  it('should leave no part of it behind when its last write fails', async () => {
    const before = await rowCounts(world.db.sql, world.organizationId);
    // the managers' notes are among the last rows written: make them impossible for a moment
    await world.db
      .sql`ALTER TABLE jobs ADD CONSTRAINT no_manager_notes CHECK (kind <> 'request.new_for_manager') NOT VALID`;
    try {
      const answer = await send(validFields());
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({ code: 'internal' });
    } finally {
      await world.db.sql`ALTER TABLE jobs DROP CONSTRAINT no_manager_notes`;
    }
    expect(await rowCounts(world.db.sql, world.organizationId)).toEqual(before);
  });
});

describe('a request with bad fields', () => {
  const refused = async (fields: Record<string, string>) => {
    const before = await rowCounts(world.db.sql, world.organizationId);
    const answer = await send(fields);
    expect(answer.status).toBe(400);
    expect(answer.json!.code).toBe('invalid_request');
    expect(await rowCounts(world.db.sql, world.organizationId)).toEqual(before);
    return answer.json!.errors as Record<string, string>;
  };

  it('should name every missing required field and write nothing', async () => {
    const errors = await refused({ website: '' });
    expect(Object.keys(errors).sort()).toEqual(
      ['artist', 'email', 'endTime', 'eventTitle', 'expectedAttendance', 'name', 'preferredDate', 'startTime'].sort(),
    );
    expect(errors.name).toBe('Enter your name');
  });

  it('should refuse an email address that is not one', async () => {
    expect(await refused(validFields({ email: 'robin-at-example' }))).toEqual({
      email: 'Enter an email address like name@example.com',
    });
  });

  it('should refuse an end time that is not after the start', async () => {
    expect(await refused(validFields({ startTime: '21:00', endTime: '20:30' }))).toEqual({
      endTime: 'The end time must be after the start time',
    });
  });

  it('should refuse dates in the past', async () => {
    const errors = await refused(validFields({ preferredDate: daysAhead(-3), alternativeDate: daysAhead(-2) }));
    expect(errors).toEqual({
      preferredDate: 'The preferred date must be in the future',
      alternativeDate: 'The alternative date must be in the future',
    });
  });

  it('should refuse an attendance the venue cannot hold, and none at all', async () => {
    expect(await refused(validFields({ expectedAttendance: '801' }))).toEqual({
      expectedAttendance: "Expected attendance must be between 1 and 800 (the venue's capacity)",
    });
    expect(await refused(validFields({ expectedAttendance: '0' }))).toEqual({
      expectedAttendance: 'Expected attendance must be at least 1',
    });
    expect(await refused(validFields({ expectedAttendance: 'lots' }))).toEqual({
      expectedAttendance: 'Enter the expected attendance as a whole number',
    });
  });

  it('should refuse a budget range the wrong way round, or not an amount', async () => {
    expect(await refused(validFields({ budgetMin: '5000', budgetMax: '4000' }))).toEqual({
      budgetMax: 'The highest budget must not be less than the lowest budget',
    });
    expect(await refused(validFields({ budgetMin: 'five grand' }))).toEqual({
      budgetMin: 'The lowest budget must be an amount such as 2500 or 2,500.50',
    });
  });

  it('should refuse texts longer than the database keeps', async () => {
    const errors = await refused(
      validFields({
        name: 'n'.repeat(201),
        description: 'd'.repeat(5001),
        phone: '1'.repeat(51),
        techNeeds: '🥁'.repeat(5001),
      }),
    );
    expect(errors).toEqual({
      name: 'Your name must be at most 200 characters',
      description: 'Description must be at most 5,000 characters',
      phone: 'Phone number must be at most 50 characters',
      techNeeds: 'Tech needs must be at most 5,000 characters',
    });
  });

  it('should accept texts exactly as long as the database keeps', async () => {
    const answer = await send(
      validFields({ name: 'n'.repeat(200), description: 'd'.repeat(5000), techNeeds: '🥁'.repeat(5000) }),
    );
    expect(answer.status).toBe(201);
  });

  it('should refuse fields of the wrong type in JSON, naming them', async () => {
    const errors = await refused({ ...validFields(), name: ['a', 'b'], expectedAttendance: { n: 3 } } as never);
    expect(Object.keys(errors).sort()).toEqual(['expectedAttendance', 'name']);
  });

  it('should refuse a body that is not a JSON object', async () => {
    const notJson = await postJson(world.relay, world.path, '{"name": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json!.code).toBe('malformed_body');
    const list = await postJson(world.relay, world.path, [validFields()]);
    expect(list.status).toBe(400);
    expect(list.json!.code).toBe('invalid_body');
  });

  it('should answer a form post with the form again: errors next to fields, a linked summary, values kept', async () => {
    const answer = await postForm(world.relay, world.path, {
      ...validFields({ email: 'nope', artist: '' }),
      formToken: formToken(world.relay, world.venueId),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<a href="#f-email">Enter an email address like name@example.com</a>');
    expect(answer.text).toContain('<a href="#f-artist">Enter the artist or act</a>');
    expect(answer.text).toMatch(
      /id="f-email" name="email" required aria-required="true" aria-invalid="true" aria-describedby="f-email-error"/,
    );
    expect(answer.text).toContain(
      '<p class="error" id="f-email-error">Enter an email address like name@example.com</p>',
    );
    expect(answer.text).toContain('value="Robin Agent"');
    expect(answer.text).toContain('value="nope"');
    expect(answer.text).toMatch(/id="error-summary"[^>]*autofocus/);
  });
});

/** The second Sunday of March next year: when US clocks spring forward. */
function usDstStart(): string {
  const year = new Date().getUTCFullYear() + 1;
  const first = new Date(Date.UTC(year, 2, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + 7;
  return `${year}-03-${String(day).padStart(2, '0')}`;
}

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('times on the venue clock', () => {
  it('should read the times in the venue’s zone on both sides of a daylight-saving change', async () => {
    const change = usDstStart();
    const answer = await send(
      validFields({
        preferredDate: shift(change, -1),
        alternativeDate: shift(change, 1),
        startTime: '20:00',
        endTime: '23:30',
      }),
    );
    expect(answer.status).toBe(201);
    const [request] = await world.db.sql<
      { preferred_start: Date; preferred_end: Date; alternative_start: Date; alternative_end: Date }[]
    >`
      SELECT preferred_start, preferred_end, alternative_start, alternative_end FROM event_requests
       WHERE reference = ${answer.json!.reference as string} AND organization_id = ${world.organizationId}`;
    // Pacific Standard Time (UTC−8) the day before, Pacific Daylight Time (UTC−7) the day after
    expect(request!.preferred_start.toISOString()).toBe(`${change}T04:00:00.000Z`);
    expect(request!.preferred_end.toISOString()).toBe(`${change}T07:30:00.000Z`);
    expect(request!.alternative_start.toISOString()).toBe(`${shift(change, 2)}T03:00:00.000Z`);
    expect(request!.alternative_end.toISOString()).toBe(`${shift(change, 2)}T06:30:00.000Z`);
  });

  it('should move a start inside the skipped hour to after it, as the venue clock does', async () => {
    const change = usDstStart();
    const answer = await send(
      validFields({ preferredDate: change, alternativeDate: '', startTime: '02:30', endTime: '04:00' }),
    );
    expect(answer.status).toBe(201);
    const [request] = await world.db.sql<{ preferred_start: Date }[]>`
      SELECT preferred_start FROM event_requests WHERE reference = ${answer.json!.reference as string} AND organization_id = ${world.organizationId}`;
    // 02:30 does not exist that night: 03:30 PDT = 10:30 UTC
    expect(request!.preferred_start.toISOString()).toBe(`${change}T10:30:00.000Z`);
  });
});
