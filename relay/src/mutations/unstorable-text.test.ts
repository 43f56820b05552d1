// Text PostgreSQL cannot store (NUL, a lone surrogate) in a mutation's arguments: that mutation is
// refused invalid_arguments naming the argument, the rest of its batch applies, the refusal is
// recorded (escaped) so a resend answers the same, and a refusal that cannot be recorded at all
// still answers REFUSED without failing the batch.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { findMutation, mutationNames } from '@promoteros/shared/mutations';
import { applyBatch } from './apply-mutation.js';
import { argsFor, type World } from '../testing/arg-factories.js';
import { useMutationWorld } from '../testing/mutation-world.js';
import { envelope, sendBatch } from '../testing/mutation-client.js';

const NUL = 'Sound\u0000check';
/** what cutting "Encore 🎸" in the middle of its emoji leaves */
const CUT_EMOJI = 'Encore 🎸'.slice(0, -1);

type Path = (string | number)[];

/** the paths of every string in a JSON value */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    stringPaths(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

function withValue(value: unknown, path: Path, replace: (old: string) => string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  node[last] = replace(node[last] as string);
  return copy;
}

describe('mutation arguments with text PostgreSQL cannot store', () => {
  const world = useMutationWorld('mutation_unstorable_text', 'Cellar Door');
  const w = (): World => ({ ...world.rows, organizationId: world.organizationId, ownerId: world.owner.userId });
  const good = () => envelope('task.create', { taskId: randomUUID(), eventId: world.rows.eventId, title: 'Load in' });

  for (const name of mutationNames) {
    it(`should refuse ${name} naming the poisoned argument and apply the rest of the batch`, async () => {
      const args = await argsFor(name, w(), world.db.sql);
      const definition = findMutation(name)!;
      const poisoned = stringPaths(args).flatMap((path) =>
        [NUL, CUT_EMOJI].map((text) => ({
          path: path.join('.'),
          // free text takes any other character; a uuid, date or code refuses it for its format
          freeText: definition.args.safeParse(withValue(args, path, (old) => `${old}x`)).success,
          envelope: envelope(
            name,
            withValue(args, path, (old) => `${old.slice(0, 1)}${text}${old.slice(1)}`),
          ),
        })),
      );
      expect(poisoned.length, `${name} has no string argument to poison`).toBeGreaterThan(0);
      const batch = [good(), ...poisoned.map((p) => p.envelope), good()];
      const send = () =>
        sendBatch(world.relay, world.owner.token, { organizationId: world.organizationId, mutations: batch });

      const first = await send();
      expect(first.status).toBe(200);
      const results = first.body.results;
      expect(results[0]!.outcome).toBe('APPLIED');
      expect(results.at(-1)!.outcome).toBe('APPLIED');
      poisoned.forEach((p, n) => {
        const result = results[n + 1]!;
        expect(result, p.path).toMatchObject({ outcome: 'REFUSED', code: 'invalid_arguments' });
        const reason = (result as { reason: string }).reason;
        expect(reason.startsWith(`${p.path}: `), `${p.path}: ${reason}`).toBe(true);
        if (p.freeText)
          expect(reason, p.path).toMatch(/contains a character that cannot be stored \((NUL|a cut emoji)/);
      });

      // recorded: the same batch again answers the same from the ledger, and changes nothing
      const again = await send();
      expect(again).toEqual(first);
    });
  }

  it('should keep unknown keys and names that cannot be stored out of the way, escaped in the records', async () => {
    const task = randomUUID();
    const args = { taskId: task, eventId: world.rows.eventId, title: 'Check the PA', 'odd\u0000key': 'x\ud800' };
    const applied = envelope('task.create', args);
    const unknown = envelope('task.\u0000create', { title: 'y\u0000' });
    const batch = { organizationId: world.organizationId, mutations: [applied, unknown, good()] };
    const { status, body } = await sendBatch(world.relay, world.owner.token, batch);
    expect(status).toBe(200);
    expect(body.results.map((r) => r.outcome)).toEqual(['APPLIED', 'REFUSED', 'APPLIED']);
    expect(body.results[1]).toMatchObject({
      code: 'unknown_mutation',
      reason: expect.stringContaining('task.\\u0000create'),
    });

    const [audit] = await world.db.sql<{ details: { args: { unstorable: string } } }[]>`
      SELECT details FROM audit_logs WHERE details->>'mutationId' = ${applied.id}`;
    // the exact input is kept as JSON text, every unstorable character escaped
    expect(JSON.parse(audit!.details.args.unstorable)).toEqual(args);
    const [ledger] = await world.db.sql<{ name: string; args: unknown }[]>`
      SELECT name, args FROM mutation_ledger WHERE id = ${unknown.id}`;
    expect(ledger!.name).toBe('task.\\u0000create');
    expect(JSON.parse((ledger!.args as { unstorable: string }).unstorable)).toEqual({ title: 'y\u0000' });
    expect((await sendBatch(world.relay, world.owner.token, batch)).body).toEqual(body);
  });

  describe('when the records themselves cannot be written', () => {
    /** envelopes as the route hands them over, `after` defaulted */
    const parsed = (batch: ReturnType<typeof envelope>[]) => batch.map((e) => ({ ...e, after: e.after ?? [] }));
    const scope = () => ({
      organizationId: world.organizationId,
      userId: world.owner.userId,
      sessionId: world.owner.sessionId,
    });
    it('should record a plainer refusal, or none, and go on with the batch', async () => {
      // the database refuses ledger entries whose arguments say "jam" (as a trigger or a
      // constraint of a future migration might), and every refusal of the mutation "test.jam"
      await world.db.sql.unsafe(`
        CREATE FUNCTION jam_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.args ? 'jam' OR NEW.name = 'test.jam' THEN
            RAISE EXCEPTION 'jammed' USING ERRCODE = '22000';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER jam_ledger BEFORE INSERT ON mutation_ledger FOR EACH ROW EXECUTE FUNCTION jam_ledger();`);
      try {
        const plainer = envelope('task.complete', { taskId: 'not-a-uuid', jam: true });
        const none = envelope('test.jam', {});
        const batch = [plainer, none, good()];
        const find = (name: string) => (name === 'test.jam' ? undefined : findMutation(name));
        const applied = await applyBatch(world.db.sql, scope(), parsed(batch), find);
        expect(applied.map((a) => a.outcome)).toEqual(['invalid_arguments', 'unknown_mutation', 'applied']);
        expect(applied[0]!.result).toMatchObject({ reason: expect.stringMatching(/^taskId: must be a uuid/) });
        const entries = await world.db.sql<{ id: string; args: unknown; result: { reason: string } }[]>`
          SELECT id, args, result FROM mutation_ledger WHERE id IN (${plainer.id}, ${none.id})`;
        expect(entries).toEqual([
          {
            id: plainer.id,
            args: { unrecorded: 'could not be stored' },
            result: expect.objectContaining({ code: 'invalid_arguments' }),
          },
        ]);
      } finally {
        await world.db.sql.unsafe(`DROP TRIGGER jam_ledger ON mutation_ledger; DROP FUNCTION jam_ledger();`);
      }
    });

    it('should refuse a mutation whose audit row cannot be written, with none of its writes kept', async () => {
      await world.db.sql.unsafe(`
        CREATE FUNCTION jam_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.details->'args'->>'title' = 'Jam the audit' THEN
            RAISE EXCEPTION 'audit jammed' USING ERRCODE = '22000';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER jam_audit BEFORE INSERT ON audit_logs FOR EACH ROW EXECUTE FUNCTION jam_audit();`);
      try {
        const taskId = randomUUID();
        const jammed = envelope('task.create', { taskId, eventId: world.rows.eventId, title: 'Jam the audit' });
        const applied = await applyBatch(world.db.sql, scope(), parsed([good(), jammed, good()]));
        expect(applied.map((a) => a.outcome)).toEqual(['applied', 'rule', 'applied']);
        expect(applied[1]!.result).toMatchObject({ reason: expect.stringContaining('audit jammed') });
        const [{ n }] = (await world.db.sql`SELECT count(*)::int AS n FROM event_tasks WHERE id = ${taskId}`) as [
          { n: number },
        ];
        expect(n).toBe(0);
      } finally {
        await world.db.sql.unsafe(`DROP TRIGGER jam_audit ON audit_logs; DROP FUNCTION jam_audit();`);
      }
    });
  });
});
