// The few lines that end the start-up of the demo relay (`npm start`, or `npm run start -w demo`
// for the relay alone): everything needed to use what just started, readable at a glance, and
// nothing that asks for the command that was just typed.
import type { StartUpFacts } from './start-up-facts.js';

/** Where the desktop app opened, as `npm start` knows it. */
export type DesktopOpened =
  | { readonly kind: 'browser'; readonly url: string; readonly why: string }
  | { readonly kind: 'electron' }
  | { readonly kind: 'not-started'; readonly why: string };

const ROLE_GROUPS: ReadonlyArray<readonly [role: string, label: string]> = [
  ['OWNER', 'owner'],
  ['MANAGER', 'managers'],
  ['STAFF', 'staff'],
  ['PROMOTER', 'promoters'],
];

function ownerSignInLine(facts: StartUpFacts): string {
  const who = `${facts.owner.email} (${facts.owner.name}, owner of ${facts.owner.organization})`;
  switch (facts.ownerSignIn.state) {
    case 'shown':
      return `  Sign-in code   ${facts.ownerSignIn.code}  for ${who}, valid ${facts.ownerSignIn.validMinutes} minutes`;
    case 'mailed':
      return `  Sign-in code   mailed to ${who}, valid ${facts.ownerSignIn.validMinutes} minutes`;
    case 'failed':
      return `  Sign-in code   none for ${facts.owner.email}: ${facts.ownerSignIn.problem}`;
  }
}

function desktopLines(desktop: DesktopOpened): string[] {
  switch (desktop.kind) {
    case 'browser':
      return [`  Desktop app    ${desktop.url}`, `                 open it in a browser, since ${desktop.why}`];
    case 'electron':
      return ['  Desktop app    opened in its own window (Electron)'];
    case 'not-started':
      return [`  Desktop app    not started: ${desktop.why}`];
  }
}

export function formatStartUpBlock(facts: StartUpFacts, desktop: DesktopOpened): string {
  const width = Math.max(...facts.venues.map((venue) => `${venue.name}, ${venue.city}`.length), 0);
  const organizations = [...new Set(facts.people.map((person) => person.organization))];
  const lines = [
    '',
    '── PromoterOS is running ─────────────────────────────────────────────',
    `  Relay          ${facts.relayUrl}  (${facts.database})`,
    ...desktopLines(desktop),
    ownerSignInLine(facts),
    '',
    facts.mailing
      ? '  Demo people (each gets a sign-in code by email):'
      : '  Demo people (ask for a code in the app; it is printed here):',
    ...organizations.flatMap((organization) => [
      `    ${organization}`,
      ...ROLE_GROUPS.flatMap(([role, label]) => {
        const emails = facts.people
          .filter((person) => person.organization === organization && person.role === role)
          .map((person) => person.email);
        return emails.length > 0 ? [`      ${label.padEnd(11)}${emails.join(', ')}`] : [];
      }),
    ]),
    '',
    facts.venues.length > 0
      ? '  Intake pages (where promoters ask for a date, no account needed):'
      : '  Intake pages: no demo venue takes requests on this relay',
    ...facts.venues.map((venue) => `    ${`${venue.name}, ${venue.city}`.padEnd(width)}  ${venue.intakeUrl}`),
    '',
    ...(facts.mailing ? [] : ['  Emails are not sent (SMTP_URL is unset): each one is written to the log file.']),
    ...(facts.logFile ? [`  Log file       ${facts.logFile} (requests, emails; warnings also show here)`] : []),
    '  Ctrl-C stops it all.',
    '──────────────────────────────────────────────────────────────────────',
    '',
  ];
  return lines.join('\n');
}
