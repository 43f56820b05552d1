// What a removal or a lowered role does to the person's sessions, at once: a shape being followed
// (a live request already waiting, or the next catch-up) answers 409 must-refetch, the refetch is
// refused 403, and a batch of edits is refused 403 as a whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';
import { fillEveryTable, type OrganizationRows } from '../testing/every-table.js';

const LIVE_TIMEOUT_MS = 15_000;

describe('a member removed or lowered while syncing', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let organizationId: string;
  let owner: TestMember;
  let rows: OrganizationRows;

  beforeAll(async () => {
    db = await createTestDatabase('shape_removal');
    relay = await startTestRelay(db, { JOBS_ENABLED: 'false', LIVE_POLL_TIMEOUT_MS: String(LIVE_TIMEOUT_MS) });
    organizationId = await createOrganization(db.sql, 'Harbour Stage');
    owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    rows = await fillEveryTable(db.sql, organizationId, owner.userId);
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  const shape = (table: string, token: string, rest: string) =>
    fetch(`${relay.url}/v1/shape?table=${table}&where="organization_id"=$1&params[1]=${organizationId}&${rest}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  /** a snapshot, and the handle and offset to follow it with */
  async function follow(table: string, token: string): Promise<{ handle: string; offset: string }> {
    const first = await shape(table, token, 'offset=-1');
    expect(first.status).toBe(200);
    await first.text();
    return { handle: first.headers.get('electric-handle')!, offset: first.headers.get('electric-offset')! };
  }

  async function membershipOf(member: TestMember): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      SELECT id FROM memberships WHERE organization_id = ${organizationId} AND user_id = ${member.userId}`;
    return row!.id;
  }

  async function byOwner(name: string, args: unknown) {
    const { body } = await sendBatch(relay, owner.token, { organizationId, mutations: [envelope(name, args)] });
    expect(body.results[0]).toMatchObject({ outcome: 'APPLIED' });
  }

  it('should end a waiting live request with 409 as soon as the member is removed, then refuse the refetch and edits 403', async () => {
    const manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const { handle, offset } = await follow('events', manager.token);
    const started = Date.now();
    const live = shape('events', manager.token, `handle=${handle}&offset=${offset}&live=true`);
    // the request is waiting when the removal commits
    await new Promise((resolve) => setTimeout(resolve, 300));
    await byOwner('member.remove', { membershipId: await membershipOf(manager) });
    const answered = await live;
    expect(answered.status).toBe(409);
    expect(Date.now() - started).toBeLessThan(LIVE_TIMEOUT_MS / 2);
    // a handle never served before, so the client refetches instead of suspecting a stale cache
    const lostHandle = answered.headers.get('electric-handle');
    expect(lostHandle).toBeTruthy();
    expect(lostHandle).not.toBe(handle);

    // a catch-up with the old handle, as the client might send next: 409 too
    expect((await shape('events', manager.token, `handle=${handle}&offset=${offset}`)).status).toBe(409);
    const refetch = await shape('events', manager.token, 'offset=-1');
    expect(refetch.status).toBe(403);
    expect(((await refetch.json()) as { message: string }).message).toMatch(/not a member/);

    const edit = await sendBatch(relay, manager.token, {
      organizationId,
      mutations: [envelope('task.complete', { taskId: rows.ids.event_tasks![0]! })],
    });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ code: 'not_a_member' });
  });

  it('should take away, live, the tables a lowered role may not read, and keep the others', async () => {
    const manager = await createMember(db.sql, [{ organizationId, role: 'MANAGER' }]);
    const invitations = await follow('invitations', manager.token);
    const events = await follow('events', manager.token);
    const live = shape(
      'invitations',
      manager.token,
      `handle=${invitations.handle}&offset=${invitations.offset}&live=true`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await byOwner('member.setRole', { membershipId: await membershipOf(manager), role: 'STAFF' });
    expect((await live).status).toBe(409);
    const refetch = await shape('invitations', manager.token, 'offset=-1');
    expect(refetch.status).toBe(403);
    expect(((await refetch.json()) as { message: string }).message).toBe('the STAFF role may not read invitations');
    // events are still theirs to read: the shape goes on (its handle is cut for the organization, not the role)
    const caughtUp = await shape('events', manager.token, `handle=${events.handle}&offset=${events.offset}`);
    expect(caughtUp.status).toBe(200);
  });
});
