// Sign-in by emailed code or link, and the sessions it opens:
//   POST /v1/auth/sign-in  {email, deviceName?}              → 202 {signInId}, the same for every address
//   POST /v1/auth/verify   {email, code, signInId?} | {token}, deviceName → 200 session token + account
//   GET  /v1/auth/session  (Bearer)                           → 200 account
//   POST /v1/auth/sign-out (Bearer)                           → 204, the session is revoked
//   GET  /sign-in?token=…                                     → the email link's page (sign-in-page.ts)
// Every answer here is `Cache-Control: no-store`: they carry session tokens, sign-in ids and
// account details that no cache between the relay and the app may keep.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import type { RelayConfig } from '../config.js';
import { parseBody } from '../http/validate.js';
import { publicUrl } from '../http/public-url.js';
import { createSmtpMailer, type Mailer } from '../mail/mailer.js';
import { signInMail } from '../mail/sign-in-mail.js';
import type { EmailMetrics } from '../notify/email-metrics.js';
import { authenticate } from './caller.js';
import { SignInBody, VerifyBody } from './body-schemas.js';
import { SignInHasher, type SignInSecrets } from './sign-in-codes.js';
import { signInSecret } from './sign-in-secret.js';
import type { RateLimits } from '../http/rate-limits.js';
import { SignInLimits } from './sign-in-limits.js';
import { SignInDelivery } from './sign-in-delivery.js';
import { SIGN_IN_PAGE_PATH, signInPageRoute } from './sign-in-page.js';
import { isSignInOf, issueSignInToken, redeemCode, redeemLink, SIGN_IN_VALID_MINUTES } from './sign-in-tokens.js';
import { accountOf, openSession, revokeSession } from './sessions.js';
import { personOf } from './new-person.js';

/** A sign-in code that was not mailed (development without SMTP_URL), for whoever shows it. */
export interface UnmailedSignInCode {
  readonly email: string;
  readonly code: string;
  readonly link: string;
  readonly validMinutes: number;
}
export type SignInCodeOutlet = (code: UnmailedSignInCode) => void;

export interface AuthRouteOptions {
  readonly db: Database;
  readonly config: RelayConfig;
  /** where the sign-in limits are counted (shared by every relay on the database) */
  readonly rateLimits: RateLimits;
  /** the emails counters of /metrics, shared with the job loop's emails */
  readonly emailMetrics?: EmailMetrics;
  /** the waits between tries of a sign-in email (tests shorten them) */
  readonly retryDelaysMs?: readonly number[];
  /** where unmailed sign-in codes go in development; unset: a warning in the log */
  readonly signInCodes?: SignInCodeOutlet;
}

export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (
  app,
  { db, config, rateLimits, emailMetrics, retryDelaysMs, signInCodes },
) => {
  const { sql } = db;
  const hasher = new SignInHasher(signInSecret(config, app.log));
  const limits = new SignInLimits(rateLimits, {
    perIp: config.SIGN_IN_LIMIT_PER_IP,
    perEmail: config.SIGN_IN_LIMIT_PER_EMAIL,
    verifyPerIp: config.VERIFY_LIMIT_PER_IP,
    verifyPerEmail: config.VERIFY_LIMIT_PER_EMAIL,
  });
  // this plugin's routes only (and their refusals): none of their answers may be kept by a cache
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  const mailer: Mailer | undefined = config.SMTP_URL
    ? createSmtpMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM })
    : undefined;
  if (!mailer && config.NODE_ENV === 'production') {
    app.log.error('SMTP_URL is not set: nobody can sign in until it is');
  }

  // mail goes out after the answer, so that known and unknown addresses take the same time;
  // closing the relay waits for mail already on its way
  const delivery = mailer && new SignInDelivery({ mailer, log: app.log, metrics: emailMetrics, retryDelaysMs });
  app.addHook('onClose', async () => {
    await delivery?.close();
    mailer?.close();
  });

  function deliver(email: string, secrets: SignInSecrets, deviceName: string | undefined): void {
    const link = `${publicUrl(config.PUBLIC_URL, app.server)}${SIGN_IN_PAGE_PATH}?token=${secrets.linkToken}`;
    if (!delivery) {
      if (config.NODE_ENV === 'production') {
        app.log.error(`sign-in code for ${email} not sent: SMTP_URL is not set`);
      } else if (signInCodes) {
        signInCodes({ email, code: secrets.code, link, validMinutes: SIGN_IN_VALID_MINUTES });
      } else {
        app.log.warn(`SIGN-IN CODE for ${email}: ${secrets.code} (SMTP_URL not set) link: ${link}`);
      }
      return;
    }
    delivery.send(signInMail({ to: email, code: secrets.code, link, validMinutes: SIGN_IN_VALID_MINUTES, deviceName }));
  }

  // where the email's link lands in a browser: it hands the token on to the app
  await app.register(signInPageRoute, { sql, hasher, config });

  app.post('/v1/auth/sign-in', async (request, reply) => {
    const { email, deviceName } = parseBody(SignInBody, request);
    await limits.countRequest(request.ip, email);
    let [user] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${email}`;
    // open sign-up: a new address gets an account and a code like any other; what it can reach
    // is nothing until it creates or joins an organization
    if (!user && config.SIGN_UP === 'open') {
      user = { id: await personOf(sql, email) };
    }
    const issued = await issueSignInToken(sql, hasher, { email, userId: user?.id ?? null, requestIp: request.ip });
    if (user) deliver(email, issued, deviceName);
    return reply.status(202).send({
      ok: true,
      // for this client only: the code's wrong tries count against this sign-in when it names it
      signInId: issued.signInId,
      message: `If ${email} belongs to a PromoterOS account, a sign-in code is on its way. It works once, for ${SIGN_IN_VALID_MINUTES} minutes.`,
    });
  });

  app.post('/v1/auth/verify', async (request) => {
    const body = parseBody(VerifyBody, request);
    await limits.countTry(request.ip);
    let userId: string;
    if (body.token !== undefined) {
      userId = await redeemLink(sql, hasher, body.token);
    } else {
      const email = body.email!;
      const bound = body.signInId !== undefined && (await isSignInOf(sql, body.signInId, email));
      if (!bound) await limits.countUnboundTry(email);
      userId = await redeemCode(sql, hasher, email, body.code!, bound ? body.signInId : undefined);
    }
    const deviceName = body.deviceName ?? request.headers['user-agent']?.slice(0, 200) ?? 'unknown device';
    const session = await openSession(sql, {
      userId,
      deviceName,
      platform: body.platform,
      ttlDays: config.SESSION_TTL_DAYS,
    });
    return {
      sessionToken: session.sessionToken,
      expiresAt: session.expiresAt.toISOString(),
      ...(await accountOf(sql, userId)),
    };
  });

  app.get('/v1/auth/session', async (request) => {
    const caller = await authenticate(sql, request);
    const [session] = await sql<{ device_name: string; expires_at: Date }[]>`
      SELECT device_name, expires_at FROM sessions WHERE id = ${caller.sessionId}`;
    return {
      ...(await accountOf(sql, caller.userId)),
      session: { id: caller.sessionId, deviceName: session!.device_name, expiresAt: session!.expires_at.toISOString() },
    };
  });

  app.post('/v1/auth/sign-out', async (request, reply) => {
    const caller = await authenticate(sql, request);
    await revokeSession(sql, caller.sessionId);
    return reply.status(204).send();
  });
};
