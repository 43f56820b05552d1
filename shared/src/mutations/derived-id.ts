// Ids of rows a mutation makes from other rows (an event's tasks from the task templates) must
// be the same on the device that plans it first and on the relay that plans it again, or the
// optimistic rows and the relay's rows would be two sets. So they are derived from the ids they
// come from by hashing, in plain JavaScript (no node:crypto: the desktop's renderer plans too).
//
// Two 64-bit FNV-1a passes (the second seeded by the first) give 128 bits, laid out as a version 8
// ("custom") uuid: not secret, not random, only stable and spread out. The parts are joined with a
// separator no uuid contains, so ("ab", "c") and ("a", "bc") differ.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;
const SECOND_PASS_SEED = 0x9e3779b97f4a7c15n;

function fnv1a64(bytes: Uint8Array, offset: bigint): bigint {
  let hash = offset;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

const hex64 = (n: bigint) => n.toString(16).padStart(16, '0');

/** A uuid made from the given parts: the same parts give the same uuid on every runtime. */
export function derivedId(...parts: readonly string[]): string {
  const bytes = new TextEncoder().encode(parts.map((part) => part.toLowerCase()).join('|'));
  const high = fnv1a64(bytes, FNV_OFFSET);
  const low = fnv1a64(bytes, high ^ SECOND_PASS_SEED);
  const digits = (hex64(high) + hex64(low)).split('');
  digits[12] = '8'; // version 8: a uuid laid out by the application
  digits[16] = ((parseInt(digits[16]!, 16) & 0x3) | 0x8).toString(16); // the RFC 9562 variant
  const h = digits.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
