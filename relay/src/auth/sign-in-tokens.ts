// Sign-in tokens: one row per sign-in request, holding the HMACs of the code and the link.
// Valid 15 minutes, used once, cancelled after 5 wrong codes typed by the client that asked for it.
//
// A wrong code counts against a sign-in only when it comes with that sign-in's id (signInId, in
// the answer to the request and nowhere else: not in the email, not in a log), so only the client
// that asked can use up its tries; anyone else's wrong codes for the address leave it live. They
// are counted per client address and per email address instead (sign-in-limits.ts).
//
// Unknown emails get a row too (with no user), so that every answer — to the request and to
// any code typed for that address — is the same as for a member: nobody can learn from the
// relay whether an address has an account. Such a row can never sign anyone in.
import type { Sql } from '../db/database.js';
import { HttpError, unauthorized } from '../http/errors.js';
import { newSignInSecrets, type SignInHasher, type SignInSecrets } from './sign-in-codes.js';

export const SIGN_IN_VALID_MINUTES = 15;
export const MAX_WRONG_CODES = 5;

export interface IssuedSignIn extends SignInSecrets {
  /** the sign-in's id: the client that asked names it when it types the code */
  readonly signInId: string;
  readonly expiresAt: Date;
}

export async function issueSignInToken(
  sql: Sql,
  hasher: SignInHasher,
  request: { readonly email: string; readonly userId: string | null; readonly requestIp: string },
): Promise<IssuedSignIn> {
  const secrets = newSignInSecrets();
  // rows older than a day can no longer answer anything useful: drop this address's old ones
  await sql`DELETE FROM sign_in_tokens WHERE email = ${request.email} AND created_at < now() - interval '1 day'`;
  const [row] = await sql<{ id: string; expires_at: Date }[]>`
    INSERT INTO sign_in_tokens (email, user_id, code_hash, link_token_hash, expires_at, request_ip)
    VALUES (${request.email}, ${request.userId}, ${hasher.code(request.email, secrets.code)},
            ${hasher.link(secrets.linkToken)}, now() + make_interval(mins => ${SIGN_IN_VALID_MINUTES}),
            ${request.requestIp})
    RETURNING id, expires_at`;
  return { ...secrets, signInId: row!.id, expiresAt: row!.expires_at };
}

interface TokenRow {
  readonly id: string;
  readonly user_id: string | null;
  readonly code_hash: string;
  readonly failed_attempts: number;
  readonly consumed_at: Date | null;
  readonly expired: boolean;
}

export type TokenState = 'live' | 'used' | 'cancelled' | 'expired';

function stateOf(row: TokenRow): TokenState {
  if (row.consumed_at) return 'used';
  if (row.failed_attempts >= MAX_WRONG_CODES) return 'cancelled';
  if (row.expired) return 'expired';
  return 'live';
}

const refusals = {
  codeWrong: () =>
    unauthorized('that code is not right: check the latest sign-in email, or ask for a new code', 'code_incorrect'),
  code: {
    used: () => unauthorized('that code was already used: ask for a new one', 'code_used'),
    cancelled: () =>
      unauthorized('too many wrong codes: this sign-in was cancelled, ask for a new code', 'code_cancelled'),
    expired: () =>
      unauthorized(
        `that code has expired (codes work for ${SIGN_IN_VALID_MINUTES} minutes): ask for a new one`,
        'code_expired',
      ),
  },
  linkUnknown: () => unauthorized('that sign-in link is not valid: ask for a new one', 'link_invalid'),
  link: {
    used: () => unauthorized('that sign-in link was already used: ask for a new one', 'link_used'),
    cancelled: () =>
      unauthorized('too many wrong codes: this sign-in was cancelled, ask for a new code', 'code_cancelled'),
    expired: () =>
      unauthorized(
        `that sign-in link has expired (links work for ${SIGN_IN_VALID_MINUTES} minutes): ask for a new one`,
        'link_expired',
      ),
  },
};

type Outcome = { readonly userId: string } | { readonly refusal: HttpError };

function settle(outcome: Outcome): string {
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.userId;
}

/** Whether `signInId` names a recent sign-in of this address (so the client typing the code asked for it). */
export async function isSignInOf(sql: Sql, signInId: string, email: string): Promise<boolean> {
  const [row] = await sql`
    SELECT 1 FROM sign_in_tokens
     WHERE id = ${signInId} AND email = ${email} AND created_at > now() - interval '1 day'`;
  return row !== undefined;
}

/**
 * The user a typed code signs in, or a 401 that says what is wrong with the code. The code may be
 * any live one of the address (a person who asked twice may type the first email's code); a wrong
 * one counts against the sign-in `boundTo` names (the client's own, see isSignInOf), if any.
 */
export async function redeemCode(
  sql: Sql,
  hasher: SignInHasher,
  email: string,
  code: string,
  boundTo?: string,
): Promise<string> {
  const hash = hasher.code(email, code);
  // the refusal is returned, not thrown, so that a wrong-code count is committed
  const outcome = await sql.begin(async (tx): Promise<Outcome> => {
    // locked: two devices typing at once cannot both use one code or both miss the count
    const rows = await tx<TokenRow[]>`
      SELECT id, user_id, code_hash, failed_attempts, consumed_at, expires_at <= now() AS expired
        FROM sign_in_tokens
       WHERE email = ${email} AND created_at > now() - interval '1 day'
       ORDER BY created_at DESC
         FOR UPDATE`;
    const matching = rows.filter((row) => row.code_hash === hash);
    const hit = matching.find((row) => stateOf(row) === 'live' && row.user_id);
    if (hit) {
      await tx`UPDATE sign_in_tokens SET consumed_at = now() WHERE id = ${hit.id}`;
      return { userId: hit.user_id! };
    }
    const spent = matching.find((row) => stateOf(row) !== 'live');
    if (spent) return { refusal: refusals.code[stateOf(spent) as Exclude<TokenState, 'live'>]() };

    const own = boundTo === undefined ? undefined : rows.find((row) => row.id === boundTo);
    if (!own) {
      // not bound to a sign-in of this client: nothing to count here (the caller counted the try)
      const open = rows.some((row) => stateOf(row) === 'live');
      const latest = rows[0] ? stateOf(rows[0]) : undefined;
      if (!open && (latest === 'cancelled' || latest === 'expired')) return { refusal: refusals.code[latest]() };
      return { refusal: refusals.codeWrong() };
    }
    const state = stateOf(own);
    if (state !== 'live') return { refusal: refusals.code[state]() };
    const [counted] = await tx<{ failed_attempts: number }[]>`
      UPDATE sign_in_tokens SET failed_attempts = failed_attempts + 1 WHERE id = ${own.id}
      RETURNING failed_attempts`;
    const cancelled = counted!.failed_attempts >= MAX_WRONG_CODES;
    return { refusal: cancelled ? refusals.code.cancelled() : refusals.codeWrong() };
  });
  return settle(outcome);
}

/**
 * What a sign-in link would do now, without using it (the page the email's link opens, which
 * hands the token to the app): unknown, or the state of its sign-in and the minutes it has left.
 */
export async function peekLink(
  sql: Sql,
  hasher: SignInHasher,
  linkToken: string,
): Promise<{ state: TokenState | 'unknown'; minutesLeft: number }> {
  const [row] = await sql<(TokenRow & { seconds_left: number })[]>`
    SELECT id, user_id, code_hash, failed_attempts, consumed_at, expires_at <= now() AS expired,
           extract(epoch FROM expires_at - now())::float8 AS seconds_left
      FROM sign_in_tokens
     WHERE link_token_hash = ${hasher.link(linkToken)}`;
  // a row without a user (an address with no account) never had a link mailed
  if (!row?.user_id) return { state: 'unknown', minutesLeft: 0 };
  return { state: stateOf(row), minutesLeft: Math.max(0, Math.ceil(Number(row.seconds_left) / 60)) };
}

/** The user a sign-in link signs in, or a 401 that says what is wrong with the link. */
export async function redeemLink(sql: Sql, hasher: SignInHasher, linkToken: string): Promise<string> {
  const outcome = await sql.begin(async (tx): Promise<Outcome> => {
    const [row] = await tx<TokenRow[]>`
      SELECT id, user_id, code_hash, failed_attempts, consumed_at, expires_at <= now() AS expired
        FROM sign_in_tokens
       WHERE link_token_hash = ${hasher.link(linkToken)}
         FOR UPDATE`;
    if (!row?.user_id) return { refusal: refusals.linkUnknown() };
    const state = stateOf(row);
    if (state !== 'live') return { refusal: refusals.link[state]() };
    await tx`UPDATE sign_in_tokens SET consumed_at = now() WHERE id = ${row.id}`;
    return { userId: row.user_id };
  });
  return settle(outcome);
}
