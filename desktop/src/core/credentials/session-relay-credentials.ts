// The desktop app holds one session at a time and asks one CredentialStore for its token; the
// keychain keeps one account per relay. This store connects the two: it reads and writes the
// account of the relay the app is currently signed in to, or about to sign in to.
//
// The main process tells it which relay that is: the remembered session's at start, the relay
// named by a successful auth.requestCode while signed out, and every session.changed signal
// (which carries the relay URL). A sign-in stores its token under the relay it was verified
// against, because auth.requestCode always precedes it (or the deep link uses the current one).
import type { Outcome } from '../../common/command-map.js';
import type { CredentialStore } from '../app/credential-store.js';
import type { DesktopApp } from '../app/desktop-app.js';
import type { CredentialsFor } from './choose-store.js';

export interface SessionRelayCredentials extends CredentialStore {
  /** the relay whose account get/set/delete use from now on */
  follow(relayUrl: string): void;
  readonly relayUrl: string;
}

export function sessionRelayCredentials(
  credentialsFor: CredentialsFor,
  initialRelayUrl: string,
): SessionRelayCredentials {
  let relayUrl = initialRelayUrl;
  return {
    get relayUrl() {
      return relayUrl;
    },
    follow(next) {
      relayUrl = next;
    },
    get: () => credentialsFor(relayUrl).get(),
    set: (token) => credentialsFor(relayUrl).set(token),
    delete: () => credentialsFor(relayUrl).delete(),
  };
}

/**
 * Keeps `credentials` on the session's relay: the one of every session change, and, while signed
 * out, the one a code was just asked from (the sign-in that follows is for it). Returns what the
 * shell's bridge calls after each command that ran.
 */
export function followTheSession(
  app: Pick<DesktopApp, 'on'>,
  credentials: SessionRelayCredentials,
): (name: string, args: unknown, outcome: Outcome<unknown>) => void {
  let signedIn = false;
  app.on('session.changed', (state) => {
    signedIn = state.state === 'signed-in';
    credentials.follow(state.relayUrl);
  });
  return (name, args, outcome) => {
    if (name === 'auth.requestCode' && outcome.ok && !signedIn) {
      const relayUrl = (args as { relayUrl?: unknown } | undefined)?.relayUrl;
      if (typeof relayUrl === 'string') credentials.follow(relayUrl);
    }
  };
}
