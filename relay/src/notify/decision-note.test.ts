// The manager's note on a decision, from the device to the requester's inbox: request.setStatus
// through POST /v1/mutations carries it, the relay refuses one it could not store or that is too
// long (naming the note, with nothing written and no email queued), and the email job quotes
// the note as it was typed (a real SMTP server, read with mailparser).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue, type TestMember } from '../testing/fixtures.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('a decision’s note', () => {
  let db: TestDatabase;
  let mailbox: TestMailbox;
  let relay: TestRelay;
  let organizationId: string;
  let venueId: string;
  let manager: TestMember;

  beforeAll(async () => {
    db = await createTestDatabase('decision_note');
    mailbox = await TestMailbox.start();
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_POLL_MS: '50' });
    organizationId = await createOrganization(db.sql, 'Harbour Live');
    venueId = await createVenue(db.sql, organizationId, { name: 'Harbour Stage' });
    manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
  });
  afterAll(async () => {
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
  });

  async function requestUnderReview(contactEmail: string): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance, status)
      VALUES (${organizationId}, ${venueId}, ${`RQ-${randomUUID().slice(0, 8)}`}, 'Robin Agent', ${contactEmail},
              'Night Shift', 'Autumn Run', '2028-09-01 20:00+00', '2028-09-01 23:00+00', 600, 'REVIEW')
      RETURNING id`;
    return row!.id;
  }

  const approve = async (requestId: string, note: string) => {
    const { status, body } = await sendBatch(relay, manager.token, {
      organizationId,
      mutations: [
        envelope('request.setStatus', {
          requestId,
          decisionId: randomUUID(),
          toStatus: 'APPROVED',
          note,
          expectedStatus: 'REVIEW',
        }),
      ],
    });
    expect(status).toBe(200);
    return body.results[0]!;
  };

  it('should email the requester the note as typed, quoted under the organization’s name', async () => {
    const contact = `robin-${randomUUID().slice(0, 6)}@agency.example`;
    const requestId = await requestUnderReview(contact);
    // 5,000 characters as PostgreSQL counts them, the limit: an emoji is one, though two UTF-16 units
    const note = `Welcome aboard 🎸\nLoad-in from 14:00. ${'🎶'.repeat(4963)}`;
    expect(Array.from(note)).toHaveLength(5000);
    expect(await approve(requestId, note)).toMatchObject({ outcome: 'APPLIED' });
    const mail = await mailbox.next(contact, 30_000, /is approved/);
    expect(mail.parsed.text).toContain(`A note from Harbour Live:\n> Welcome aboard 🎸\n> Load-in from 14:00. 🎶🎶`);
    const [decision] = await db.sql<{ note: string }[]>`
      SELECT note FROM decision_logs WHERE request_id = ${requestId} AND to_status = 'APPROVED'`;
    expect(decision!.note).toBe(note);
  });

  for (const [what, note, reason] of [
    ['longer than 5,000 characters', 'x'.repeat(5001), 'note: must be at most 5000 characters'],
    ['with a NUL', 'See you\u0000 then', 'note: contains a character that cannot be stored (NUL)'],
    [
      'with a cut emoji',
      'See you 🎸'.slice(0, -1),
      'note: contains a character that cannot be stored (a cut emoji or lone surrogate)',
    ],
  ] as const) {
    it(`should refuse a note ${what}, naming it, with nothing decided and nobody emailed`, async () => {
      const requestId = await requestUnderReview(`robin-${randomUUID().slice(0, 6)}@agency.example`);
      expect(await approve(requestId, note)).toMatchObject({ outcome: 'REFUSED', code: 'invalid_arguments', reason });
      const [request] = await db.sql<{ status: string }[]>`SELECT status FROM event_requests WHERE id = ${requestId}`;
      expect(request!.status).toBe('REVIEW');
      expect(await db.sql`SELECT 1 FROM decision_logs WHERE request_id = ${requestId}`).toHaveLength(0);
      expect(await db.sql`SELECT 1 FROM jobs WHERE payload->>'requestId' = ${requestId}`).toHaveLength(0);
    });
  }
});
