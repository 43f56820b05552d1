// Sign-in tokens: one row per sign-in request, holding the HMACs of the code and the link.
// Valid 15 minutes, used once, cancelled after 5 wrong codes.
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
  const [row] = await sql<{ expires_at: Date }[]>`
    INSERT INTO sign_in_tokens (email, user_id, code_hash, link_token_hash, expires_at, request_ip)
    VALUES (${request.email}, ${request.userId}, ${hasher.code(request.email, secrets.code)},
            ${hasher.link(secrets.linkToken)}, now() + make_interval(mins => ${SIGN_IN_VALID_MINUTES}),
            ${request.requestIp})
    RETURNING expires_at`;
  return { ...secrets, expiresAt: row!.expires_at };
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

/** The user a typed code signs in, or a 401 that says what is wrong with the code. */
export async function redeemCode(sql: Sql, hasher: SignInHasher, email: string, code: string): Promise<string> {
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

    // a wrong code counts against every code still open for this address (someone may
    // have asked twice), so guessing gets no more tries by asking for more codes
    const open = rows.filter((row) => stateOf(row) === 'live');
    if (open.length === 0) {
      const latest = rows[0] ? stateOf(rows[0]) : undefined;
      if (latest === 'cancelled' || latest === 'expired') return { refusal: refusals.code[latest]() };
      return { refusal: refusals.codeWrong() };
    }
    const counted = await tx<{ failed_attempts: number }[]>`
      UPDATE sign_in_tokens SET failed_attempts = failed_attempts + 1
       WHERE id IN ${tx(open.map((row) => row.id))}
      RETURNING failed_attempts`;
    const cancelled = counted.every((row) => row.failed_attempts >= MAX_WRONG_CODES);
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
