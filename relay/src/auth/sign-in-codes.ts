// What a sign-in email carries: a six-digit code to type and a long token for the link.
// Only their HMAC-SHA256 (keyed by the relay's secret) is stored, so a copy of the
// database is no way in; the key makes a six-digit code impossible to look up offline.
import { createHmac, randomBytes, randomInt } from 'node:crypto';

export interface SignInSecrets {
  readonly code: string;
  readonly linkToken: string;
}

export function newSignInSecrets(): SignInSecrets {
  return {
    code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    linkToken: randomBytes(32).toString('base64url'),
  };
}

export class SignInHasher {
  constructor(private readonly secret: string) {}

  /** the email is part of the message, so the same code for two people hashes apart */
  code(email: string, code: string): string {
    return this.#hmac(`sign-in-code\n${email}\n${code}`);
  }

  link(linkToken: string): string {
    return this.#hmac(`sign-in-link\n${linkToken}`);
  }

  #hmac(message: string): string {
    return createHmac('sha256', this.secret).update(message).digest('hex');
  }
}
