// Opaque session tokens: 32 random bytes handed to the device once; only their SHA-256 is
// stored, so a database leak does not leak working tokens.
import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return `pos_${randomBytes(32).toString('base64url')}`;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
