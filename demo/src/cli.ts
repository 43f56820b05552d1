// `npm run demo [-- --seed=N]`: loads the demo into the configured database
// (DATABASE_URL, or the embedded one in DATA_DIR) and prints whom to sign in as.
import { loadConfig, ConfigError, openConfiguredDatabase, migrate } from '@promoteros/relay';
import { DEFAULT_DEMO_SEED, seedDemo, type DemoPerson } from './seed.js';

function seedArgument(argv: readonly string[]): number {
  const arg = argv.find((a) => a.startsWith('--seed='));
  if (!arg) return DEFAULT_DEMO_SEED;
  const seed = Number(arg.slice('--seed='.length));
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, got ${arg}`);
  return seed;
}

function printPeople(people: readonly DemoPerson[]): void {
  let organization = '';
  for (const p of people) {
    if (p.organization !== organization) {
      organization = p.organization;
      console.log(`\n  ${organization}`);
    }
    console.log(`    ${p.role.padEnd(9)} ${p.name.padEnd(16)} ${p.email}`);
  }
  console.log('');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const seed = seedArgument(process.argv.slice(2));
  const db = await openConfiguredDatabase(config, 2);
  try {
    console.log(`database: ${db.description}`);
    // as the tables' owner, granting to the role the relay serves as (docs/database-roles.md)
    const [serving] = await db.sql<{ role: string }[]>`SELECT current_user AS role`;
    const result = await db.withOwner(async (owner) => {
      await migrate(owner, { servingRole: serving!.role });
      return seedDemo(owner, { seed });
    });
    if (result.created) {
      const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
      console.log(
        `demo loaded (seed ${seed}): ${total} rows — ${result.counts.event_requests} requests, ${result.counts.events} events`,
      );
    } else {
      console.log(`nothing loaded: ${result.reason}`);
    }
    console.log('Sign in with any of these (without SMTP_URL the relay prints the sign-in code in its log):');
    printPeople(result.people);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
