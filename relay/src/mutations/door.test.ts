// The door through the route, against PostgreSQL: what the relay keeps when door devices send
// admits, walk-ups and undos, and what it refuses.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMutationWorld } from '../testing/mutation-world.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

const world = useMutationWorld('mutation_door', 'Door Hall');

const moment = '2026-03-01T21:00:00Z';

async function newEntry(admitCount: number, allotment: number | null = null): Promise<{ list: string; entry: string }> {
  const { db, organizationId, rows } = world;
  const [list] = await db.sql<{ id: string }[]>`
    INSERT INTO guest_lists (organization_id, event_id, name, kind, allotment)
    VALUES (${organizationId}, ${rows.eventId}, 'Comps', 'COMP', ${allotment}) RETURNING id`;
  const [entry] = await db.sql<{ id: string }[]>`
    INSERT INTO guest_list_entries (organization_id, event_id, guest_list_id, guest_name, admit_count)
    VALUES (${organizationId}, ${rows.eventId}, ${list!.id}, 'Robin Door', ${admitCount}) RETURNING id`;
  return { list: list!.id, entry: entry!.id };
}

const send = (token: string, mutations: ReturnType<typeof envelope>[]) =>
  sendBatch(world.relay, token, { organizationId: world.organizationId, mutations });

const admit = (entryId: string, admitted: number, deviceId: string, id = randomUUID()) =>
  envelope('checkIn.admit', { id, eventId: world.rows.eventId, entryId, admitted, deviceId, occurredAt: moment });

const checkInsOf = (entryId: string) =>
  world.db.sql<{ kind: string; admitted: number; device_id: string }[]>`
    SELECT kind, admitted, device_id FROM check_ins WHERE entry_id = ${entryId} ORDER BY created_at, kind`;

describe('the door through the relay', () => {
  it('should keep both admits of a guest two devices let in, past the allotment', async () => {
    const { entry } = await newEntry(1);
    const first = await send(world.staff.token, [admit(entry, 1, 'door-1')]);
    const second = await send(world.owner.token, [admit(entry, 1, 'door-2')]);
    expect([...first.body.results, ...second.body.results].map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED']);
    expect(await checkInsOf(entry)).toEqual([
      { kind: 'ADMIT', admitted: 1, device_id: 'door-1' },
      { kind: 'ADMIT', admitted: 1, device_id: 'door-2' },
    ]);
  });

  it('should take back a walk-up counted by mistake', async () => {
    const walkUpId = randomUUID();
    const walkUp = envelope('checkIn.walkUp', {
      id: walkUpId,
      eventId: world.rows.eventId,
      admitted: 3,
      deviceId: 'box-office',
      occurredAt: moment,
    });
    const undo = envelope(
      'checkIn.undo',
      { id: randomUUID(), eventId: world.rows.eventId, undoesId: walkUpId, deviceId: 'box-office', occurredAt: moment },
      [walkUp.id],
    );
    const { body } = await send(world.staff.token, [walkUp, undo]);
    expect(body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED']);
    const rows = await world.db.sql<{ kind: string; admitted: number; entry_id: string | null }[]>`
      SELECT kind, admitted, entry_id FROM check_ins WHERE id = ${walkUpId} OR undoes_id = ${walkUpId} ORDER BY kind`;
    expect(rows).toEqual([
      { kind: 'UNDO', admitted: -3, entry_id: null },
      { kind: 'WALK_UP', admitted: 3, entry_id: null },
    ]);
  });

  it('should apply the first of two undos of one admit and refuse the second in words', async () => {
    const { entry } = await newEntry(2);
    const admitId = randomUUID();
    await send(world.staff.token, [admit(entry, 2, 'door-1', admitId)]);
    const undo = (deviceId: string) =>
      envelope('checkIn.undo', {
        id: randomUUID(),
        eventId: world.rows.eventId,
        undoesId: admitId,
        entryId: entry,
        deviceId,
        occurredAt: moment,
      });
    const { body } = await send(world.staff.token, [undo('door-2'), undo('door-3')]);
    expect(body.results.map((r) => ('reason' in r ? r.reason : r.outcome))).toEqual([
      'APPLIED',
      'that check-in was already undone (on door-2)',
    ]);
    expect((await checkInsOf(entry)).reduce((sum, c) => sum + c.admitted, 0)).toBe(0);
  });

  it('should count a check-in sent again under a new mutation id once', async () => {
    const { entry } = await newEntry(4);
    const checkInId = randomUUID();
    const { body } = await send(world.staff.token, [
      admit(entry, 2, 'door-1', checkInId),
      admit(entry, 2, 'door-1', checkInId),
    ]);
    expect(body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED']);
    expect(await checkInsOf(entry)).toEqual([{ kind: 'ADMIT', admitted: 2, device_id: 'door-1' }]);
  });

  it("should refuse STAFF a guest past the list's allotment and let the owner add them", async () => {
    const { list } = await newEntry(3, 4);
    const add = () =>
      envelope('guestEntry.add', {
        id: randomUUID(),
        eventId: world.rows.eventId,
        guestListId: list,
        guestName: 'Late Name',
        admitCount: 2,
        note: null,
      });
    const staff = await send(world.staff.token, [add()]);
    expect(staff.body.results[0]).toMatchObject({
      outcome: 'REFUSED',
      code: 'rule',
      reason: '“Comps” would hold 5 admissions, over its allotment of 4 (1 left): ask a manager',
    });
    const owner = await send(world.owner.token, [add()]);
    expect(owner.body.results[0]).toMatchObject({ outcome: 'APPLIED' });
  });
});
