// `npm run org:create -w relay -- --name "Harbour Stage" --slug harbour --owner owner@harbour.example
//   --venue-name "The Harbour Stage" --venue-slug main --timezone Europe/London --capacity 1800
//   [--currency GBP] [--locale en-GB]`
// An operator starts an organization (what SIGN_UP=closed leaves to operators, and possible
// whatever it says): the owner's account is made if the address has none; they sign in with it.
// Runs against the configured database (DATABASE_URL, or the embedded one in DATA_DIR), migrated
// first. Exit status: 0 created, 1 refused (a slug taken, a field wrong), 2 used wrongly.
import { parseArgs } from 'node:util';
import { describeIssues } from '@promoteros/shared';
import { loadConfig, ConfigError } from '../config.js';
import { openConfiguredDatabase } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { personOf } from '../auth/new-person.js';
import { NewOrganization } from './new-organization.js';
import { createOrganization } from './create-organization.js';

const USAGE =
  'usage: npm run org:create -w relay -- --name <name> --slug <slug> --owner <email> --venue-name <name> ' +
  '--venue-slug <slug> --timezone <IANA zone> --capacity <n> [--currency USD] [--locale en-US]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      owner: { type: 'string' },
      currency: { type: 'string' },
      locale: { type: 'string' },
      'venue-name': { type: 'string' },
      'venue-slug': { type: 'string' },
      timezone: { type: 'string' },
      capacity: { type: 'string' },
    },
  });
  const owner = values.owner?.trim().toLowerCase();
  if (!owner || !/^[^@\s]+@[^@\s]+$/.test(owner)) {
    console.error(`--owner must be the owner's email address\n${USAGE}`);
    return 2;
  }
  const parsed = NewOrganization.safeParse({
    name: values.name,
    slug: values.slug,
    currency: values.currency,
    locale: values.locale,
    venue: {
      name: values['venue-name'],
      slug: values['venue-slug'],
      timezone: values.timezone,
      capacity: values.capacity === undefined ? undefined : Number(values.capacity),
    },
  });
  if (!parsed.success) {
    console.error(`${describeIssues(parsed.error).join('\n')}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config, 2);
  try {
    // as the relay's role, under row-level security like the route: a database the relay has not
    // migrated yet is refused by its missing tables, not upgraded here
    const ownerId = await personOf(db.sql, owner);
    const created = await createOrganization(db.sql, parsed.data, ownerId);
    console.log(`created ${created.name} (${created.slug}, ${created.id}) with ${owner} as its OWNER`);
    return 0;
  } catch (error) {
    if (error instanceof HttpError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `org:create failed: ${String(error)}`);
    process.exitCode = 2;
  },
);
