// Sign-in links: the relay's mail links to its /sign-in page, which offers
// promoteros://sign-in?token=… (relay/src/auth/sign-in-page.ts); the OS hands that to the app
// (open-url on macOS; the argv of a second instance on Windows and Linux). Anything else with
// our scheme is ignored rather than guessed at.
export const PROTOCOL = 'promoteros';

export type DeepLink = { kind: 'sign-in'; token: string };

/** the sign-in link in a URL string, or null when it is none of ours or malformed */
export function parseDeepLink(value: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== `${PROTOCOL}:`) return null;
  // promoteros://sign-in?token=… parses with "sign-in" as host; promoteros:sign-in?… as path
  const target = (url.host || url.pathname).replace(/^\/+|\/+$/g, '');
  if (target !== 'sign-in') return null;
  const token = url.searchParams.get('token');
  // the same bounds as auth.verifyLink's schema; a longer or shorter value is no token of ours
  if (!token || token.length < 16 || token.length > 200 || !/^[A-Za-z0-9_.~-]+$/.test(token)) return null;
  return { kind: 'sign-in', token };
}

/** the first sign-in link among command-line arguments (Windows and Linux pass it there) */
export function findDeepLink(argv: readonly string[]): DeepLink | null {
  for (const argument of argv) {
    if (!argument.toLowerCase().startsWith(`${PROTOCOL}:`)) continue;
    const link = parseDeepLink(argument);
    if (link) return link;
  }
  return null;
}
