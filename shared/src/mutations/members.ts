// The organization's people: changing a member's role, removing a member, leaving.
// - Who: an OWNER changes and removes anyone; a MANAGER only STAFF and PROMOTER members, and only
//   to those roles (mayManageRole, ../roles.ts); anyone may leave.
// - The last OWNER can be neither demoted, removed nor leave: an organization without an owner
//   could never again change its locale, venues or owners. The plan reads the owners' rows through
//   the reader, which on the relay locks them (FOR UPDATE) inside the organization's batch lock, so
//   of two owners demoting each other at once exactly one succeeds.
// - What a removal does: the relay reads memberships on every request, so the person's sessions
//   lose the organization at once (docs/organizations.md).
import { z } from 'zod';
import { oneOf, uuid } from '../entities/fields.js';
import { mayManageRole, roles, type Role } from '../roles.js';
import { defineMutation, mustGet, RuleViolation, type MutationContext, type Row, type RowReader } from './define.js';

const who = (member: Row): string => String(member.user_name || member.user_email || 'this member');

/** the member, if this role may change or remove them */
async function manageableMember(read: RowReader, membershipId: string, actor: Role): Promise<Row> {
  const member = await mustGet(read, 'memberships', membershipId, 'the membership');
  if (!mayManageRole(actor, member.role as Role)) {
    throw new RuleViolation(
      `only OWNER may change or remove ${who(member)}, a ${String(member.role)}; your role here is ${actor}`,
      'forbidden',
    );
  }
  return member;
}

/** refuses taking the last OWNER's seat away (the owners' rows stay locked until the commit) */
async function notLastOwner(read: RowReader, member: Row, what: string): Promise<void> {
  if (member.role !== 'OWNER') return;
  const owners = await read.where('memberships', { role: 'OWNER' });
  if (owners.filter((o) => o.id !== member.id).length === 0) {
    throw new RuleViolation(
      `${who(member)} is the organization's last owner and cannot ${what}: make another member an owner first`,
    );
  }
}

async function ownMembership(read: RowReader, membershipId: string, context: MutationContext): Promise<Row> {
  const member = await mustGet(read, 'memberships', membershipId, 'your membership');
  if (member.user_id !== context.userId) throw new RuleViolation('this membership is not yours', 'forbidden');
  return member;
}

export const memberSetRole = defineMutation({
  name: 'member.setRole',
  minimumRole: 'MANAGER',
  args: z.object({ membershipId: uuid, role: oneOf(roles) }),
  refuseRole: (args, role) =>
    mayManageRole(role, args.role) ? undefined : `only OWNER may make a member ${args.role}; your role here is ${role}`,
  subject: (args) => ({ table: 'memberships', id: args.membershipId }),
  describe: (args) => `Make a member ${args.role}`,
  async plan(args, context, read) {
    const member = await manageableMember(read, args.membershipId, context.role);
    if (member.role === args.role) return [];
    if (args.role !== 'OWNER') await notLastOwner(read, member, `become ${args.role}`);
    return [
      { op: 'update', table: 'memberships', id: args.membershipId, set: { role: args.role, updated_at: context.at } },
    ];
  },
});

export const memberRemove = defineMutation({
  name: 'member.remove',
  minimumRole: 'MANAGER',
  args: z.object({ membershipId: uuid }),
  subject: (args) => ({ table: 'memberships', id: args.membershipId }),
  describe: () => 'Remove a member from the organization',
  async plan(args, context, read) {
    // removed already (by someone else): nothing left to do
    if (!(await read.get('memberships', args.membershipId))) return [];
    const member = await manageableMember(read, args.membershipId, context.role);
    await notLastOwner(read, member, 'be removed');
    return [{ op: 'delete', table: 'memberships', id: args.membershipId }];
  },
});

export const memberLeave = defineMutation({
  name: 'member.leave',
  minimumRole: 'PROMOTER',
  args: z.object({
    /** the caller's own membership (the desktop has it synced) */
    membershipId: uuid,
  }),
  subject: (args) => ({ table: 'memberships', id: args.membershipId }),
  describe: () => 'Leave the organization',
  async plan(args, context, read) {
    const member = await ownMembership(read, args.membershipId, context);
    await notLastOwner(read, member, 'leave');
    return [{ op: 'delete', table: 'memberships', id: args.membershipId }];
  },
});
