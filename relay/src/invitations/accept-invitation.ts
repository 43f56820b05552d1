// Accepting an invitation: the person the email went to becomes a member with the invited role.
// The link token or the address and code find the invitation (across organizations, by hash:
// invitation_by_secret, migration 0029); everything after acts for its organization alone, in one
// transaction that locks the invitation, so one invitation makes one membership however often,
// and however concurrently, it is used. The person is created if they have no account yet (the
// email proved the address is theirs), whatever SIGN_UP says: an invitation is how people join.
import type { Sql } from '../db/database.js';
import { asOrganizations } from '../db/as-organizations.js';
import { HttpError } from '../http/errors.js';
import { codeHash, linkHash } from './invitation-secrets.js';
import { personOf } from '../auth/new-person.js';

export type AcceptSecret = { readonly token: string } | { readonly email: string; readonly code: string };

export interface Accepted {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: string;
}

interface FoundInvitation {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** a hash no secret has: the half of the look-up the caller did not send */
const NOTHING = 'none';

const refusals = {
  unknown: () =>
    new HttpError(
      404,
      'invitation_unknown',
      'this invitation link or code is not one we know: check it, or ask for the invitation to be sent again (a re-sent invitation replaces the earlier email)',
    ),
  used: () => new HttpError(410, 'invitation_used', 'this invitation has already been accepted: it works once'),
  revoked: () =>
    new HttpError(410, 'invitation_revoked', 'this invitation was revoked: ask the organization to invite you again'),
  expired: () =>
    new HttpError(
      410,
      'invitation_expired',
      'this invitation has expired (they are valid for 7 days): ask for it to be sent again',
    ),
  otherAddress: (invited: string, signedIn: string) =>
    new HttpError(
      403,
      'invitation_for_another_address',
      `this invitation is for ${invited}, and you are signed in as ${signedIn}: sign in as ${invited} to accept it`,
    ),
  alreadyMember: () => new HttpError(409, 'already_member', 'you are already a member of this organization'),
};

function refusalOf(invitation: FoundInvitation, now: Date): HttpError | undefined {
  if (invitation.accepted_at) return refusals.used();
  if (invitation.revoked_at) return refusals.revoked();
  if (invitation.expires_at <= now) return refusals.expired();
  return undefined;
}

export async function acceptInvitation(
  sql: Sql,
  secret: AcceptSecret,
  /** the person already signed in on this device, if any */
  signedIn: { readonly userId: string; readonly email: string } | undefined,
): Promise<Accepted> {
  const hashes = 'token' in secret ? [linkHash(secret.token), NOTHING] : [NOTHING, codeHash(secret.email, secret.code)];
  const [found] = await sql<FoundInvitation[]>`
    SELECT id, organization_id, email, role, expires_at, accepted_at, revoked_at
      FROM invitation_by_secret(${hashes[0]!}, ${hashes[1]!})`;
  if (!found) throw refusals.unknown();
  if (signedIn && signedIn.email !== found.email) throw refusals.otherAddress(found.email, signedIn.email);

  return asOrganizations(sql, [found.organization_id], async (tx) => {
    // locked: of two uses at once, the second finds it accepted
    const [invitation] = await tx<(FoundInvitation & { now: Date })[]>`
      SELECT id, organization_id, email, role, expires_at, accepted_at, revoked_at, now() AS now
        FROM invitations WHERE id = ${found.id} FOR UPDATE`;
    if (!invitation) throw refusals.unknown();
    const refused = refusalOf(invitation, invitation.now);
    if (refused) throw refused;

    const userId = await personOf(tx, invitation.email);
    const [member] = await tx`
      SELECT 1 FROM memberships WHERE organization_id = ${invitation.organization_id} AND user_id = ${userId}`;
    if (member) throw refusals.alreadyMember();
    const [membership] = await tx<{ id: string }[]>`
      INSERT INTO memberships (organization_id, user_id, role, user_email, user_name)
      VALUES (${invitation.organization_id}, ${userId}, ${invitation.role}, '', '') RETURNING id`;
    await tx`UPDATE invitations SET accepted_at = now(), updated_at = now() WHERE id = ${invitation.id}`;
    // in the organization's audit chain like every mutation: who joined, through which invitation
    await tx`
      INSERT INTO audit_logs (organization_id, actor_user_id, action, entity_table, entity_id, details)
      VALUES (${invitation.organization_id}, ${userId}, 'invitation.accept', 'memberships', ${membership!.id},
              ${JSON.stringify({ invitationId: invitation.id, role: invitation.role })}::text::jsonb)`;
    return { userId, organizationId: invitation.organization_id, role: invitation.role };
  });
}
