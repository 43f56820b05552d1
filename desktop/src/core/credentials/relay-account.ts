// One session token per relay: the keychain account (and the safeStorage file name) is derived
// from the relay URL, normalized so that "https://relay.example/" and "https://relay.example"
// name the same account and a different host, port or path names another.
export function relayAccount(relayUrl: string): string {
  const url = new URL(relayUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
