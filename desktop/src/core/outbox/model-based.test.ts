// Model-based test of the outbox and its reconciliation (docs/local-first-edits.md): random
// sequences of what happens to two devices of one venue (edits made online and offline, edits
// the relay refuses for a role the office took away or a show it settled, a second device editing
// the same tasks, going offline and online, restarts, lost upload answers, the user retrying and
// discarding what needs attention) run against the real outbox over a real replica, talking to a
// real relay on a real PostgreSQL database, and against a small reference model
// (../testing/outbox-model.ts over ../testing/checklist-model.ts). After every step:
//   M1 each device's pending edits are the model's, in the order made, and nothing is half
//      answered (no applied edit waits for its rows once the device is online and quiet);
//   M2 each device's "needs attention" lists the model's refused edits, in order, with the
//      relay's code and reason, and the counts the app shows agree;
//   M3 each device's views show its synced rows with exactly its pending edits laid over them:
//      applied edits as the relay made them, refused edits nowhere;
//   M4 PostgreSQL holds the model's rows, the ledger holds every answered edit once with the
//      model's outcome, and each applied edit is audited exactly once;
//   M5 each online device's replica equals PostgreSQL, table by table, for what its member reads.
// Nothing is lost across restarts: a restart is one of the steps, and M1–M3 hold after it.
//
// Seeded and replayable: the seed is printed at the start; OUTBOX_MODEL_SEED=<seed> (with
// OUTBOX_MODEL_PATH=<path> from a failure's report) replays it; OUTBOX_MODEL_RUNS sets how many
// runs (a few by default, to stay under a minute on a busy two-core machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@promoteros/relay/testing/test-database';
import { startTestRelay, type TestRelay } from '@promoteros/relay/testing/test-relay';
import { EditRefused } from './outbox.js';
import { checklistOf, mutationOf, type Rows, type TaskEdit } from '../testing/checklist-model.js';
import { deliver, planOnDevice, syncOnline, viewOf, type OutboxModel } from '../testing/outbox-model.js';
import {
  auditedEdits,
  ledgerOf,
  outboxRows,
  quiesce,
  QuiesceTimeout,
  replicaRows,
  serverRows,
  startModelRun,
  type ModelRun,
} from '../testing/outbox-model-world.js';

const seed = Number(process.env.OUTBOX_MODEL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const path = process.env.OUTBOX_MODEL_PATH;
const numRuns = Number(process.env.OUTBOX_MODEL_RUNS ?? 3);
let steps = 0;

type Model = OutboxModel;
type Real = ModelRun;
const deviceNames = ['stage manager', 'owner'] as const;
type Who = 0 | 1;

/** an edit as generated: its target is picked when it runs, from what the device shows then */
interface EditSpec {
  readonly kind: TaskEdit['kind'];
  readonly pick: number;
  readonly saturday: boolean;
}

const words = ['load-in', 'rider', 'backline', 'guest list', 'merch', 'parking', 'catering', 'security'];

function resolveEdit(model: Model, real: Real, who: Who, spec: EditSpec): TaskEdit | undefined {
  if (spec.kind === 'create') {
    return {
      kind: 'create',
      taskId: real.newTaskId(),
      eventId: spec.saturday ? real.saturdayId : real.fridayId,
      title: `Check the ${words[spec.pick % words.length]} (${spec.pick})`,
    };
  }
  const tasks = checklistOf(viewOf(model.devices[who]!));
  const task = tasks[spec.pick % Math.max(1, tasks.length)];
  if (!task) return undefined;
  switch (spec.kind) {
    case 'rename':
      return { kind: 'rename', taskId: task.id, title: `Confirm the ${words[spec.pick % words.length]}` };
    case 'due':
      return { kind: 'due', taskId: task.id, dueDate: `2026-12-${String(1 + (spec.pick % 19)).padStart(2, '0')}` };
    default:
      return { kind: spec.kind, taskId: task.id };
  }
}

const describeEdit = (spec: EditSpec) =>
  `${spec.kind}${spec.kind === 'create' ? (spec.saturday ? ' on Saturday' : ' on Friday') : ''} #${spec.pick}`;

/** Makes the edit on the real device and in the model; both must queue it or both refuse it. */
async function makeEdit(model: Model, real: Real, who: Who, edit: TaskEdit): Promise<void> {
  const device = model.devices[who]!;
  const planned = planOnDevice(device, edit);
  const { name, args } = mutationOf(edit);
  const outbox = real.devices[who]!.device.outbox;
  if ('violation' in planned) {
    const refusal = await outbox.run(name, args).then(
      () => new Error(`${name} ${JSON.stringify(args)} was queued; the model refuses it: ${planned.violation}`),
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(EditRefused);
    expect(refusal).toMatchObject({ code: 'rule', message: planned.violation });
    return;
  }
  const { mutationId } = await outbox.run(name, args);
  device.pending.push({ mutationId, ...planned });
}

/** Online devices send their queues and sync: the model's relay answers them, the real one too. */
async function settle(model: Model, real: Real): Promise<void> {
  for (const device of model.devices) if (device.online) deliver(model, device);
  syncOnline(model);
  await quiesce(real).catch((error: unknown) => {
    if (!(error instanceof QuiesceTimeout)) throw error;
    for (const { device, replica, server } of error.diverging)
      expect(replica, `${device} equals PostgreSQL`).toEqual(server);
    throw error;
  });
}

const sortedTasks = (rows: Rows) => ({ events: rows.events, tasks: checklistOf(rows) });

/** M1–M4 (M5 is settle's: it holds after every step that lets devices sync). */
async function checkInvariants(model: Model, real: Real): Promise<void> {
  steps += 1;
  for (const [index, device] of model.devices.entries()) {
    const { device: testDevice } = real.devices[index]!;
    const name = deviceNames[index];
    const entries = await outboxRows(testDevice, real.organizationId);
    // M1
    expect(
      entries.filter((e) => e.state !== 'REFUSED'),
      `${name}: pending edits`,
    ).toEqual(device.pending.map((q) => ({ mutationId: q.mutationId, state: 'PENDING' })));
    // M2
    const attention = await testDevice.outbox.needsAttention();
    expect(
      attention.map((a) => ({ mutationId: a.mutationId, name: a.name, args: a.args, code: a.code, reason: a.reason })),
      `${name}: needs attention`,
    ).toEqual(
      device.refused.map((r) => ({
        mutationId: r.mutationId,
        ...mutationOf(r.edit),
        code: r.code,
        reason: typeof r.reason === 'string' ? r.reason : expect.stringMatching(r.reason),
      })),
    );
    expect(await testDevice.outbox.counts(), `${name}: counts`).toMatchObject({
      pending: device.pending.length,
      refused: device.refused.length,
    });
    // M3
    const shown = await replicaRows(testDevice.replica, real.organizationId);
    expect(sortedTasks(shown), `${name}: what the screens show`).toEqual(sortedTasks(viewOf(device)));
    for (const refused of device.refused) {
      if (refused.edit.kind === 'create')
        expect(shown.tasks[refused.edit.taskId], `${name}: refused task shown`).toBeUndefined();
    }
  }
  // M4
  expect(sortedTasks(await serverRows(real.sql, real.organizationId)), 'PostgreSQL').toEqual(sortedTasks(model.server));
  expect(await ledgerOf(real.sql, real.organizationId), 'the ledger').toEqual(Object.fromEntries(model.ledger));
  const applied = [...model.ledger].filter(([, answer]) => answer === 'APPLIED').map(([id]) => [id, 1]);
  expect(await auditedEdits(real.sql, real.organizationId), 'audited once each').toEqual(Object.fromEntries(applied));
}

type Command = fc.AsyncCommand<Model, Real>;

class Edit implements Command {
  constructor(
    readonly who: Who,
    readonly spec: EditSpec,
    /** the upload reaches the relay, its answer does not: the device sends it again */
    readonly loseAnswer: boolean,
  ) {}
  check(model: Readonly<Model>): boolean {
    return !this.loseAnswer || model.devices[this.who]!.online;
  }
  async run(model: Model, real: Real): Promise<void> {
    const edit = resolveEdit(model, real, this.who, this.spec);
    if (!edit) return;
    const device = real.devices[this.who]!.device;
    device.loseNextUploadAnswer = this.loseAnswer;
    await makeEdit(model, real, this.who, edit);
    if (model.devices[this.who]!.online) await settle(model, real);
    device.loseNextUploadAnswer = false;
    await checkInvariants(model, real);
  }
  toString(): string {
    return `${deviceNames[this.who]}: ${describeEdit(this.spec)}${this.loseAnswer ? ' (answer lost)' : ''}`;
  }
}

/**
 * Several edits in a row on an online device, without waiting for the relay between them: they
 * upload in batches while sync brings their rows back. Only edits the relay takes as the device
 * planned them (no removals, which a demotion may refuse), so the outcome does not depend on
 * which answer comes back first.
 */
class Burst implements Command {
  constructor(
    readonly who: Who,
    readonly specs: readonly EditSpec[],
  ) {}
  check(model: Readonly<Model>): boolean {
    return model.devices[this.who]!.online;
  }
  async run(model: Model, real: Real): Promise<void> {
    for (const spec of this.specs) {
      const edit = resolveEdit(model, real, this.who, spec);
      if (edit) await makeEdit(model, real, this.who, edit);
    }
    await settle(model, real);
    await checkInvariants(model, real);
  }
  toString(): string {
    return `${deviceNames[this.who]}: burst [${this.specs.map(describeEdit).join(', ')}]`;
  }
}

class Connectivity implements Command {
  constructor(
    readonly who: Who,
    readonly online: boolean,
  ) {}
  check(model: Readonly<Model>): boolean {
    return model.devices[this.who]!.online !== this.online;
  }
  async run(model: Model, real: Real): Promise<void> {
    model.devices[this.who]!.online = this.online;
    real.devices[this.who]!.device.setOnline(this.online);
    if (this.online) await settle(model, real);
    await checkInvariants(model, real);
  }
  toString(): string {
    return `${deviceNames[this.who]}: ${this.online ? 'online' : 'offline'}`;
  }
}

/** The app quits (or crashes) and opens again on the same data directory. */
class Restart implements Command {
  constructor(readonly who: Who) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    await real.devices[this.who]!.device.restart();
    if (model.devices[this.who]!.online) await settle(model, real);
    await checkInvariants(model, real);
  }
  toString(): string {
    return `${deviceNames[this.who]}: restart`;
  }
}

/** The office settles Saturday's show: edits of its checklist are refused from now on. */
class SettleSaturday implements Command {
  check(model: Readonly<Model>): boolean {
    return Object.values(model.server.events).some((e) => e.title.startsWith('Saturday') && !e.settled);
  }
  async run(model: Model, real: Real): Promise<void> {
    await real.sql`UPDATE events SET status = 'SETTLED' WHERE id = ${real.saturdayId}`;
    const saturday = model.server.events[real.saturdayId]!;
    model.server = {
      ...model.server,
      events: { ...model.server.events, [real.saturdayId]: { ...saturday, settled: true } },
    };
    await settle(model, real);
    await checkInvariants(model, real);
  }
  toString(): string {
    return 'office: settles Saturday';
  }
}

/** The office demotes the stage manager to staff, or makes them manager again; their device still believes manager. */
class ChangeRole implements Command {
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const { userId } = real.devices[0]!;
    const role = model.roles[userId] === 'MANAGER' ? 'STAFF' : 'MANAGER';
    await real.sql`UPDATE memberships SET role = ${role} WHERE organization_id = ${real.organizationId} AND user_id = ${userId}`;
    model.roles[userId] = role;
    await settle(model, real);
    await checkInvariants(model, real);
  }
  toString(): string {
    return 'office: changes the stage manager’s role';
  }
}

/** The user acts on an edit that needs attention: lets it go, or makes it again as it was. */
class Attend implements Command {
  constructor(
    readonly who: Who,
    readonly pick: number,
    readonly retry: boolean,
  ) {}
  check(model: Readonly<Model>): boolean {
    return model.devices[this.who]!.refused.length > 0;
  }
  async run(model: Model, real: Real): Promise<void> {
    const device = model.devices[this.who]!;
    const outbox = real.devices[this.who]!.device.outbox;
    const refused = device.refused[this.pick % device.refused.length]!;
    if (!this.retry) {
      await outbox.discard(refused.mutationId);
      device.refused = device.refused.filter((r) => r !== refused);
    } else {
      const planned = planOnDevice(device, refused.edit);
      if ('violation' in planned) {
        // made again, it is refused at once: it stays where it was, waiting for the user
        await expect(outbox.retry(refused.mutationId)).rejects.toMatchObject({
          code: 'rule',
          message: planned.violation,
        });
      } else {
        const { mutationId } = await outbox.retry(refused.mutationId);
        device.pending.push({ mutationId, ...planned });
        device.refused = device.refused.filter((r) => r !== refused);
        if (device.online) await settle(model, real);
      }
    }
    await checkInvariants(model, real);
  }
  toString(): string {
    return `${deviceNames[this.who]}: ${this.retry ? 'retries' : 'discards'} refused edit #${this.pick}`;
  }
}

const who = fc.constantFrom<Who>(0, 1);
const editSpec = (kinds: ReadonlyArray<TaskEdit['kind']>) =>
  fc.record({ kind: fc.constantFrom(...kinds), pick: fc.nat(99), saturday: fc.boolean() });
const allKinds: ReadonlyArray<TaskEdit['kind']> = ['create', 'rename', 'due', 'complete', 'reopen', 'remove'];

const edit = fc.tuple(who, editSpec(allKinds)).map(([w, spec]) => new Edit(w, spec, false));
// fc.commands picks among its arbitraries evenly: edits are listed several times to come up more
const commands = fc.commands(
  [
    edit,
    edit,
    edit,
    edit,
    edit,
    fc.tuple(who, editSpec(allKinds)).map(([w, spec]) => new Edit(w, spec, true)),
    fc
      .tuple(who, fc.array(editSpec(['create', 'rename', 'due', 'complete', 'reopen']), { minLength: 2, maxLength: 6 }))
      .map(([w, specs]) => new Burst(w, specs)),
    fc.tuple(who, fc.boolean()).map(([w, online]) => new Connectivity(w, online)),
    fc.tuple(who, fc.boolean()).map(([w, online]) => new Connectivity(w, online)),
    fc.tuple(who, fc.boolean()).map(([w, online]) => new Connectivity(w, online)),
    who.map((w) => new Restart(w)),
    fc.constant(new SettleSaturday()),
    fc.constant(new ChangeRole()),
    fc.tuple(who, fc.nat(9), fc.boolean()).map(([w, pick, retry]) => new Attend(w, pick, retry)),
  ],
  { maxCommands: 30, size: 'max' },
);

describe('the outbox against its model', () => {
  const root = mkdtempSync(join(tmpdir(), 'promoteros-outbox-model-'));
  let db: TestDatabase;
  let relay: TestRelay;
  let runs = 0;

  beforeAll(async () => {
    db = await createTestDatabase('outbox_model');
    relay = await startTestRelay(db, { LIVE_POLL_TIMEOUT_MS: '1000' });
    console.info(
      `outbox model: seed ${seed}, ${numRuns} runs; replay: OUTBOX_MODEL_SEED=${seed} npx vitest run desktop/src/core/outbox/model-based.test.ts`,
    );
  }, 60_000);

  afterAll(async () => {
    // what the runs exercised: without refusals of each kind the model was barely tested
    const answers = db
      ? await db.sql<{ answer: string; n: number }[]>`
          SELECT coalesce(result->>'code', outcome) AS answer, count(*)::int AS n FROM mutation_ledger GROUP BY 1 ORDER BY 1`
      : [];
    console.info(`outbox model: relay answers ${answers.map((a) => `${a.answer} ${a.n}`).join(', ')}`);
    await relay?.stop();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
    console.info(`outbox model: ${runs} runs, ${steps} steps`);
  });

  it(
    'should keep pending, applied and refused edits where the model says, across devices, outages and restarts',
    async () => {
      await fc.assert(
        // whether each device starts the run offline (a laptop in a basement with no signal)
        fc.asyncProperty(fc.tuple(fc.boolean(), fc.boolean()), commands, async (startOffline, cmds) => {
          runs += 1;
          const dir = join(root, `run-${runs}`);
          const start = await startModelRun(db, () => relay, dir);
          const model: Model = {
            server: start.rows,
            roles: { [start.stageManager.userId]: start.stageManager.role, [start.owner.userId]: start.owner.role },
            devices: start.run.devices.map(({ userId }) => ({
              userId,
              online: true,
              synced: start.rows,
              pending: [],
              refused: [],
            })),
            ledger: new Map(),
          };
          for (const who of [0, 1] as const) {
            if (!startOffline[who]) continue;
            model.devices[who]!.online = false;
            start.run.devices[who]!.device.setOnline(false);
          }
          try {
            await fc.asyncModelRun(() => ({ model, real: start.run }), cmds);
            // the end of the day: every device back online, every queue answered, and every
            // replica equal to PostgreSQL (M5 for all of them)
            for (const who of [0, 1] as const) {
              if (!model.devices[who]!.online) await new Connectivity(who, true).run(model, start.run);
            }
          } finally {
            await start.run.stop();
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { seed, numRuns, ...(path ? { path } : {}), interruptAfterTimeLimit: 10 * 60_000 },
      );
    },
    15 * 60_000,
  );
});
