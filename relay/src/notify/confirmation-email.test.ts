// The event confirmation email against its PDF attachment, read as a person would: the message
// parsed by mailparser from a real SMTP server, the PDF's text by pdfjs. Through a real relay
// (POST /v1/mutations, its job loop drawing the PDF): the first confirmation of an event
// without deal terms says the terms are still to be agreed, as its PDF does; once the terms are
// set, the revised confirmation a manager sends says they are attached, and its PDF has them.
// confirmation_sends records who received which version and how delivery went.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstConfirmationId } from '@promoteros/shared/mutations';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, createVenue, type TestMember } from '../testing/fixtures.js';
import { TestMailbox, type ReceivedMail } from '../testing/test-mailbox.js';
import { pdfText } from '../testing/pdf-text.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

const html = (mail: ReceivedMail) => (typeof mail.parsed.html === 'string' ? mail.parsed.html : '');
/** the email's text, its HTML without tags, and its one attachment's text */
async function read(mail: ReceivedMail) {
  expect(mail.parsed.attachments).toHaveLength(1);
  const [pdf] = mail.parsed.attachments;
  expect(pdf!.contentType).toBe('application/pdf');
  return {
    text: mail.parsed.text ?? '',
    html: html(mail).replace(/<[^>]+>/g, ' '),
    file: pdf!.filename ?? '',
    pdf: (await pdfText(pdf!.content)).text,
  };
}

interface Send {
  id: string;
  revised: boolean;
  status: string;
  recipients: string[];
  document_version: number | null;
  with_deal_terms: boolean | null;
  deal_changed_since: boolean;
  delivery_note: string | null;
}

describe('the confirmation email and its PDF', () => {
  let db: TestDatabase;
  let mailbox: TestMailbox;
  let relay: TestRelay;
  let organizationId: string;
  let venueId: string;
  let manager: TestMember;
  let staff: TestMember;
  const requester = 'robin@agency.example';

  beforeAll(async () => {
    db = await createTestDatabase('confirmation_email');
    mailbox = await TestMailbox.start();
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_POLL_MS: '50' });
    organizationId = await createOrganization(db.sql, 'Harbour Live');
    venueId = await createVenue(db.sql, organizationId, { name: 'Harbour Stage', timezone: 'America/New_York' });
    await db.sql`UPDATE venues SET country = 'US' WHERE id = ${venueId}`;
    manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    staff = await createMember(db.sql, [{ organizationId, role: 'STAFF' }]);
  });
  afterAll(async () => {
    await relay?.stop();
    await mailbox?.stop();
    await db?.drop();
  });

  async function apply(member: TestMember, name: string, args: Record<string, unknown>) {
    const { status, body } = await sendBatch(relay, member.token, {
      organizationId,
      mutations: [envelope(name, args)],
    });
    expect(status).toBe(200);
    return body.results[0]!;
  }

  /** an APPROVED request turned into an event through the mutation the app sends */
  async function confirmedEvent(artist: string, day: number): Promise<string> {
    // 20:00 in New York (EDT, UTC-4) on the day of September 2028: each event a night of its own
    const at = (hour: number) => new Date(Date.UTC(2028, 8, day, hour)).toISOString();
    const [request] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance, status)
      VALUES (${organizationId}, ${venueId}, ${`RQ-${randomUUID().slice(0, 8)}`}, 'Robin Agent', ${requester},
              ${artist}, 'Autumn Run', ${at(24)}, ${at(27)}, 650, 'APPROVED')
      RETURNING id`;
    const eventId = randomUUID();
    const result = await apply(manager, 'request.convertToEvent', {
      requestId: request!.id,
      eventId,
      decisionId: randomUUID(),
      title: 'Autumn Run',
      artistName: artist,
      doorsAt: at(23),
      showAt: at(24),
      endsAt: at(27),
    });
    expect(result).toMatchObject({ outcome: 'APPLIED' });
    return eventId;
  }

  const sends = (eventId: string) =>
    db.sql<Send[]>`
      SELECT s.id, s.revised, s.status, s.recipients, s.document_version, s.with_deal_terms, s.delivery_note,
             (d.updated_at IS DISTINCT FROM s.deal_terms_updated_at) AS deal_changed_since
        FROM confirmation_sends s LEFT JOIN deal_terms d ON d.event_id = s.event_id
       WHERE s.event_id = ${eventId} ORDER BY s.created_at, s.id`;
  const confirmationTo = (subject: RegExp) => mailbox.next(requester, 60_000, subject);

  it('should say the deal terms are still to be agreed, as its PDF does, when the event has none; and say they are attached, as the revised PDF shows them, once they are set', async () => {
    const eventId = await confirmedEvent('Night Shift', 1);

    const first = await read(await confirmationTo(/^Confirmed: Night Shift/));
    for (const body of [first.text, first.html]) {
      expect(body).toContain(`The confirmation is attached (${first.file}).`);
      expect(body).toContain('The deal terms are still to be agreed; a revised confirmation with them will follow.');
      expect(body).not.toContain('deal terms is attached');
      expect(body).toMatch(/Deal:?\s+still to be agreed/);
    }
    expect(first.pdf).toContain('The deal terms are still to be agreed');
    expect(first.file).toMatch(/Confirmation v1\.pdf$/);
    await expect
      .poll(() => sends(eventId))
      .toEqual([
        {
          id: firstConfirmationId(eventId),
          revised: false,
          status: 'SENT',
          recipients: [requester],
          document_version: 1,
          with_deal_terms: false,
          deal_changed_since: false,
          delivery_note: null,
        },
      ]);

    const terms = await apply(manager, 'dealTerms.set', {
      eventId,
      dealTermsId: randomUUID(),
      dealType: 'VERSUS',
      currency: 'USD',
      guaranteeCents: 250000,
      artistShareBp: 8000,
      ticketPriceCents: 3500,
    });
    expect(terms).toMatchObject({ outcome: 'APPLIED' });
    // what the event screen offers a revised confirmation on
    expect((await sends(eventId))[0]).toMatchObject({ deal_changed_since: true });

    expect(await apply(staff, 'event.sendConfirmation', { eventId, sendId: randomUUID() })).toMatchObject({
      outcome: 'REFUSED',
      code: 'forbidden',
    });
    const sendId = randomUUID();
    expect(await apply(manager, 'event.sendConfirmation', { eventId, sendId })).toMatchObject({ outcome: 'APPLIED' });
    const revised = await read(await confirmationTo(/^Revised confirmation: Night Shift/));
    for (const body of [revised.text, revised.html]) {
      expect(body).toContain(`The confirmation with the deal terms is attached (${revised.file}).`);
      expect(body).toContain('It replaces the one sent before.');
      expect(body).not.toContain('still to be agreed');
      expect(body).toContain('Guarantee versus percentage, guarantee $2,500.00, artist share 80%');
    }
    // the PDF holds the very terms the email names, and no longer says they are to be agreed
    expect(revised.pdf).not.toContain('still to be agreed');
    expect(revised.pdf).toContain('Guarantee versus percentage');
    expect(revised.pdf).toContain('$2,500.00');
    expect(revised.pdf).toContain('80%');
    expect(revised.file).toMatch(/Confirmation v2\.pdf$/);

    await expect
      .poll(async () => (await sends(eventId))[1])
      .toEqual({
        id: sendId,
        revised: true,
        status: 'SENT',
        recipients: [requester],
        document_version: 2,
        with_deal_terms: true,
        deal_changed_since: false,
        delivery_note: null,
      });
  });

  it('should refuse a second revised confirmation while one is on its way, and send none for an event cancelled meanwhile', async () => {
    const eventId = await confirmedEvent('Low Tide', 2);
    await confirmationTo(/^Confirmed: Low Tide/);
    await expect.poll(async () => (await sends(eventId))[0]?.status).toBe('SENT');
    // one batch, one transaction: the second send is planned while the first is QUEUED, and the
    // cancellation commits before the job loop can take the first
    const { status, body } = await sendBatch(relay, manager.token, {
      organizationId,
      mutations: [
        envelope('event.sendConfirmation', { eventId, sendId: randomUUID() }),
        envelope('event.sendConfirmation', { eventId, sendId: randomUUID() }),
        envelope('event.update', { eventId, status: 'CANCELLED' }),
      ],
    });
    expect(status).toBe(200);
    expect(body.results.map((result) => result.outcome)).toEqual(['APPLIED', 'REFUSED', 'APPLIED']);
    expect(body.results[1]).toMatchObject({
      code: 'rule',
      reason: 'a confirmation of this event is already on its way',
    });
    await expect
      .poll(async () => (await sends(eventId)).map((send) => [send.status, send.delivery_note]), { timeout: 30_000 })
      .toEqual([
        ['SENT', null],
        ['NOT_SENT', 'the event was cancelled'],
      ]);
    expect(mailbox.to(requester).filter((mail) => /Low Tide/.test(mail.parsed.subject ?? ''))).toHaveLength(1);
  });
});
