// request.setStatus through POST /v1/mutations: every role against a few transitions, allowed
// and refused, and the status email enqueued in the same transaction as the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { roles, type RequestStatus, type Role } from '@promoteros/shared';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization, type TestMember } from '../testing/fixtures.js';
import { fillEveryTable } from '../testing/every-table.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

// allowed moves and refused ones (a final status, a skipped step, SCHEDULED by hand)
const transitions: ReadonlyArray<[RequestStatus, RequestStatus, boolean]> = [
  ['NEW', 'REVIEW', true],
  ['REVIEW', 'APPROVED', true],
  ['APPROVED', 'DECLINED', true],
  ['DECLINED', 'REVIEW', true],
  ['NEW', 'APPROVED', false],
  ['WITHDRAWN', 'REVIEW', false],
  ['APPROVED', 'SCHEDULED', false],
];
const deciders = new Set<Role>(['OWNER', 'MANAGER']);

describe('request decisions through POST /v1/mutations', () => {
  let db: TestDatabase;
  let relay: TestRelay;
  let organizationId: string;
  let venueId: string;
  const members = new Map<Role, TestMember>();

  beforeAll(async () => {
    db = await createTestDatabase('request_decisions');
    relay = await startTestRelay(db);
    organizationId = await createOrganization(db.sql, 'Harbour Stage');
    const owner = await createMember(db.sql, [{ organizationId, role: 'OWNER' }]);
    members.set('OWNER', owner);
    for (const role of roles.filter((r) => r !== 'OWNER'))
      members.set(role, await createMember(db.sql, [{ organizationId, role }]));
    venueId = (await fillEveryTable(db.sql, organizationId, owner.userId)).venueId;
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.drop();
  });

  async function requestIn(status: RequestStatus): Promise<string> {
    const [row] = await db.sql<{ id: string }[]>`
      INSERT INTO event_requests (organization_id, venue_id, reference, contact_name, contact_email, artist_name,
                                  event_title, preferred_start, preferred_end, expected_attendance, status)
      VALUES (${organizationId}, ${venueId}, ${`RQ-D${randomUUID().slice(0, 8)}`}, 'Robin Agent',
              'robin@example.test', 'Night Shift', 'Autumn Run', '2028-09-01 20:00+00', '2028-09-01 23:00+00', 600,
              ${status})
      RETURNING id`;
    return row!.id;
  }

  const jobsFor = (requestId: string) =>
    db.sql<{ kind: string; payload: Record<string, unknown> }[]>`
      SELECT kind, payload FROM jobs WHERE organization_id = ${organizationId} AND payload->>'requestId' = ${requestId}`;

  for (const role of roles) {
    for (const [from, to, move] of transitions) {
      const allowed = move && deciders.has(role);
      it(`should ${allowed ? 'let' : 'refuse'} ${role} ${allowed ? '' : 'to '}move a ${from} request to ${to}`, async () => {
        const requestId = await requestIn(from);
        const member = members.get(role)!;
        const decisionId = randomUUID();
        const { status, body } = await sendBatch(relay, member.token, {
          organizationId,
          mutations: [envelope('request.setStatus', { requestId, decisionId, toStatus: to, note: 'we talked' })],
        });
        expect(status).toBe(200);
        const [result] = body.results;
        const [request] = await db.sql<{ status: string }[]>`SELECT status FROM event_requests WHERE id = ${requestId}`;
        const decisions = await db.sql`SELECT id FROM decision_logs WHERE request_id = ${requestId}`;
        if (allowed) {
          expect(result).toMatchObject({ outcome: 'APPLIED' });
          expect(request!.status).toBe(to);
          expect(decisions.map((d) => d.id)).toEqual([decisionId]);
          expect(await jobsFor(requestId)).toEqual([
            {
              kind: 'request.status_changed',
              payload: { requestId, fromStatus: from, toStatus: to, note: 'we talked', actorUserId: member.userId },
            },
          ]);
        } else {
          expect(result).toMatchObject({ outcome: 'REFUSED', code: deciders.has(role) ? 'rule' : 'forbidden' });
          expect(request!.status).toBe(from);
          expect(decisions).toHaveLength(0);
          expect(await jobsFor(requestId)).toEqual([]);
        }
      });
    }
  }
});
