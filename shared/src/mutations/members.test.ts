import { describe, expect, it } from 'vitest';
import { mayManageRole, manageableRoles, roles } from '../roles.js';
import { gateMutation } from './gate.js';
import { memberLeave, memberRemove, memberSetRole } from './members.js';
import { invitationCreate } from './invitations.js';
import { venueUpdate } from './venues.js';
import { MemoryRows } from './testing/memory-reader.js';
import { contextAs, id, USER } from './testing/fixtures.js';

const member = (n: number, role: string, userId = id(100 + n)) => ({
  id: id(n),
  user_id: userId,
  role,
  user_name: `Person ${n}`,
  user_email: `person-${n}@example.test`,
});

describe('who may manage whom', () => {
  it('should let an OWNER manage every role and a MANAGER only STAFF and PROMOTER', () => {
    expect(manageableRoles('OWNER')).toEqual([...roles]);
    expect(manageableRoles('MANAGER')).toEqual(['STAFF', 'PROMOTER']);
    expect(manageableRoles('STAFF')).toEqual([]);
    expect(mayManageRole('PROMOTER', 'PROMOTER')).toBe(false);
  });

  it('should refuse in the gate, on either side, what the arguments alone forbid', () => {
    const asManager = (definition: Parameters<typeof gateMutation>[0], args: unknown) =>
      gateMutation(definition, args, 'MANAGER');
    expect(asManager(invitationCreate, { invitationId: id(1), email: 'a@example.test', role: 'OWNER' })).toMatchObject({
      passed: false,
      code: 'forbidden',
    });
    expect(asManager(memberSetRole, { membershipId: id(1), role: 'MANAGER' })).toMatchObject({ passed: false });
    expect(asManager(venueUpdate, { venueId: id(1), slug: 'new-room' })).toMatchObject({ passed: false });
    expect(asManager(venueUpdate, { venueId: id(1), capacity: 900 })).toMatchObject({ passed: true });
  });
});

describe('the last owner', () => {
  /** what planning came to: 'planned', or the refusal's words */
  const outcome = (run: () => Promise<unknown>) =>
    run().then(
      () => 'planned',
      (error: Error) => error.message,
    );

  it('should refuse demoting, removing or the leaving of the only owner, and allow it with two', async () => {
    const owner = contextAs('OWNER');
    const alone = new MemoryRows({ memberships: [member(1, 'OWNER', USER), member(2, 'STAFF')] });
    const lastOwner = /^Person 1 is the organization's last owner and cannot/;
    expect(await outcome(() => memberSetRole.plan({ membershipId: id(1), role: 'MANAGER' }, owner, alone))).toMatch(
      lastOwner,
    );
    expect(await outcome(() => memberRemove.plan({ membershipId: id(1) }, owner, alone))).toMatch(lastOwner);
    expect(await outcome(() => memberLeave.plan({ membershipId: id(1) }, owner, alone))).toMatch(lastOwner);

    const two = new MemoryRows({ memberships: [member(1, 'OWNER', USER), member(3, 'OWNER')] });
    expect(await memberLeave.plan({ membershipId: id(1) }, owner, two)).toEqual([
      { op: 'delete', table: 'memberships', id: id(1) },
    ]);
  });

  it("should refuse a MANAGER changing an owner, and anyone leaving with another's membership", async () => {
    const rows = new MemoryRows({ memberships: [member(1, 'OWNER'), member(2, 'MANAGER', USER)] });
    await expect(memberRemove.plan({ membershipId: id(1) }, contextAs('MANAGER'), rows)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(memberLeave.plan({ membershipId: id(1) }, contextAs('MANAGER'), rows)).rejects.toMatchObject({
      code: 'forbidden',
      message: 'this membership is not yours',
    });
  });
});
