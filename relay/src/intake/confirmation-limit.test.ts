// The public form cannot be used to mail-bomb someone: an address gets at most
// INTAKE_EMAILS_PER_ADDRESS_PER_DAY confirmation emails a day. Requests beyond it are filed as
// any other (the venue's managers hear of each one); only the confirmation is left out, and that
// is counted on /metrics and said in the request's audit entry.
import { describe, expect, it } from 'vitest';
import { formToken, postJson, useIntakeRelay, validFields } from '../testing/intake-world.js';

const world = useIntakeRelay('intake_confirmation_limit', {
  INTAKE_RATE_LIMIT: '10000',
  INTAKE_EMAILS_PER_ADDRESS_PER_DAY: '2',
});

async function send(email: string, token = formToken(world.relay, world.venueId)) {
  const answer = await postJson(world.relay, world.path, { ...validFields({ email }), formToken: token });
  return { status: answer.status, reference: answer.json!.reference as string, token };
}

async function jobsFor(reference: string) {
  return world.db.sql<{ kind: string; to: string }[]>`
    SELECT j.kind, j.payload->'to'->>'email' AS to
      FROM jobs j JOIN event_requests r ON r.id = (j.payload->>'requestId')::uuid
     WHERE r.reference = ${reference} ORDER BY j.kind, j.id`;
}

async function skippedCount(): Promise<number> {
  const text = await (await fetch(`${world.relay.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('promoteros_intake_confirmations_skipped_total '));
  return Number(line?.split(' ')[1]);
}

describe('the intake confirmation emails per address', () => {
  it('should file every request but confirm only the first few to one address a day', async () => {
    const target = 'inbox-to-flood@example.com';
    const first = await send(target);
    // the same form sent again files nothing new and so mails nothing: it does not count
    expect((await send(target, first.token)).status).toBe(200);
    const second = await send(target.toUpperCase());
    const third = await send(target);
    const fourth = await send(` ${target}`);
    expect([first, second, third, fourth].map((s) => s.status)).toEqual([201, 201, 201, 201]);

    const confirmations = async (reference: string) =>
      (await jobsFor(reference)).filter((job) => job.kind === 'request.received').length;
    expect(await confirmations(first.reference)).toBe(1);
    expect(await confirmations(second.reference)).toBe(1);
    expect(await confirmations(third.reference)).toBe(0);
    expect(await confirmations(fourth.reference)).toBe(0);
    // the managers hear of every request all the same
    for (const { reference } of [first, second, third, fourth]) {
      expect((await jobsFor(reference)).filter((job) => job.kind === 'request.new_for_manager')).toHaveLength(2);
    }
    const audits = await world.db.sql<{ reference: string; confirmation: string | null }[]>`
      SELECT details->>'reference' AS reference, details->>'confirmation' AS confirmation
        FROM audit_logs WHERE action = 'request.submit' ORDER BY details->>'reference'`;
    const said = Object.fromEntries(audits.map((a) => [a.reference, a.confirmation]));
    expect(said[first.reference]).toBeNull();
    expect(said[third.reference]).toBe('not sent: the daily limit for the address was reached');
    expect(await skippedCount()).toBe(2);

    // another address is not affected
    const other = await send('someone-else@example.com');
    expect(await confirmations(other.reference)).toBe(1);
  });
});
