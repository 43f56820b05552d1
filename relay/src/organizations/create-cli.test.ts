// The operator's command, run as an operator would (its own process, the configured database as
// the relay's restricted role): it starts an organization whose owner can then sign in, and a
// taken slug or a wrong field is refused in words with its exit status.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('org_create_cli');
});
afterAll(async () => {
  await db?.drop();
});

function orgCreate(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'relay/src/organizations/create-cli.ts', ...args],
      { env: { ...process.env, DATABASE_URL: db.servingUrl, LOG_LEVEL: 'silent' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

const harbour = (slug: string, owner: string) => [
  '--name',
  'Harbour Stage',
  '--slug',
  slug,
  '--owner',
  owner,
  '--venue-name',
  'The Harbour Stage',
  '--venue-slug',
  'main',
  '--timezone',
  'Europe/London',
  '--capacity',
  '1800',
  '--currency',
  'GBP',
];

describe('npm run org:create', () => {
  it('should start an organization with its owner, making their account', async () => {
    const { code, output } = await orgCreate(harbour('harbour', 'Boss@Harbour.example'));
    expect(output).toMatch(/^created Harbour Stage \(harbour, [0-9a-f-]{36}\) with boss@harbour.example as its OWNER/);
    expect(code).toBe(0);
    const [member] = await db.sql`
      SELECT m.role, o.currency FROM memberships m JOIN organizations o ON o.id = m.organization_id
        JOIN users u ON u.id = m.user_id WHERE u.email = 'boss@harbour.example'`;
    expect(member).toEqual({ role: 'OWNER', currency: 'GBP' });
  });

  it('should refuse a taken slug (1) and a missing field (2), naming them', async () => {
    const taken = await orgCreate(harbour('harbour', 'other@harbour.example'));
    expect(taken).toMatchObject({ code: 1, output: expect.stringContaining('the address “harbour” is taken') });
    const wrong = await orgCreate(['--name', 'No Venue', '--slug', 'no-venue', '--owner', 'x@example.test']);
    expect(wrong.code).toBe(2);
    expect(wrong.output).toMatch(/venue\.name/);
  });
});
