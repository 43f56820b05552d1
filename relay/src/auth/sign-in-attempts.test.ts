// Who can use up a sign-in's tries, and how often codes and links may be tried: a wrong code
// counts against a sign-in only from the client that asked for it (it names the signInId the
// request answered); everyone else's tries are limited per client address and per email address.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { startTestRelay, type TestRelay } from '../testing/test-relay.js';
import { createMember, createOrganization } from '../testing/fixtures.js';
import { TestMailbox } from '../testing/test-mailbox.js';
import { postFrom, type Answer } from '../testing/post-from.js';

let db: TestDatabase;
let mailbox: TestMailbox;
let relay: TestRelay;
let orgId: string;

const VICTIM_ADDRESS = '127.0.0.1';
const ATTACKER_ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];

beforeAll(async () => {
  db = await createTestDatabase('sign_in_attempts');
  mailbox = await TestMailbox.start();
  relay = await startTestRelay(db, {
    SMTP_URL: mailbox.url,
    VERIFY_LIMIT_PER_IP: '6',
    VERIFY_LIMIT_PER_EMAIL: '8',
  });
  orgId = await createOrganization(db.sql, 'Roundhouse Live');
});

afterAll(async () => {
  await relay?.stop();
  await mailbox?.stop();
  await db?.drop();
});

// each test starts with no counts
beforeEach(async () => {
  await db.sql`DELETE FROM rate_limits`;
});

async function requestCode(email: string, from = VICTIM_ADDRESS) {
  const answer = await postFrom(relay, '/v1/auth/sign-in', { email }, from);
  expect(answer.status).toBe(202);
  const signInId = answer.body.signInId as string;
  const mail = await mailbox.next(email);
  const code = /sign-in code: (\d{6})$/.exec(mail.parsed.subject ?? '')?.[1];
  if (!code) throw new Error(`no code in ${mail.parsed.subject}`);
  return { code, signInId };
}

/** the n-th of a run of wrong codes: none of them is one of `codes` */
function wrongFor(codes: string | readonly string[], n: number): string {
  const right = typeof codes === 'string' ? [codes] : codes;
  let candidate = 100_000 + n * 7;
  while (right.includes(String(candidate))) candidate += 1;
  return String(candidate);
}

describe("a victim's pending sign-in", () => {
  it("should survive another client's wrong codes, with or without a sign-in of their own", async () => {
    const victim = await createMember(db.sql, [{ organizationId: orgId, role: 'MANAGER' }]);
    const { code, signInId } = await requestCode(victim.email);

    // an attacker types wrong codes for the victim's address without naming a sign-in...
    for (let i = 0; i < 5; i += 1) {
      const guess = await postFrom(
        relay,
        '/v1/auth/verify',
        { email: victim.email, code: wrongFor(code, i) },
        ATTACKER_ADDRESSES[i]!,
      );
      expect(guess.body.code).toBe('code_incorrect');
    }
    // ...and naming the victim's sign-in by a guessed id, and their own sign-in for the address
    const guessedId = '00000000-0000-4000-8000-000000000000';
    const named = await postFrom(
      relay,
      '/v1/auth/verify',
      { email: victim.email, code: wrongFor(code, 5), signInId: guessedId },
      ATTACKER_ADDRESSES[0]!,
    );
    expect(named.body.code).toBe('code_incorrect');
    const attackers = await requestCode(victim.email, ATTACKER_ADDRESSES[1]!);
    const ownAnswers: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const guess = await postFrom(
        relay,
        '/v1/auth/verify',
        { email: victim.email, code: wrongFor([code, attackers.code], i + 10), signInId: attackers.signInId },
        ATTACKER_ADDRESSES[i]!,
      );
      ownAnswers.push(guess.body.code as string);
    }
    // the attacker's own sign-in is what their wrong codes cancelled
    expect(ownAnswers.at(-1)).toBe('code_cancelled');

    const [victimRow] = await db.sql<{ failed_attempts: number; consumed_at: Date | null }[]>`
      SELECT failed_attempts, consumed_at FROM sign_in_tokens WHERE id = ${signInId}`;
    expect(victimRow).toEqual({ failed_attempts: 0, consumed_at: null });

    const signedIn = await postFrom(relay, '/v1/auth/verify', { email: victim.email, code, signInId }, VICTIM_ADDRESS);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.sessionToken).toEqual(expect.any(String));
  });

  it('should still cancel after 5 wrong codes from the client that asked', async () => {
    const member = await createMember(db.sql, [{ organizationId: orgId, role: 'STAFF' }]);
    const { code, signInId } = await requestCode(member.email);
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      answers.push(
        (await postFrom(relay, '/v1/auth/verify', { email: member.email, code: wrongFor(code, i), signInId })).body
          .code as string,
      );
    }
    expect(answers).toEqual(['code_incorrect', 'code_incorrect', 'code_incorrect', 'code_incorrect', 'code_cancelled']);
    expect((await postFrom(relay, '/v1/auth/verify', { email: member.email, code, signInId })).body.code).toBe(
      'code_cancelled',
    );
  });
});

describe('POST /v1/auth/verify limits', () => {
  function expectLimited(answer: Answer, what: RegExp): void {
    expect(answer.status).toBe(429);
    expect(answer.body.code).toBe('rate_limited');
    expect(answer.body.message).toMatch(what);
    const seconds = Number(answer.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
  }

  it('should limit tries per client address, codes and links alike, whatever address they name', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await postFrom(relay, '/v1/auth/verify', { email: `a${i}@example.test`, code: '123456' }, '127.0.0.7')).status,
      ).toBe(401);
      expect((await postFrom(relay, '/v1/auth/verify', { token: 'x'.repeat(43) }, '127.0.0.7')).status).toBe(401);
    }
    expectLimited(
      await postFrom(relay, '/v1/auth/verify', { email: 'a9@example.test', code: '123456' }, '127.0.0.7'),
      /too many sign-in attempts from this network/,
    );
    expectLimited(
      await postFrom(relay, '/v1/auth/verify', { token: 'y'.repeat(43) }, '127.0.0.7'),
      /from this network/,
    );
    // another client is not affected
    expect((await postFrom(relay, '/v1/auth/verify', { token: 'x'.repeat(43) }, '127.0.0.8')).status).toBe(401);
  });

  it("should limit tries per email address from any number of clients, but never the client's own sign-in", async () => {
    const member = await createMember(db.sql, [{ organizationId: orgId, role: 'STAFF' }]);
    const { code, signInId } = await requestCode(member.email);
    // 8 unbound tries from 4 clients (2 each, under their own limit of 6)
    for (let i = 0; i < 8; i += 1) {
      const from = ATTACKER_ADDRESSES[i % 4]!;
      expect(
        (await postFrom(relay, '/v1/auth/verify', { email: member.email, code: wrongFor(code, i) }, from)).status,
      ).toBe(401);
    }
    // the ninth is refused, from a client that has not tried before too: the count is the address's
    expectLimited(
      await postFrom(
        relay,
        '/v1/auth/verify',
        { email: member.email, code: wrongFor(code, 9) },
        ATTACKER_ADDRESSES[4]!,
      ),
      /too many sign-in attempts for this email address/,
    );
    // an unbound try with the right code is refused as well: the limit is on trying, not on failing
    expect(
      (await postFrom(relay, '/v1/auth/verify', { email: member.email, code }, ATTACKER_ADDRESSES[4]!)).status,
    ).toBe(429);
    // another address is not affected
    expect(
      (
        await postFrom(
          relay,
          '/v1/auth/verify',
          { email: 'other@example.test', code: '123456' },
          ATTACKER_ADDRESSES[4]!,
        )
      ).status,
    ).toBe(401);
    // the person who asked, naming their sign-in, is not locked out by the others' tries
    const signedIn = await postFrom(relay, '/v1/auth/verify', { email: member.email, code, signInId }, VICTIM_ADDRESS);
    expect(signedIn.status).toBe(200);
  });
});
