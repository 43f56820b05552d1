// What the person who started the demo relay needs to know to use it, gathered once it listens:
// where the relay is, the intake page of every demo venue that takes requests, who can sign in,
// and a sign-in code for the demo owner. The start-up block (start-up-block.ts) prints it; the
// facts travel as JSON from the relay process to `npm start` (desktop/src/launch).
import { type Relay, type UnmailedSignInCode, SIGN_IN_VALID_MINUTES, findIntakeVenue } from '@promoteros/relay';
import { demoOrganizations } from './cast.js';
import { demoPeople, type DemoPerson } from './seed.js';

export interface StartUpVenue {
  readonly name: string;
  readonly city: string;
  readonly intakeUrl: string;
}

export type OwnerSignIn =
  | { readonly state: 'shown'; readonly code: string; readonly validMinutes: number }
  | { readonly state: 'mailed'; readonly validMinutes: number }
  | { readonly state: 'failed'; readonly problem: string };

export interface StartUpFacts {
  readonly relayUrl: string;
  /** "embedded PGlite in …" or "PostgreSQL at …" */
  readonly database: string;
  /** the file with the full log, when the log is split (development-log.ts) */
  readonly logFile?: string;
  /** whether emails really leave (SMTP_URL is set) */
  readonly mailing: boolean;
  readonly venues: readonly StartUpVenue[];
  readonly people: readonly DemoPerson[];
  readonly owner: DemoPerson;
  readonly ownerSignIn: OwnerSignIn;
}

/** What the demo relay sends `npm start` over the IPC channel once it listens. */
export interface RelayStarted {
  readonly type: 'relay-started';
  readonly facts: StartUpFacts;
}

/** The demo venues whose public request page answers on this relay, by the page's own look-up. */
async function intakeVenues(relay: Relay, relayUrl: string): Promise<StartUpVenue[]> {
  const venues: StartUpVenue[] = [];
  for (const organization of demoOrganizations) {
    for (const venue of organization.venues) {
      if (!(await findIntakeVenue(relay.db.sql, organization.slug, venue.slug))) continue;
      venues.push({
        name: venue.name,
        city: venue.city,
        intakeUrl: `${relayUrl}/request/${organization.slug}/${venue.slug}`,
      });
    }
  }
  return venues;
}

/**
 * Asks the relay for the owner's sign-in code as the app would, over HTTP, so the code is issued,
 * counted and delivered the one way every code is. `unmailedCode` answers with the code the
 * relay handed its sign-in code outlet (no SMTP_URL) while answering that request.
 */
export async function gatherStartUpFacts(
  relay: Relay & { url: string },
  options: {
    readonly logFile?: string;
    readonly unmailedCode: (email: string) => UnmailedSignInCode | undefined;
  },
): Promise<StartUpFacts> {
  const people = demoPeople();
  const owner = people.find((person) => person.role === 'OWNER')!;
  const mailing = Boolean(relay.config.SMTP_URL);
  let ownerSignIn: OwnerSignIn;
  const response = await fetch(`${relay.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, deviceName: 'npm start' }),
  });
  if (!response.ok) {
    ownerSignIn = { state: 'failed', problem: `the relay answered HTTP ${response.status} to the request for one` };
  } else {
    const shown = mailing ? undefined : options.unmailedCode(owner.email);
    ownerSignIn = shown
      ? { state: 'shown', code: shown.code, validMinutes: shown.validMinutes }
      : mailing
        ? { state: 'mailed', validMinutes: SIGN_IN_VALID_MINUTES }
        : { state: 'failed', problem: `${owner.email} has no account on this relay (DEMO_DATA=never?)` };
  }
  return {
    relayUrl: relay.url,
    database: relay.db.description,
    ...(options.logFile ? { logFile: options.logFile } : {}),
    mailing,
    venues: await intakeVenues(relay, relay.url),
    people,
    owner,
    ownerSignIn,
  };
}
