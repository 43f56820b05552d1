// Inviting people: an OWNER invites with any role, a MANAGER only STAFF and PROMOTER
// (mayManageRole, ../roles.ts). An invitation is valid INVITATION_VALID_DAYS from its last email
// (the plan's expiry is the device's estimate; the relay's email job sets it on its own clock),
// is used once, and can be revoked until then. The plan writes the row and
// queues the email job; the relay's job makes the link and the code, stores only their hashes and
// sends them (relay/src/invitations), so no secret is ever in a plan, a replica or the outbox.
import { z } from 'zod';
import { email, oneOf, uuid } from '../entities/fields.js';
import { mayManageRole, roles, type Role } from '../roles.js';
import { defineMutation, mustGet, RuleViolation, type PlannedWrite, type Row, type RowReader } from './define.js';

export const INVITATION_VALID_DAYS = 7;
/** the job that makes an invitation's link and code and emails them */
export const INVITATION_SEND_JOB = 'invitation.send';

const DAY_MS = 86_400_000;
const expiresAt = (at: string): string => new Date(Date.parse(at) + INVITATION_VALID_DAYS * DAY_MS).toISOString();

/** typed addresses arrive in any case and with stray spaces: stored lower case, as users holds them */
const invitedEmail = z
  .string('must be text')
  .transform((s) => s.trim().toLowerCase())
  .pipe(email);

const mayInvite = (actor: Role, role: Role): string | undefined =>
  mayManageRole(actor, role)
    ? undefined
    : `only OWNER may invite, re-send or revoke an invitation as ${role}; your role here is ${actor}`;

/** the invitation, still open, and one this role may act on */
async function openInvitation(read: RowReader, invitationId: string, actor: Role): Promise<Row> {
  const invitation = await mustGet(read, 'invitations', invitationId, 'the invitation');
  const refused = mayInvite(actor, invitation.role as Role);
  if (refused) throw new RuleViolation(refused, 'forbidden');
  if (invitation.accepted_at !== null) throw new RuleViolation(`${String(invitation.email)} has already accepted`);
  return invitation;
}

export const invitationCreate = defineMutation({
  name: 'invitation.create',
  minimumRole: 'MANAGER',
  args: z.object({
    /** made by the device, so the optimistic row and the relay's row are the same row */
    invitationId: uuid,
    email: invitedEmail,
    role: oneOf(roles),
  }),
  refuseRole: (args, role) => mayInvite(role, args.role),
  subject: (args) => ({ table: 'invitations', id: args.invitationId }),
  describe: (args) => `Invite ${args.email} as ${args.role}`,
  async plan(args, context, read) {
    if (await read.get('invitations', args.invitationId))
      throw new RuleViolation('an invitation with this id already exists');
    const [member] = await read.where('memberships', { user_email: args.email });
    if (member) throw new RuleViolation(`${args.email} is already a member (${String(member.role)})`);
    const writes: PlannedWrite[] = [];
    const open = (await read.where('invitations', { email: args.email, accepted_at: null, revoked_at: null }))[0];
    if (open) {
      if (Date.parse(String(open.expires_at)) > Date.parse(context.at)) {
        throw new RuleViolation(`${args.email} is already invited: re-send that invitation instead`);
      }
      // an expired one makes way (one open invitation per address)
      writes.push({
        op: 'update',
        table: 'invitations',
        id: String(open.id),
        set: { revoked_at: context.at, updated_at: context.at },
      });
    }
    writes.push(
      {
        op: 'insert',
        table: 'invitations',
        row: {
          id: args.invitationId,
          email: args.email,
          role: args.role,
          invited_by: context.userId,
          expires_at: expiresAt(context.at),
          accepted_at: null,
          revoked_at: null,
          created_at: context.at,
          updated_at: context.at,
        },
      },
      { op: 'enqueue', kind: INVITATION_SEND_JOB, payload: { invitationId: args.invitationId } },
    );
    return writes;
  },
});

export const invitationResend = defineMutation({
  name: 'invitation.resend',
  minimumRole: 'MANAGER',
  args: z.object({ invitationId: uuid }),
  subject: (args) => ({ table: 'invitations', id: args.invitationId }),
  describe: () => 'Re-send an invitation',
  async plan(args, context, read) {
    const invitation = await openInvitation(read, args.invitationId, context.role);
    if (invitation.revoked_at !== null) {
      throw new RuleViolation(`the invitation of ${String(invitation.email)} was revoked: invite them again`);
    }
    // a fresh week from now, and a new link and code (the email job replaces the old ones)
    return [
      {
        op: 'update',
        table: 'invitations',
        id: args.invitationId,
        set: { expires_at: expiresAt(context.at), updated_at: context.at },
      },
      { op: 'enqueue', kind: INVITATION_SEND_JOB, payload: { invitationId: args.invitationId } },
    ];
  },
});

export const invitationRevoke = defineMutation({
  name: 'invitation.revoke',
  minimumRole: 'MANAGER',
  args: z.object({ invitationId: uuid }),
  subject: (args) => ({ table: 'invitations', id: args.invitationId }),
  describe: () => 'Revoke an invitation',
  async plan(args, context, read) {
    const invitation = await openInvitation(read, args.invitationId, context.role);
    if (invitation.revoked_at !== null) return [];
    return [
      {
        op: 'update',
        table: 'invitations',
        id: args.invitationId,
        set: { revoked_at: context.at, updated_at: context.at },
      },
    ];
  },
});
