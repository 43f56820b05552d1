// The block's other forms than the one the process tests meet: codes mailed, a code that could not
// be had, the desktop app in Electron or in the browser.
import { describe, expect, it } from 'vitest';
import { formatStartUpBlock } from './start-up-block.js';
import type { StartUpFacts } from './start-up-facts.js';
import { demoPeople } from './seed.js';

const owner = demoPeople().find((person) => person.role === 'OWNER')!;
const facts: StartUpFacts = {
  relayUrl: 'http://127.0.0.1:8787',
  database: 'embedded PGlite in /home/sam/promoteros/.data/relay',
  logFile: '/home/sam/promoteros/.data/relay.log',
  mailing: false,
  venues: [
    { name: 'The Lakeshore Ballroom', city: 'Chicago', intakeUrl: 'http://127.0.0.1:8787/request/a/b' },
    { name: 'Meridian Theatre Melbourne', city: 'Melbourne', intakeUrl: 'http://127.0.0.1:8787/request/c/d' },
  ],
  people: demoPeople(),
  owner,
  ownerSignIn: { state: 'shown', code: '123456', validMinutes: 15 },
};

describe('the start-up block', () => {
  it('should point to the browser, with why, and line the intake pages up', () => {
    const block = formatStartUpBlock(facts, { kind: 'browser', url: 'http://127.0.0.1:5000/#s=x', why: 'reasons' });
    expect(block).toContain(
      '  Desktop app    http://127.0.0.1:5000/#s=x\n                 open it in a browser, since reasons\n',
    );
    expect(block).toContain(
      '  Sign-in code   123456  for owner@lakeshore-live.demo (Maria Delgado, owner of Lakeshore Live)',
    );
    expect(block).toContain(`    ${'The Lakeshore Ballroom, Chicago'.padEnd(37)}  http://127.0.0.1:8787/request/a/b\n`);
    expect(block).toContain('    Meridian Theatre Melbourne, Melbourne  http://127.0.0.1:8787/request/c/d\n');
    expect(block).toContain('      promoters  promoter@lakeshore-live.demo, agent@lakeshore-live.demo\n');
    expect(block).toContain('Emails are not sent (SMTP_URL is unset)');
  });

  it('should say a code was mailed, and print none, when SMTP_URL is set', () => {
    const block = formatStartUpBlock(
      { ...facts, mailing: true, ownerSignIn: { state: 'mailed', validMinutes: 15 } },
      { kind: 'electron' },
    );
    expect(block).toContain('  Desktop app    opened in its own window (Electron)\n');
    expect(block).toContain(
      '  Sign-in code   mailed to owner@lakeshore-live.demo (Maria Delgado, owner of Lakeshore Live)',
    );
    expect(block).toContain('Demo people (each gets a sign-in code by email)');
    expect(block).not.toContain('Emails are not sent');
    expect(block).not.toMatch(/\b\d{6}\b/);
  });

  it('should say why there is no code, and when no venue takes requests', () => {
    const block = formatStartUpBlock(
      { ...facts, venues: [], ownerSignIn: { state: 'failed', problem: 'the relay answered HTTP 429' } },
      { kind: 'not-started', why: 'PROMOTEROS_DESKTOP=none' },
    );
    expect(block).toContain('  Sign-in code   none for owner@lakeshore-live.demo: the relay answered HTTP 429\n');
    expect(block).toContain('  Intake pages: no demo venue takes requests on this relay\n');
    expect(block).toContain('  Desktop app    not started: PROMOTEROS_DESKTOP=none\n');
  });
});
