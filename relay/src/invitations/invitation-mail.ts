// The invitation email (job `invitation.send`, queued by invitation.create and invitation.resend):
// who invites whom to which organization as what, a link and a code, and until when. Written
// from what the database says when the job runs: an invitation revoked or accepted meanwhile
// sends nothing; the invitation is valid INVITATION_VALID_DAYS from this email. The secrets are made here and only their hashes stored, replacing the
// ones of any earlier email of the same invitation (a re-sent invitation's old link stops working).
import { z } from 'zod';
import { roleLabel } from '@promoteros/shared/labels';
import { INVITATION_VALID_DAYS } from '@promoteros/shared/mutations';
import type { LetterContext, LetterWriter } from '../notify/deliver-email.js';
import { writeLetter } from '../notify/letter.js';
import { codeHash, linkHash, newInvitationSecrets } from './invitation-secrets.js';

export const InvitationSendPayload = z.object({ invitationId: z.uuid() });
export type InvitationSendPayload = z.output<typeof InvitationSendPayload>;

/** where the email's link lands (ACCEPT_PAGE_PATH, accept-page.ts) */
export type AcceptLink = (linkToken: string) => string;

export function invitationLetter(acceptLink: AcceptLink): LetterWriter<InvitationSendPayload> {
  return async ({ invitationId }, { sql, mailFrom }: LetterContext) => {
    const [invitation] = await sql<
      {
        email: string;
        role: string;
        expires_at: Date;
        organization: string;
        inviter: string | null;
        from: string | null;
      }[]
    >`
      SELECT i.email, i.role, i.expires_at, o.name AS organization, o.email_from AS from,
             (SELECT m.user_name FROM memberships m
               WHERE m.organization_id = i.organization_id AND m.user_id = i.invited_by) AS inviter
        FROM invitations i JOIN organizations o ON o.id = i.organization_id
       WHERE i.id = ${invitationId} AND i.accepted_at IS NULL AND i.revoked_at IS NULL`;
    if (!invitation) return undefined;
    const secrets = newInvitationSecrets();
    // the week starts when the email goes out, on the relay's clock: the plan's expiry was the
    // device's estimate, and an invitation made offline days ago must not arrive half used up
    const [sent] = await sql<{ expires_at: Date }[]>`
      UPDATE invitations SET token_hash = ${linkHash(secrets.linkToken)},
                             code_hash = ${codeHash(invitation.email, secrets.code)},
                             expires_at = now() + make_interval(days => ${INVITATION_VALID_DAYS}),
                             updated_at = now()
       WHERE id = ${invitationId} RETURNING expires_at`;
    invitation.expires_at = sent!.expires_at;
    const role = roleLabel(invitation.role);
    const until = invitation.expires_at.toISOString().slice(0, 10);
    const who = invitation.inviter ? `${invitation.inviter} invites you` : 'You are invited';
    const letter = writeLetter([invitation.email], `Join ${invitation.organization} on PromoterOS`, {
      organizationName: invitation.organization,
      venueName: invitation.organization,
      greeting: 'Hello,',
      lead: [`${who} to join ${invitation.organization} on PromoterOS as ${role}.`],
      facts: [
        ['Accept', acceptLink(secrets.linkToken)],
        ['Or type this code', secrets.code],
        ['Valid until', `${until} (UTC)`],
      ],
      close: [
        'The link and the code work once. If you did not expect this invitation, ignore this email: nothing happens unless you accept.',
      ],
    });
    return { letter, from: invitation.from ?? mailFrom };
  };
}
