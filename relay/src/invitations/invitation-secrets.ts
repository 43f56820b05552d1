// What an invitation email carries: a long token for the link and a short code to type (for a
// person whose link opens on another machine). Only their SHA-256 is stored. The token is 256
// random bits; the code is ten characters of an alphabet without look-alikes (50 bits), hashed with
// the invited address, valid a week and tried at most VERIFY_LIMIT_PER_IP times per 15 minutes
// per client address.
import { createHash, randomBytes, randomInt } from 'node:crypto';

export interface InvitationSecrets {
  readonly linkToken: string;
  /** "K7PQ-2MXH9R": shown with a dash, accepted with or without */
  readonly code: string;
}

/** no 0/O, 1/I/L, U: a code read aloud or retyped from a phone stays one code */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

export function newInvitationSecrets(): InvitationSecrets {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return { linkToken: randomBytes(32).toString('base64url'), code: `${code.slice(0, 4)}-${code.slice(4)}` };
}

/** the code as typed ("k7pq 2mxh9r") in the form it was hashed in */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

export function linkHash(linkToken: string): string {
  return sha256(`invitation-link\n${linkToken}`);
}

/** the address is part of it: a code is good only for the person it was sent to */
export function codeHash(email: string, code: string): string {
  return sha256(`invitation-code\n${email}\n${normalizeCode(code)}`);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
