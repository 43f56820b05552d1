// Each email job kind, delivered through the job loop to a real SMTP server and read back with
// mailparser: who receives it, the sender, the subject, the text and HTML bodies with the
// venue's data on its clock, and the Message-ID derived from the job.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { TestMailbox, type ReceivedMail } from '../testing/test-mailbox.js';
import type { JobWorker } from '../jobs/job-worker.js';
import type { Mailer } from '../mail/mailer.js';
import { readJob } from '../testing/job-kit.js';
import { pdfText } from '../testing/pdf-text.js';
import { eventConfirmationPdf } from './confirmation-attachment.js';
import {
  createNotifyWorld,
  emailWorker,
  queueJob,
  statusChangedPayload,
  workflowPayloads,
  type NotifyWorld,
} from '../testing/notify-world.js';

const addresses = (mail: ReceivedMail) => mail.to.slice().sort();
const fromOf = (mail: ReceivedMail) => mail.parsed.from?.value[0];
const html = (mail: ReceivedMail) => (typeof mail.parsed.html === 'string' ? mail.parsed.html : '');

describe('email job messages', () => {
  let db: TestDatabase;
  let mailbox: TestMailbox;
  let world: NotifyWorld;
  let worker: JobWorker;
  let mailer: Mailer;

  beforeAll(async () => {
    db = await createTestDatabase('notify_messages');
    mailbox = await TestMailbox.start();
    ({ worker, mailer } = emailWorker(db, mailbox.url));
  });
  afterAll(async () => {
    mailer?.close();
    await mailbox?.stop();
    await db?.drop();
  });
  beforeEach(async () => {
    world = await createNotifyWorld(db.sql);
  });

  /** queues one job, runs it, answers its id and its one message */
  async function deliver(kind: string, payload: Record<string, unknown>, to: string) {
    const jobId = await queueJob(db.sql, world.organizationId, kind, payload);
    const before = mailbox.received.length;
    expect(await worker.work()).toBe(true);
    expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(mailbox.received.length).toBe(before + 1);
    return { jobId, mail: await mailbox.next(to) };
  }

  it('should confirm a request to its requester, from the organization, on the venue clock, with the job Message-ID', async () => {
    const { jobId, mail } = await deliver(
      'request.received',
      workflowPayloads(world)['request.received'],
      world.requester.email,
    );
    expect(addresses(mail)).toEqual([world.requester.email]);
    expect(fromOf(mail)).toEqual({ address: 'bookings@harbour.example', name: 'Harbour Live' });
    expect(mail.parsed.messageId).toBe(`<job-${jobId}.request-received@promoteros.test>`);
    expect(mail.parsed.subject).toBe(`We received your request for Harbour Stage: Autumn Run (${world.reference})`);
    for (const body of [mail.parsed.text ?? '', html(mail)]) {
      expect(body).toContain('Harbour Stage');
      expect(body).toContain('Hello Robin Agent,');
      expect(body).toContain(world.reference);
      expect(body).toContain('Night Shift');
      // 00:00 UTC on the 2nd is 20:00 on the 1st in New York
      expect(body).toContain('Fri, Sep 1, 2028, 8:00 PM EDT');
      expect(body).toContain('650');
    }
    expect(html(mail)).toMatch(/^<!doctype html>/);
  });

  it("should write dates, times and counts in the organization's locale", async () => {
    await db.sql`UPDATE organizations SET locale = 'en-GB' WHERE id = ${world.organizationId}`;
    await db.sql`UPDATE event_requests SET expected_attendance = 1200 WHERE id = ${world.requestId}`;
    const { mail } = await deliver(
      'request.received',
      workflowPayloads(world)['request.received'],
      world.requester.email,
    );
    for (const body of [mail.parsed.text ?? '', html(mail)]) {
      // the venue's clock still, in British conventions: 24-hour, day before month
      expect(body).toContain('Fri, 1 Sept 2028, 20:00 GMT-4');
      expect(body).toContain('1,200');
      expect(body).toContain('Times are the venue’s local time: Eastern Time (America/New_York).');
    }
  });

  it('should tell the manager named by the job about a new request, and nobody once they are no longer a manager', async () => {
    const payload = workflowPayloads(world)['request.new_for_manager'];
    const { mail } = await deliver('request.new_for_manager', payload, world.manager.email);
    expect(addresses(mail)).toEqual([world.manager.email]);
    expect(mail.parsed.subject).toBe(`New request for Harbour Stage: Night Shift, Autumn Run (${world.reference})`);
    expect(mail.parsed.text).toContain('Hello Max Manager,');
    expect(mail.parsed.text).toContain(`Robin Agent <${world.requester.email}>`);
    expect(html(mail)).toContain('Fri, Sep 1, 2028, 8:00 PM EDT');

    await db.sql`UPDATE memberships SET role = 'STAFF' WHERE user_id = ${world.manager.userId}`;
    const jobId = await queueJob(db.sql, world.organizationId, 'request.new_for_manager', payload);
    const before = mailbox.received.length;
    expect(await worker.work()).toBe(true);
    expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE' });
    expect(mailbox.received.length).toBe(before);
  });

  it('should word a status change by status, quote the manager note, and fall back to MAIL_FROM', async () => {
    const approved = await deliver(
      'request.status_changed',
      statusChangedPayload(world, 'APPROVED', 'See you in September!\nBring the rider.'),
      world.requester.email,
    );
    expect(approved.mail.parsed.subject).toBe(`Your request for Harbour Stage is approved (${world.reference})`);
    expect(approved.mail.parsed.text).toContain('Good news: Harbour Live has approved your request for Harbour Stage.');
    expect(approved.mail.parsed.text).toContain(
      'A note from Harbour Live:\n> See you in September!\n> Bring the rider.',
    );
    expect(html(approved.mail)).toContain('See you in September!\nBring the rider.</blockquote>');
    expect(approved.mail.parsed.messageId).toBe(`<job-${approved.jobId}.request-status-changed@promoteros.test>`);

    await db.sql`UPDATE organizations SET email_from = NULL WHERE id = ${world.organizationId}`;
    const declined = await deliver(
      'request.status_changed',
      statusChangedPayload(world, 'DECLINED', '<b>Fully booked</b> that week'),
      world.requester.email,
    );
    expect(declined.mail.parsed.subject).toBe(`Your request for Harbour Stage was declined (${world.reference})`);
    expect(declined.mail.parsed.text).toContain('We are sorry: Harbour Live cannot take your request');
    // a note is the manager's words, shown as text, never as markup
    expect(html(declined.mail)).toContain('&#60;b&#62;Fully booked&#60;/b&#62; that week');
    expect(fromOf(declined.mail)).toEqual({ address: 'no-reply@promoteros.test', name: 'PromoterOS' });

    const review = await deliver(
      'request.status_changed',
      statusChangedPayload(world, 'REVIEW', null),
      world.requester.email,
    );
    expect(review.mail.parsed.subject).toBe(`Your request for Harbour Stage is being reviewed (${world.reference})`);
    expect(review.mail.parsed.text).not.toContain('A note from');
  });

  it('should confirm an event to the requester and the promoter with times and deal, saying the written confirmation follows when the relay draws no PDF', async () => {
    const { mail } = await deliver(
      'event.confirmed',
      workflowPayloads(world)['event.confirmed'],
      world.requester.email,
    );
    expect(addresses(mail)).toEqual([world.promoter.email, world.requester.email].sort());
    expect(mail.parsed.subject).toBe('Confirmed: Night Shift at Harbour Stage on Fri, Sep 1, 2028');
    for (const body of [mail.parsed.text ?? '', html(mail)]) {
      expect(body).toContain('Hello Robin Agent,');
      expect(body).toContain('7:00 PM EDT'); // doors 23:00 UTC
      expect(body).toContain('8:00 PM EDT'); // show
      expect(body).toContain('11:00 PM EDT'); // ends 03:00 UTC next day
      expect(body).toContain('Guarantee versus percentage, guarantee $2,500.00, artist share 80%');
      expect(body).toContain('$35.00');
      expect(body).toContain('The written confirmation with the deal terms follows from the venue.');
    }
    expect(mail.parsed.attachments).toHaveLength(0);
  });

  it('should attach the event confirmation PDF drawn from the event, whose text names the show', async () => {
    const withPdf = emailWorker(db, mailbox.url, { deps: { confirmationPdf: eventConfirmationPdf } });
    try {
      const jobId = await queueJob(
        db.sql,
        world.organizationId,
        'event.confirmed',
        workflowPayloads(world)['event.confirmed'],
      );
      expect(await withPdf.worker.work()).toBe(true);
      expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE' });
      const mail = await mailbox.next(world.requester.email);
      expect(mail.parsed.attachments).toHaveLength(1);
      const [pdf] = mail.parsed.attachments;
      expect(pdf!.contentType).toBe('application/pdf');
      expect(pdf!.filename).toMatch(/\.pdf$/);
      expect(mail.parsed.text).toContain(`The confirmation with the deal terms is attached (${pdf!.filename}).`);
      const { text } = await pdfText(pdf!.content);
      expect(text).toContain('Night Shift');
      expect(text).toContain('Harbour Stage');
      // the attachment is the stored latest version of the event's confirmation
      const [stored] = await db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM documents WHERE event_id = ${world.eventId} AND kind = 'CONFIRMATION'`;
      expect(stored!.n).toBe(1);
    } finally {
      withPdf.mailer.close();
    }
  });

  it('should tell the manager who placed the 1st hold it is challenged, and by when to answer on the venue clock', async () => {
    const { mail } = await deliver('hold.challenged', workflowPayloads(world)['hold.challenged'], world.manager.email);
    expect(addresses(mail)).toEqual([world.manager.email]);
    expect(mail.parsed.subject).toBe('Your 1st hold on Fri, Sep 1, 2028 at Harbour Stage is challenged');
    for (const body of [mail.parsed.text ?? '', html(mail)]) {
      expect(body).toContain(`Night Shift, Autumn Run (${world.reference})`);
      expect(body).toContain('Low Tide, Harbour Nights');
      expect(body).toContain('Tue, Aug 15, 2028, 5:00 PM EDT');
    }
  });

  it("should remind the hold's manager before it expires, and the organization's OWNERs once that manager has left", async () => {
    const payload = workflowPayloads(world)['hold.expiring'];
    const { mail } = await deliver('hold.expiring', payload, world.manager.email);
    expect(mail.parsed.subject).toBe('Your 1st hold on Fri, Sep 1, 2028 at Harbour Stage expires soon');
    expect(mail.parsed.text).toContain('Sun, Aug 20, 2028, 12:00 PM EDT');

    await db.sql`DELETE FROM memberships WHERE user_id = ${world.manager.userId}`;
    const again = await deliver('hold.expiring', payload, world.owner.email);
    expect(addresses(again.mail)).toEqual([world.owner.email]);
  });

  it('should send nothing for a reminder that no longer holds (expiry moved)', async () => {
    await db.sql`UPDATE holds SET expires_at = '2028-08-25 16:00+00' WHERE id = ${world.firstHoldId}`;
    const jobId = await queueJob(
      db.sql,
      world.organizationId,
      'hold.expiring',
      workflowPayloads(world)['hold.expiring'],
    );
    const before = mailbox.received.length;
    expect(await worker.work()).toBe(true);
    expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE' });
    expect(mailbox.received.length).toBe(before);
  });

  it('should tell both managers when a challenge went unanswered, and the holder when a hold expired', async () => {
    const lapsed = await deliver(
      'hold.challenge_expired',
      workflowPayloads(world)['hold.challenge_expired'],
      world.manager.email,
    );
    expect(addresses(lapsed.mail)).toEqual([world.manager.email, world.owner.email].sort());
    expect(lapsed.mail.parsed.subject).toBe(
      'The challenge of the 1st hold on Fri, Sep 1, 2028 at Harbour Stage went unanswered',
    );

    await db.sql`UPDATE holds SET status = 'EXPIRED' WHERE id = ${world.firstHoldId}`;
    const expired = await deliver('hold.expired', workflowPayloads(world)['hold.expiring'], world.manager.email);
    expect(expired.mail.parsed.subject).toBe('Your hold on Fri, Sep 1, 2028 at Harbour Stage expired');
    expect(expired.mail.parsed.messageId).toBe(`<job-${expired.jobId}.hold-expired@promoteros.test>`);
  });

  it('should not send a job again once its email was accepted, even when the job runs again', async () => {
    const { jobId } = await deliver(
      'request.received',
      workflowPayloads(world)['request.received'],
      world.requester.email,
    );
    // as after a relay that died between the ledger write and DONE: the job is due again
    await db.sql`UPDATE jobs SET status = 'QUEUED', run_at = now() WHERE id = ${jobId}`;
    const before = mailbox.received.length;
    expect(await worker.work()).toBe(true);
    expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 2 });
    expect(mailbox.received.length).toBe(before);
    // as after an OWNER's retry, which starts a job's attempts again: its claims still tell
    await db.sql`UPDATE jobs SET status = 'QUEUED', run_at = now(), attempts = 0 WHERE id = ${jobId}`;
    expect(await worker.work()).toBe(true);
    expect(await readJob(db.sql, jobId)).toMatchObject({ status: 'DONE', attempts: 1, claims: 3 });
    expect(mailbox.received.length).toBe(before);
    const [delivery] = await db.sql`SELECT status, recipients FROM email_deliveries WHERE job_id = ${jobId}`;
    expect(delivery).toEqual({ status: 'SENT', recipients: [world.requester.email] });
  });

  it('should mark a job DEAD at once, with the reason, when its payload or address can never work', async () => {
    const badPayload = await queueJob(db.sql, world.organizationId, 'request.received', { requestId: 'nope' });
    expect(await worker.work()).toBe(true);
    const dead = await readJob(db.sql, badPayload);
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 1 });
    expect(dead.last_error).toContain('payload is not valid');

    await db.sql`UPDATE event_requests SET contact_email = 'robin at agency' WHERE id = ${world.requestId}`;
    const badAddress = await queueJob(
      db.sql,
      world.organizationId,
      'request.received',
      workflowPayloads(world)['request.received'],
    );
    expect(await worker.work()).toBe(true);
    expect(await readJob(db.sql, badAddress)).toMatchObject({ status: 'DEAD', attempts: 1 });
    const [delivery] = await db.sql`SELECT status, last_error FROM email_deliveries WHERE job_id = ${badAddress}`;
    expect(delivery).toEqual({ status: 'FAILED', last_error: 'not an email address: robin at agency' });
  });
});
