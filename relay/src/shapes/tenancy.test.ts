// The relay decides what a caller sees: members of one organization never receive another's
// rows, from any synced table, whatever they ask for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTables } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable, type OrganizationRows } from '../testing/every-table.js';

interface ShapeMessage {
  key?: string;
  value?: Record<string, string | null>;
  headers: Record<string, unknown>;
}

describe('tenancy of shapes', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let orgA: string;
  let orgB: string;
  let ownerA: TestMember;
  let ownerB: TestMember;
  let rowsA: OrganizationRows;
  let rowsB: OrganizationRows;

  const get = (query: string, token?: string) =>
    fetch(`${relay.url}/v1/shape?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  /** snapshot plus every later change, as a client following the shape would receive them */
  async function everything(table: string, token: string, where = ''): Promise<ShapeMessage[]> {
    where += '&replica=full';
    const first = await get(`table=${table}&offset=-1${where}`, token);
    expect(first.status, `${table}: ${await first.clone().text()}`).toBe(200);
    const messages = (await first.json()) as ShapeMessage[];
    const handle = first.headers.get('electric-handle')!;
    const more = await get(`table=${table}&offset=0_inf&handle=${handle}${where}`, token);
    // offset 0 asks for every change ever logged: the change-log path is filtered too
    expect(more.status).toBe(200);
    return [...messages, ...((await more.json()) as ShapeMessage[])];
  }

  beforeAll(async () => {
    db = await createTestDatabase('tenancy');
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '500' });
    orgA = await createOrganization(db.sql, 'Org A');
    orgB = await createOrganization(db.sql, 'Org B');
    ownerA = await createMember(db.sql, [{ organizationId: orgA, role: 'OWNER' }]);
    ownerB = await createMember(db.sql, [{ organizationId: orgB, role: 'OWNER' }]);
    rowsA = await fillEveryTable(db.sql, orgA, ownerA.userId);
    rowsB = await fillEveryTable(db.sql, orgB, ownerB.userId);
    // changes after the snapshot too, so the change-log path is exercised
    await db.sql`UPDATE events SET notes = 'changed' WHERE organization_id IN (${orgA}, ${orgB})`;
  });
  afterAll(async () => {
    await relay.stop();
    await db.drop();
  });

  it('gives a member of A every row of A and zero rows of B, from every synced table', async () => {
    const idsOfB = new Set(Object.values(rowsB.ids).flat());
    for (const table of syncedTables) {
      const messages = await everything(table.name, ownerA.token);
      const values = messages.filter((m) => m.value).map((m) => m.value!);
      for (const value of values) {
        expect(idsOfB.has(value.id!), `${table.name} leaked a row of B`).toBe(false);
        expect(value[table.organizationColumn], `${table.name}`).toBe(orgA);
      }
      const ids = new Set(values.map((v) => v.id));
      for (const id of rowsA.ids[table.name] ?? []) expect(ids.has(id), `${table.name} misses a row of A`).toBe(true);
    }
  });

  it("refuses B's shapes to a member of A, whatever the filter", async () => {
    for (const table of syncedTables) {
      const response = await get(
        `table=${table.name}&offset=-1&where="${table.organizationColumn}"=$1&params[1]=${orgB}`,
        ownerA.token,
      );
      expect(response.status, table.name).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/not a member/);
    }
  });

  it('never serves private tables', async () => {
    for (const table of [
      'sessions',
      'sign_in_tokens',
      'mutation_ledger',
      'jobs',
      'users',
      'change_log',
      'document_blobs',
      'schema_migrations',
    ]) {
      const response = await get(`table=${table}&offset=-1`, ownerA.token);
      expect(response.status, table).toBe(403);
    }
  });

  it('never serves secret columns', async () => {
    const messages = await everything('invitations', ownerA.token);
    expect(messages.some((m) => m.value && 'token_hash' in m.value)).toBe(false);
    const asked = await get('table=invitations&offset=-1&columns="id","token_hash"', ownerA.token);
    expect(asked.status).toBe(400);
  });

  it('answers 401 without a token, with an unknown token, and with an expired or revoked session', async () => {
    expect((await get('table=events&offset=-1')).status).toBe(401);
    expect((await get('table=events&offset=-1', 'pos_not-a-real-token-at-all-000000')).status).toBe(401);
    const expired = await createMember(db.sql, [{ organizationId: orgA, role: 'OWNER' }], {
      sessionExpiresInMs: -1000,
    });
    expect((await get('table=events&offset=-1', expired.token)).status).toBe(401);
    const revoked = await createMember(db.sql, [{ organizationId: orgA, role: 'OWNER' }]);
    expect((await get('table=events&offset=-1', revoked.token)).status).toBe(200);
    await db.sql`UPDATE sessions SET revoked_at = now() WHERE id = ${revoked.sessionId}`;
    const after = await get('table=events&offset=-1', revoked.token);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { message: string }).message).toMatch(/sign in/);
  });

  it('limits a PROMOTER to their own requests and events, and refuses them the rest', async () => {
    const promoter = await createMember(db.sql, [{ organizationId: orgA, role: 'PROMOTER' }]);
    await db.sql`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance, promoter_user_id)
      VALUES (${orgA}, ${rowsA.venueId}, 'RQ-PROMO', 'Pat Promoter', 'pat@example.test', 'Pat Band', 'Pat Night',
              '2027-05-01 20:00+00', '2027-05-01 23:00+00', 1300, ${promoter.userId})`;
    const requests = (await everything('event_requests', promoter.token)).filter((m) => m.value);
    expect(new Set(requests.map((m) => m.value!.reference))).toEqual(new Set(['RQ-PROMO']));
    expect((await get('table=deal_terms&offset=-1', promoter.token)).status).toBe(403);
    expect((await get('table=audit_logs&offset=-1', promoter.token)).status).toBe(403);
    const venues = (await everything('venues', promoter.token)).filter((m) => m.value);
    expect(new Set(venues.map((m) => m.value!.id))).toEqual(new Set([rowsA.venueId]));
  });

  it('keeps audit logs from STAFF', async () => {
    const staff = await createMember(db.sql, [{ organizationId: orgA, role: 'STAFF' }]);
    expect(
      (await get(`table=audit_logs&offset=-1&where="organization_id"=$1&params[1]=${orgA}`, staff.token)).status,
    ).toBe(403);
    expect((await get('table=events&offset=-1', staff.token)).status).toBe(200);
  });

  it('turns a membership change into 409 must-refetch for existing handles', async () => {
    const member = await createMember(db.sql, [{ organizationId: orgA, role: 'MANAGER' }]);
    const first = await get('table=events&offset=-1', member.token);
    const handle = first.headers.get('electric-handle')!;
    const offset = first.headers.get('electric-offset')!;
    await db.sql`DELETE FROM memberships WHERE user_id = ${member.userId}`;
    const again = await get(`table=events&offset=${offset}&handle=${handle}`, member.token);
    expect([403, 409]).toContain(again.status);
    expect((await get('table=events&offset=-1', member.token)).status).toBe(403);
  });
});
