// The real side of the outbox model-based test: a relay on a real PostgreSQL test database, and
// for each run a fresh organization with two shows and two members, each with a desktop core on
// its own replica (TestDevice): the stage manager's laptop, signed in as a manager (the office
// may demote them while it is away), and the owner's. Readers give what the outbox, the replica's
// views and PostgreSQL hold in the checklist model's terms (checklist-model.ts), so the test can
// compare them with one toEqual each.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { roleAtLeast, syncedTables, type Role } from '@promoteros/shared';
import type { TestDatabase } from '@promoteros/relay/testing/test-database';
import type { TestRelay } from '@promoteros/relay/testing/test-relay';
import { createMember, createOrganization, createVenue } from '@promoteros/relay/testing/fixtures';
import type { Replica } from '../replica/open-replica.js';
import type { Rows, ShowEvent, Task } from './checklist-model.js';
import { readReplicaTables, readServerTables, type TablesSnapshot } from './replica-equality.js';
import { TestDevice } from './test-device.js';

type Sql = TestDatabase['sql'];

export interface RunDevice {
  readonly device: TestDevice;
  readonly userId: string;
  /** the tables compared with PostgreSQL: what the member may read with the lowest role they have in the run */
  readonly compareAs: Role;
}

export interface ModelRun {
  readonly sql: Sql;
  readonly organizationId: string;
  readonly fridayId: string;
  readonly saturdayId: string;
  readonly devices: readonly RunDevice[];
  /** a task id for the next task made in this run: ids sort in the order they were handed out */
  newTaskId(): string;
  stop(): Promise<void>;
}

export interface RunStart {
  readonly run: ModelRun;
  /** what PostgreSQL and both devices hold once the run has started */
  readonly rows: Rows;
  readonly stageManager: { readonly userId: string; readonly role: Role };
  readonly owner: { readonly userId: string; readonly role: Role };
}

const SEEDED_TASKS = ['Send the advance', 'Confirm the rider', 'Book security'];

/**
 * A new organization, its two shows (Friday's and Saturday's, three tasks each) and two signed-in
 * devices that have synced them. `dir` is the run's own folder for the replicas.
 */
export async function startModelRun(db: TestDatabase, relay: () => TestRelay, dir: string): Promise<RunStart> {
  const sql = db.sql;
  const organizationId = await createOrganization(sql, 'Model Hall');
  const venueId = await createVenue(sql, organizationId);
  // one prefix per run, then a counter: ids in the order made, so a replayed run picks the same tasks
  const prefix = randomBytes(4).toString('hex');
  let counter = 0;
  const newTaskId = () => `${prefix}-0000-4000-8000-${(counter++).toString(16).padStart(12, '0')}`;
  const fridayId = crypto.randomUUID();
  const saturdayId = crypto.randomUUID();
  const events: Record<string, ShowEvent> = {
    [fridayId]: { title: 'Friday Night', settled: false },
    [saturdayId]: { title: 'Saturday Matinee', settled: false },
  };
  const tasks: Record<string, Task> = {};
  await sql.begin(async (tx) => {
    for (const [id, event] of Object.entries(events)) {
      await tx`INSERT INTO events (id, organization_id, venue_id, title, artist_name, status, show_date, doors_at, show_at, ends_at)
               VALUES (${id}, ${organizationId}, ${venueId}, ${event.title}, 'The Band', 'CONFIRMED', '2026-12-20',
                       '2026-12-21T01:00:00Z', '2026-12-21T02:00:00Z', '2026-12-21T05:00:00Z')`;
      for (const [position, title] of SEEDED_TASKS.entries()) {
        const task: Task = {
          id: newTaskId(),
          eventId: id,
          title,
          dueDate: null,
          completed: false,
          completedBy: null,
          position,
        };
        await tx`INSERT INTO event_tasks (id, organization_id, event_id, title, position)
                 VALUES (${task.id}, ${organizationId}, ${id}, ${title}, ${position})`;
        tasks[task.id] = task;
      }
    }
  });
  const stageManager = await createMember(sql, [{ organizationId, role: 'MANAGER' }]);
  const owner = await createMember(sql, [{ organizationId, role: 'OWNER' }]);
  const devices: RunDevice[] = [
    { member: stageManager, name: 'stage-manager', role: 'MANAGER' as const, compareAs: 'STAFF' as const },
    { member: owner, name: 'owner', role: 'OWNER' as const, compareAs: 'OWNER' as const },
  ].map(({ member, name, role, compareAs }) => ({
    userId: member.userId,
    compareAs,
    device: new TestDevice({
      name,
      dataDir: join(dir, name),
      organizationId,
      userId: member.userId,
      token: member.token,
      // the role the device was signed in with: a demotion reaches it only at the next sign-in
      role,
      relayUrl: () => relay().url,
    }),
  }));
  const run: ModelRun = {
    sql,
    organizationId,
    fridayId,
    saturdayId,
    devices,
    newTaskId,
    async stop() {
      await Promise.all(devices.map(({ device }) => device.stop().catch(() => {})));
    },
  };
  try {
    await Promise.all(devices.map(({ device }) => device.start()));
    await quiesce(run);
  } catch (error) {
    await run.stop();
    throw error;
  }
  return {
    run,
    rows: { events, tasks },
    stageManager: { userId: stageManager.userId, role: 'MANAGER' },
    owner: { userId: owner.userId, role: 'OWNER' },
  };
}

const visibleTo = (snapshot: TablesSnapshot, role: Role): TablesSnapshot =>
  Object.fromEntries(
    syncedTables.filter((t) => roleAtLeast(role, t.minimumRole)).map((t) => [t.name, snapshot[t.name] ?? []]),
  );

/**
 * Waits until every online device has had its queue answered and has synced what PostgreSQL
 * holds, then asserts it: each online replica equals PostgreSQL, table by table, for what its
 * member may read. Offline devices are left as they are.
 */
export async function quiesce(run: ModelRun, timeoutMs = 20_000): Promise<void> {
  const online = run.devices.filter(({ device }) => device.online);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(online.map(({ device }) => outboxRows(device, run.organizationId)));
    const answered = states.every((rows) => rows.every((row) => row.state === 'REFUSED'));
    // the checklist first, cheaply; every table once the checklist agrees
    const checklist = JSON.stringify(await serverRows(run.sql, run.organizationId));
    const shown = await Promise.all(online.map(({ device }) => replicaRows(device.replica, run.organizationId)));
    let diverging: typeof online = online;
    let server: TablesSnapshot = {};
    let replicas: TablesSnapshot[] = [];
    if (answered && shown.every((rows) => JSON.stringify(rows) === checklist)) {
      server = await readServerTables(run.sql, run.organizationId);
      replicas = await Promise.all(online.map(({ device }) => readReplicaTables(device.replica, run.organizationId)));
      diverging = online.filter(
        ({ compareAs }, i) =>
          JSON.stringify(visibleTo(replicas[i]!, compareAs)) !== JSON.stringify(visibleTo(server, compareAs)),
      );
      if (diverging.length === 0) return;
    }
    if (Date.now() > deadline) {
      const names = online.map(({ device }) => device.options.name);
      if (replicas.length === 0) {
        server = await readServerTables(run.sql, run.organizationId);
        replicas = await Promise.all(online.map(({ device }) => readReplicaTables(device.replica, run.organizationId)));
      }
      throw new QuiesceTimeout(
        `not settled within ${timeoutMs} ms: outboxes ${JSON.stringify(Object.fromEntries(states.map((s, i) => [names[i], s])))}`,
        diverging.map(({ device, compareAs }) => ({
          device: device.options.name,
          replica: visibleTo(replicas[online.findIndex((o) => o.device === device)]!, compareAs),
          server: visibleTo(server, compareAs),
        })),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** a device that never caught up: the test compares `replica` with `server` for a readable diff */
export class QuiesceTimeout extends Error {
  override readonly name = 'QuiesceTimeout';
  constructor(
    message: string,
    readonly diverging: ReadonlyArray<{ device: string; replica: TablesSnapshot; server: TablesSnapshot }>,
  ) {
    super(message);
  }
}

/** the device's outbox entries in the order made */
export function outboxRows(
  device: TestDevice,
  organizationId: string,
): Promise<{ mutationId: string; state: string }[]> {
  return device.replica.query(
    `SELECT id::text AS "mutationId", state FROM _outbox WHERE organization_id = $1 AND user_id = $2 ORDER BY seq`,
    [organizationId, device.options.userId],
  );
}

const EVENTS_SQL = `SELECT id::text, title, status = 'SETTLED' AS settled FROM events WHERE organization_id = $1 ORDER BY id`;
const TASKS_SQL = `SELECT id::text, event_id::text AS "eventId", title, due_date::text AS "dueDate",
                          completed_at IS NOT NULL AS completed, completed_by::text AS "completedBy", position
                     FROM event_tasks WHERE organization_id = $1 ORDER BY id`;

function rowsOf(events: Array<ShowEvent & { id: string }>, tasks: Task[]): Rows {
  return {
    events: Object.fromEntries(events.map(({ id, ...event }) => [id, event])),
    tasks: Object.fromEntries(tasks.map((task) => [task.id, task])),
  };
}

/** the checklist as the device's screens read it: the views, pending edits laid over synced rows */
export async function replicaRows(replica: Replica, organizationId: string): Promise<Rows> {
  const [events, tasks] = await Promise.all([
    replica.query<ShowEvent & { id: string }>(EVENTS_SQL, [organizationId]),
    replica.query<Task>(TASKS_SQL, [organizationId]),
  ]);
  return rowsOf(events, tasks);
}

export async function serverRows(sql: Sql, organizationId: string): Promise<Rows> {
  const [events, tasks] = await Promise.all([
    sql.unsafe<Array<ShowEvent & { id: string }>>(EVENTS_SQL, [organizationId]),
    sql.unsafe<Task[]>(TASKS_SQL, [organizationId]),
  ]);
  return rowsOf([...events], [...tasks]);
}

/** the relay's ledger for the organization: mutation id → APPLIED or the refusal code */
export async function ledgerOf(sql: Sql, organizationId: string): Promise<Record<string, string>> {
  const rows = await sql<{ id: string; answer: string }[]>`
    SELECT id::text, CASE WHEN outcome = 'APPLIED' THEN 'APPLIED' ELSE result->>'code' END AS answer
      FROM mutation_ledger WHERE organization_id = ${organizationId}`;
  return Object.fromEntries(rows.map((r) => [r.id, r.answer]));
}

/** how many audit rows each applied edit has (one, always) */
export async function auditedEdits(sql: Sql, organizationId: string): Promise<Record<string, number>> {
  const rows = await sql<{ id: string; times: number }[]>`
    SELECT details->>'mutationId' AS id, count(*)::int AS times FROM audit_logs
     WHERE organization_id = ${organizationId} AND details ? 'mutationId' GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.id, r.times]));
}
