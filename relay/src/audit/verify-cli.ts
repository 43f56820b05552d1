// `npm run audit:verify [-- --organization <id>] [--anchor <position>:<hash> …]`: walks the audit
// chain of every organization (or one) in the configured database (DATABASE_URL, or the embedded
// one in DATA_DIR) and prints, per organization, "intact" with its entries and last anchor, or the
// first entry that is wrong. Anchors copied from the relay's log (`audit anchor` lines) are
// checked too; they need --organization. Exit status: 0 all intact, 1 something is wrong, 2 the
// command was used wrongly (or the database could not be read).
import { loadConfig, ConfigError } from '../config.js';
import { openConfiguredDatabase } from '../db/database.js';
import { verifyAuditChains } from './verify-chain.js';
import { parseArguments, reportLine, UsageError } from './verify-arguments.js';

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const config = loadConfig();
  // as the tables' owner (MIGRATION_DATABASE_URL when set): only the owner lists every organization
  const db = await openConfiguredDatabase(config, 2);
  try {
    console.log(`database: ${db.description}`);
    // read only: a database the relay has not migrated yet (no chain) is an error, not upgraded here
    const verification = await db.withOwner((owner) => verifyAuditChains(owner, args));
    for (const report of verification.organizations) console.log(reportLine(report));
    const broken = verification.organizations.filter((r) => !r.intact).length;
    console.log(
      broken === 0
        ? `audit log intact: ${verification.organizations.length} organizations checked`
        : `audit log BROKEN in ${broken} of ${verification.organizations.length} organizations`,
    );
    return broken === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      error instanceof ConfigError || error instanceof UsageError
        ? error.message
        : `audit:verify failed: ${String(error)}`,
    );
    process.exitCode = 2;
  },
);
