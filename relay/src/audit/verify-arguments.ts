// The audit:verify command's arguments and its lines of output (verify-cli.ts runs it).
import type { ChainAnchor, ChainReport } from './verify-chain.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UsageError extends Error {}

export interface VerifyArguments {
  readonly organizationId?: string;
  readonly anchors: ChainAnchor[];
}

export function parseArguments(argv: readonly string[]): VerifyArguments {
  let organizationId: string | undefined;
  const anchors: ChainAnchor[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--organization') {
      const id = value();
      if (!UUID.test(id)) throw new UsageError(`--organization must be an organization id (a UUID), got ${id}`);
      organizationId = id.toLowerCase();
    } else if (flag === '--anchor') {
      const text = value();
      const match = /^([1-9]\d{0,14}):([0-9a-f]{64})$/i.exec(text);
      if (!match) throw new UsageError(`--anchor must be <position>:<64 hex digits>, got ${text}`);
      anchors.push({ position: Number(match[1]), hash: match[2]!.toLowerCase(), anchoredAt: null });
    } else {
      throw new UsageError(`unknown argument ${argv[i]} (use --organization <id> and --anchor <position>:<hash>)`);
    }
  }
  if (anchors.length > 0 && !organizationId) {
    throw new UsageError('--anchor belongs to one organization: name it with --organization <id>');
  }
  return { ...(organizationId ? { organizationId } : {}), anchors };
}

export function reportLine(report: ChainReport): string {
  const who = `${report.organizationName} (${report.organizationId})`;
  if (report.problem) {
    return `${who}: BROKEN — ${report.problem.message} (${report.entries} entries verified before it)`;
  }
  const head = report.head ? `, head ${report.head.position}:${report.head.hash}` : '';
  const anchor = report.lastAnchor
    ? `, last anchor ${report.lastAnchor.position} at ${report.lastAnchor.anchoredAt}`
    : ', not anchored yet';
  return `${who}: intact — ${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}${head}${anchor}`;
}
