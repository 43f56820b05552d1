// The reference a requester quotes back ("REQ-7K3F9Q"). It is read from the request's id, so the
// device that plans a request and the relay that applies it make the same one; six characters of
// an alphabet without look-alikes (no I, L, O, U) are easy to read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 30 bits of the id's hex digits (random in a v4 uuid) as six characters. */
export function requestReference(requestId: string): string {
  const hex = requestId.replace(/-/g, '');
  let bits = parseInt(hex.slice(0, 8), 16) >>> 2;
  let code = '';
  for (let i = 0; i < 6; i += 1) {
    code = ALPHABET[bits & 31] + code;
    bits >>>= 5;
  }
  return `REQ-${code}`;
}
