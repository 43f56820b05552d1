// The demo's relay runs on the embedded database (PGlite): the email handlers' queries work there
// too, and the poll alone finds the jobs. Every kind, through a relay, to a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { until } from '../testing/job-kit.js';
import { createNotifyWorld, queueJob, statusChangedPayload, workflowPayloads } from '../testing/notify-world.js';

describe('email on the embedded database', () => {
  let dir: string;
  let db: Database;
  let relay: TestRelay;
  let mailbox: TestMailbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promoteros-email-'));
    db = await openDatabase({ dataDir: dir });
    mailbox = await TestMailbox.start();
    relay = await startTestRelay(db, { SMTP_URL: mailbox.url, JOBS_POLL_MS: '50' }); // migrates
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    await db?.close();
    await mailbox?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should send every kind of email, each once, with the PDF on the confirmation', async () => {
    const world = await createNotifyWorld(db.sql);
    const payloads = workflowPayloads(world);
    const jobs: Array<[string, Record<string, unknown>]> = [
      ['request.received', payloads['request.received']],
      ['request.new_for_manager', payloads['request.new_for_manager']],
      ['request.status_changed', statusChangedPayload(world, 'APPROVED', 'Welcome!')],
      ['event.confirmed', payloads['event.confirmed']],
      ['hold.challenged', payloads['hold.challenged']],
      ['hold.expiring', payloads['hold.expiring']],
      ['hold.challenge_expired', payloads['hold.challenge_expired']],
    ];
    const ids: string[] = [];
    for (const [kind, payload] of jobs) ids.push(await queueJob(db.sql, world.organizationId, kind, payload));
    await until(
      async () => {
        const [row] = await db.sql<{ done: number }[]>`
        SELECT count(*)::int AS done FROM jobs WHERE id = ANY(${db.sql.array(ids)}::bigint[]) AND status = 'DONE'`;
        return row!.done === ids.length;
      },
      'every email job DONE',
      60_000,
    );
    const byId = mailbox.received.map((mail) => mail.parsed.messageId).sort();
    expect(byId).toEqual(
      jobs.map(([kind], n) => `<job-${ids[n]}.${kind.replace(/[._]/g, '-')}@promoteros.local>`).sort(),
    );
    const confirmation = mailbox.received.find((mail) => mail.parsed.subject?.startsWith('Confirmed:'));
    expect(confirmation?.parsed.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
  });
});
