// Invitations from the invited person's side (the members' side is the invitation.* mutations):
//   GET  /invitation?token=…           → the email link's page: hands the token to the app
//   POST /v1/invitations/accept {token} | {email, code}, deviceName?, platform?
//        → 200 {sessionToken, expiresAt} (none when the request came signed in) + account + joined
//          404 invitation_unknown, 410 invitation_used | invitation_revoked | invitation_expired,
//          403 invitation_for_another_address (signed in as someone else), 409 already_member,
//          429 past the limit of tries per client address
// Every answer is `Cache-Control: no-store`.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { RelayConfig } from '../config.js';
import type { RateLimits } from '../http/rate-limits.js';
import { parseBody } from '../http/validate.js';
import { sendPage } from '../http/html-page.js';
import { authenticate } from '../auth/caller.js';
import { DeviceName, Email, LinkToken, requireCodeOrLink } from '../auth/body-schemas.js';
import { SignInLimits } from '../auth/sign-in-limits.js';
import { accountOf, openSession } from '../auth/sessions.js';
import { escapeHtml } from '../notify/letter.js';
import { acceptInvitation } from './accept-invitation.js';
import { Platform } from '../devices/platform.js';

export const ACCEPT_PAGE_PATH = '/invitation';

const InvitationCode = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be the code from the email') })
  .max(40, 'must be the code from the email')
  .regex(/^[2-9A-Za-z\s-]+$/, 'must be the code from the email');

export const AcceptBody = z
  .object({
    token: LinkToken.optional(),
    email: Email.optional(),
    code: InvitationCode.optional(),
    deviceName: DeviceName.optional(),
    platform: Platform.optional(),
  })
  .superRefine(requireCodeOrLink);

export interface InvitationRouteOptions {
  readonly db: Database;
  readonly config: RelayConfig;
  readonly rateLimits: RateLimits;
}

export const invitationRoutes: FastifyPluginAsync<InvitationRouteOptions> = async (app, { db, config, rateLimits }) => {
  const { sql } = db;
  // the same budget of tries per client address as sign-in codes: a code is a secret to guess
  const limits = new SignInLimits(rateLimits, {
    perIp: config.SIGN_IN_LIMIT_PER_IP,
    perEmail: config.SIGN_IN_LIMIT_PER_EMAIL,
    verifyPerIp: config.VERIFY_LIMIT_PER_IP,
    verifyPerEmail: config.VERIFY_LIMIT_PER_EMAIL,
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get<{ Querystring: { token?: string } }>(ACCEPT_PAGE_PATH, async (request, reply) => {
    const token = LinkToken.safeParse(request.query.token);
    if (!token.success) return sendPage(reply, 400, handoffPage(undefined), noReferrer);
    return sendPage(reply, 200, handoffPage(token.data), noReferrer);
  });

  app.post('/v1/invitations/accept', async (request) => {
    const body = parseBody(AcceptBody, request);
    await limits.countTry(request.ip);
    const caller = request.headers.authorization ? await authenticate(sql, request) : undefined;
    const signedIn = caller && (await accountOf(sql, caller.userId)).user;
    const secret = body.token !== undefined ? { token: body.token } : { email: body.email!, code: body.code! };
    const joined = await acceptInvitation(sql, secret, signedIn && { userId: signedIn.id, email: signedIn.email });
    const session = caller
      ? undefined
      : await openSession(sql, {
          userId: joined.userId,
          deviceName: body.deviceName ?? request.headers['user-agent']?.slice(0, 200) ?? 'unknown device',
          platform: body.platform,
          ttlDays: config.SESSION_TTL_DAYS,
        });
    return {
      ...(session && { sessionToken: session.sessionToken, expiresAt: session.expiresAt.toISOString() }),
      ...(await accountOf(sql, joined.userId)),
      joined: { organizationId: joined.organizationId, role: joined.role },
    };
  });
};

// the page holds a live invitation token: no link on it passes it on, and it runs no script
const noReferrer = {
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
};

function handoffPage(token: string | undefined): string {
  const body = token
    ? `<h1>Join on PromoterOS</h1>
<p><a href="promoteros://invitation?token=${escapeHtml(encodeURIComponent(token))}">Open PromoterOS and accept the invitation</a></p>
<p>If the app does not open, paste this on its sign-in screen under “I have an invitation”:</p>
<p><code>${escapeHtml(token)}</code></p>`
    : `<h1>This invitation link is incomplete</h1><p>Copy the whole link from the email, or type the code it gives.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PromoterOS invitation</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em; margin: 2em auto">${body}</body></html>`;
}
