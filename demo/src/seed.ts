// Loads the demo into a database in one transaction, with multi-row inserts. Refuses, without
// touching anything, when the demo organizations are already there.
import { setOrganizations, type Sql, DOCUMENT_RENDER } from '@promoteros/relay';
import { demoEmail, demoOrganizations } from './cast.js';
import { buildDemoPlan } from './plan.js';
import { demoTables, type DemoPlan, type DemoTable } from './plan-types.js';
import { utcToday } from './venue-time.js';

export interface SeedDemoOptions {
  /** the same seed and day give the same rows, ids included */
  readonly seed?: number;
  /** 'YYYY-MM-DD' the demo is seen from; default today (UTC), so upcoming shows are ahead */
  readonly today?: string;
  /**
   * the moment it is loaded (default: now, unless `today` is given): each venue's show tonight
   * is on that venue's own calendar day then
   */
  readonly now?: Date;
}

export interface DemoPerson {
  readonly organization: string;
  readonly role: string;
  readonly name: string;
  readonly email: string;
}

export type SeedDemoResult =
  | {
      readonly created: true;
      readonly people: readonly DemoPerson[];
      readonly counts: Readonly<Record<DemoTable, number>>;
    }
  | { readonly created: false; readonly reason: string; readonly people: readonly DemoPerson[] };

export const DEFAULT_DEMO_SEED = 1;

// one demo load at a time, even from two processes
const DEMO_LOCK = 72504142;
const JSON_COLUMNS = new Set(['bonuses', 'details']);
// PostgreSQL takes at most 65535 parameters per statement
const MAX_PARAMETERS = 60_000;

/** Everyone the demo signs in as, in print order. */
export function demoPeople(): DemoPerson[] {
  return demoOrganizations.flatMap((org) =>
    org.people.map((p) => ({ organization: org.name, role: p.role, name: p.name, email: demoEmail(org, p) })),
  );
}

export async function seedDemo(sql: Sql, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const now = options.now ?? (options.today === undefined ? new Date() : undefined);
  const plan = buildDemoPlan({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    today: options.today ?? utcToday(now),
    ...(now ? { now } : {}),
  });
  const slugs = plan.organizations.map((o) => o.slug);
  return sql.begin(async (tx) => {
    // Run as the tables' owner, which forced row-level security binds too unless it is a superuser
    // (docs/database-roles.md): the demo acts for the organizations it creates.
    await setOrganizations(
      tx,
      plan.organizations.map((o) => o.id),
    );
    await tx`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`;
    const existing = await tx<{ slug: string }[]>`SELECT slug FROM organizations WHERE slug IN ${tx(slugs)}`;
    if (existing.length > 0) {
      return {
        created: false as const,
        reason: `the demo organizations already exist (${existing.map((e) => e.slug).join(', ')})`,
        people: demoPeople(),
      };
    }
    await insertUsers(tx as unknown as Sql, plan);
    for (const table of demoTables) {
      if (table !== 'users') await insertRows(tx as unknown as Sql, table, plan[table] as object[]);
    }
    await insertRows(
      tx as unknown as Sql,
      'note_documents',
      plan.note_documents.map((note) => ({ ...note, state: Buffer.from(note.state) })),
    );
    await queueDocumentRenders(tx as unknown as Sql, plan);
    const counts = Object.fromEntries(demoTables.map((t) => [t, plan[t].length])) as Record<DemoTable, number>;
    return { created: true as const, people: demoPeople(), counts };
  });
}

/**
 * People are global: a demo email may already belong to someone (a demo loaded before and its
 * organizations deleted). Such a person is reused, and the plan follows their id.
 */
async function insertUsers(sql: Sql, plan: DemoPlan): Promise<void> {
  await insertRows(sql, 'users', plan.users, 'ON CONFLICT (email) DO NOTHING');
  const emails = plan.users.map((u) => u.email);
  const stored = await sql<{ id: string; email: string }[]>`SELECT id, email FROM users WHERE email IN ${sql(emails)}`;
  const storedId = new Map(stored.map((u) => [u.email, u.id]));
  const moved = new Map<string, string>();
  for (const user of plan.users) {
    const id = storedId.get(user.email);
    if (id && id !== user.id) moved.set(user.id, id);
  }
  if (moved.size === 0) return;
  for (const table of demoTables) {
    for (const row of plan[table] as unknown as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'string' && moved.has(value)) row[key] = moved.get(value);
      }
    }
  }
}

/**
 * Drawing a PDF takes a worker and tens of milliseconds a sheet: the demo's documents are queued
 * for the relay's job loop (relay/src/documents/render-job.ts), as a member's Generate is, and
 * are there seconds after the first start instead of holding the load up.
 */
async function queueDocumentRenders(sql: Sql, plan: DemoPlan): Promise<void> {
  if (plan.document_renders.length === 0) return;
  const jobs = plan.document_renders.map((render) => ({
    organization_id: render.organizationId,
    kind: DOCUMENT_RENDER,
    payload: sql.json({ eventId: render.eventId, kind: render.kind }),
  }));
  await sql`INSERT INTO jobs ${sql(jobs)}`;
}

async function insertRows(
  sql: Sql,
  table: DemoTable | 'note_documents',
  rows: readonly object[],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((row) => {
      const out: Record<string, unknown> = { ...row };
      for (const column of JSON_COLUMNS) if (column in out) out[column] = sql.json(out[column] as never);
      return out;
    });
    await sql`INSERT INTO ${sql(table)} ${sql(values as never, columns)} ${sql.unsafe(suffix)}`;
  }
}
