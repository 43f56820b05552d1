// The token in every intake form: when it was handed out, for which venue, signed by the relay.
// It does two jobs. A form sent back sooner than a person could have filled it in is a bot's
// (the minimum fill time); and a form sent twice carries the same token, so the request's id,
// derived from the token, makes the second send find the first request instead of filing another.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A form left open longer than this must be sent again from a fresh page. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type TokenCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'invalid' | 'expired' }
  | { readonly ok: false; readonly problem: 'too_fast'; readonly waitSeconds: number };

export class FormTokens {
  readonly #key: Buffer;

  constructor(
    secret: string,
    private readonly minFillMs: number,
  ) {
    // a key of its own, so that a form token can never stand in for a sign-in code's HMAC
    this.#key = createHmac('sha256', secret).update('intake-form-token').digest();
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }

  /** A token for a form of this venue, handed out now. */
  issue(venueId: string, now = Date.now()): string {
    const body = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
    return `${body}.${this.#sign(`${venueId}.${body}`)}`;
  }

  check(token: unknown, venueId: string, now = Date.now()): TokenCheck {
    if (typeof token !== 'string' || token.length > 200) return { ok: false, problem: 'invalid' };
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, problem: 'invalid' };
    const [issued, nonce, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.#sign(`${venueId}.${issued}.${nonce}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
    const age = now - parseInt(issued, 36);
    if (!Number.isFinite(age) || age > FORM_TOKEN_MAX_AGE_MS) return { ok: false, problem: 'expired' };
    if (age < this.minFillMs) {
      return { ok: false, problem: 'too_fast', waitSeconds: Math.max(1, Math.ceil((this.minFillMs - age) / 1000)) };
    }
    return { ok: true };
  }
}

/**
 * The id of the request a form token files: the same form sent twice names the same request, and
 * event_requests' primary key turns the second send away. SHA-256 of the token (never stored, and
 * not to be found from the id), laid out as a version 8 ("custom") uuid. `attempt` counts the
 * tries of one form whose reference (read from the id) clashed with another request's.
 */
export function requestIdFor(token: string, attempt = 1): string {
  const hash = createHash('sha256')
    .update(attempt === 1 ? token : `${token}#${attempt}`)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x80; // version 8
  hash[8] = (hash[8]! & 0x3f) | 0x80; // the RFC 9562 variant
  const h = hash.toString('hex', 0, 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What intake_submissions keeps of a token (its SHA-256), to find the request a row there names. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
