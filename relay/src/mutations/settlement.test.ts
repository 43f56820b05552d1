// Entering a settlement and settling the show through the relay, on PostgreSQL: the lines land as
// typed (bigint cents, in order), staff are refused the money, a typo'd negative price is refused
// in words, and once the show is settled nothing of it changes any more: not its lines, not its
// deal, not the event.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMutationWorld } from '../testing/mutation-world.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

describe('settling a show through the relay', () => {
  const world = useMutationWorld('mutation_settlement', 'Harbour Stage');
  const send = (mutations: unknown[], token = world.owner.token) =>
    sendBatch(world.relay, token, { organizationId: world.organizationId, mutations });
  const lineArgs = (fields: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    eventId: world.rows.eventId,
    kind: 'EXPENSE',
    label: 'Sound',
    quantity: 1,
    unitCents: 0,
    budgetCents: 120_000,
    actualCents: null,
    ...fields,
  });
  const lineRow = async (id: string) =>
    (
      await world.db.sql<{ label: string; budget: string; actual: string | null; position: number }[]>`
        SELECT label, budget_cents::text AS budget, actual_cents::text AS actual, position
          FROM settlement_lines WHERE id = ${id}`
    )[0];

  it('should add a line after the others and take its actual when the bill comes in', async () => {
    const args = lineArgs();
    const added = await send([envelope('settlementLine.add', args)]);
    expect(added.body.results).toEqual([expect.objectContaining({ outcome: 'APPLIED' })]);
    const [highest] = await world.db.sql<{ top: number }[]>`
      SELECT max(position) AS top FROM settlement_lines WHERE event_id = ${world.rows.eventId}`;
    expect(await lineRow(args.id)).toEqual({ label: 'Sound', budget: '120000', actual: null, position: highest!.top });

    const updated = await send([envelope('settlementLine.update', { id: args.id, actualCents: 200_000 })]);
    expect(updated.body.results).toEqual([expect.objectContaining({ outcome: 'APPLIED' })]);
    expect(await lineRow(args.id)).toMatchObject({ budget: '120000', actual: '200000' });
  });

  it('should refuse staff the money, and a negative ticket price in words, writing nothing', async () => {
    const byStaff = lineArgs({ label: 'Runner' });
    const negative = lineArgs({ kind: 'TICKETS', label: 'Door', quantity: 20, unitCents: -3000, budgetCents: 0 });
    const staff = await send([envelope('settlementLine.add', byStaff)], world.staff.token);
    expect(staff.body.results).toEqual([expect.objectContaining({ outcome: 'REFUSED', code: 'forbidden' })]);
    const typo = await send([envelope('settlementLine.add', negative)]);
    expect(typo.body.results).toEqual([
      expect.objectContaining({ outcome: 'REFUSED', code: 'rule', reason: 'a ticket price must not be negative' }),
    ]);
    expect(await lineRow(byStaff.id)).toBeUndefined();
    expect(await lineRow(negative.id)).toBeUndefined();
  });

  it('should refuse to settle a show without deal terms', async () => {
    const [show] = await world.db.sql<{ id: string }[]>`
      INSERT INTO events (organization_id, venue_id, title, artist_name, show_date, doors_at, show_at, ends_at)
      VALUES (${world.organizationId}, ${world.rows.venueId}, 'Handshake Gig', 'Night Shift', '2027-05-01',
              '2027-05-01 19:00+00', '2027-05-01 20:00+00', '2027-05-01 23:00+00')
      RETURNING id`;
    const { body } = await send([envelope('event.settle', { eventId: show!.id })]);
    expect(body.results).toEqual([
      expect.objectContaining({
        outcome: 'REFUSED',
        code: 'rule',
        reason: '“Handshake Gig” has no deal terms: there is no payout to settle against',
      }),
    ]);
  });

  it('should settle the show, after which its lines, deal and event no longer change', async () => {
    const [line] = await world.db.sql<{ id: string }[]>`
      SELECT id FROM settlement_lines WHERE event_id = ${world.rows.eventId} ORDER BY position LIMIT 1`;
    const settled = await send([envelope('event.settle', { eventId: world.rows.eventId })]);
    expect(settled.body.results).toEqual([expect.objectContaining({ outcome: 'APPLIED' })]);
    const [event] = await world.db.sql<
      { status: string }[]
    >`SELECT status FROM events WHERE id = ${world.rows.eventId}`;
    expect(event!.status).toBe('SETTLED');

    const before = await world.db
      .sql`SELECT * FROM settlement_lines WHERE event_id = ${world.rows.eventId} ORDER BY id`;
    const { body } = await send([
      envelope('settlementLine.update', { id: line!.id, actualCents: 1 }),
      envelope('settlementLine.add', lineArgs({ label: 'Late invoice' })),
      envelope('settlementLine.remove', { id: line!.id }),
      envelope('dealTerms.set', { eventId: world.rows.eventId, dealTermsId: randomUUID(), guaranteeCents: 1 }),
      envelope('event.update', { eventId: world.rows.eventId, notes: 'after the fact' }),
      // settling again changes nothing and is not an error: another device may have settled first
      envelope('event.settle', { eventId: world.rows.eventId }),
    ]);
    expect(body.results.slice(0, 5).map((r: { outcome: string; code?: string }) => [r.outcome, r.code])).toEqual(
      Array(5).fill(['REFUSED', 'rule']),
    );
    expect(body.results[0]).toMatchObject({ reason: '“Spring Tour” is settled and can no longer be edited' });
    expect(body.results[5]).toMatchObject({ outcome: 'APPLIED' });
    expect(
      await world.db.sql`SELECT * FROM settlement_lines WHERE event_id = ${world.rows.eventId} ORDER BY id`,
    ).toEqual(before);
  });
});
