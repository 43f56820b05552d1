// The door's merge figure for `npm run bench:door` (bench/door.bench.ts prints it with the
// show-day figures):
//   merge_ms  four door devices, each with 500 check-ins made offline on a 2,500-entry guest
//             list, reconnect at the same moment → every check-in acknowledged by the relay and
//             visible on every device (each replica counts all 2,000)
//   floor_ms  the same 2,000 check-in rows inserted directly into PostgreSQL by four clients at
//             once (one per device), one INSERT per row in transactions of up to 200 rows as
//             the devices' uploads are (MAX_MUTATIONS_PER_BATCH), in the same run, with the
//             devices offline meanwhile
// Real parts throughout: PostgreSQL, the relay in its own process, four desktop cores (PGlite
// replicas, sync, outbox) in this one. The best of BENCH_DOOR_ROUNDS rounds (2) is reported.
// `npx tsx bench/door-merge.ts` runs it alone and prints one JSON line.
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { MAX_MUTATIONS_PER_BATCH } from '@promoteros/shared/mutations';
import { createTestDatabase } from '@promoteros/relay/testing/test-database';
import { createMember, createOrganization, createVenue } from '@promoteros/relay/testing/fixtures';
import { TestDevice } from '@promoteros/desktop/core/testing/test-device';
import { seedDoorEvent, type DoorEvent } from '@promoteros/desktop/core/testing/door-world';
import { startRelayProcess } from './relay-process.js';

const DEVICES = 4;
const CHECK_INS_PER_DEVICE = Number(process.env.BENCH_DOOR_CHECK_INS ?? 500);
const ENTRIES = 2500;
const ROUNDS = Number(process.env.BENCH_DOOR_ROUNDS ?? 2);
const progress = (message: string) => process.stderr.write(`bench:door merge ${message}\n`);

/** set when the relay process ends under the bench: every wait stops at once */
let relayEnded: string | undefined;

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (relayEnded) throw new Error(relayEnded);
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** a wait that gives up, so a relay that died never leaves the bench hanging */
async function within<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** the check-ins device `device` makes in round `round`: guests spread over the whole list */
function checkIns(door: DoorEvent, device: number, round: number) {
  return Array.from({ length: CHECK_INS_PER_DEVICE }, (_, n) => {
    const entry = door.entries[(n * DEVICES + device + round * 7) % door.entries.length]!;
    return { id: randomUUID(), entryId: entry.id, admitted: 1 };
  });
}

const checkInCount = async (device: TestDevice, eventId: string) => {
  const [row] = await device.replica.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM check_ins WHERE event_id = $1',
    [eventId],
  );
  return row!.n;
};

export async function measureDoorMerge(): Promise<{ merge_ms: number; floor_ms: number }> {
  const scratch = mkdtempSync(join(tmpdir(), 'promoteros-bench-door-'));
  const db = await createTestDatabase('bench_door');
  let relay: { url: string; child: ChildProcess } | undefined;
  const devices: TestDevice[] = [];
  let finished = false;
  try {
    const organizationId = await createOrganization(db.sql, 'Door Bench Hall');
    const venueId = await createVenue(db.sql, organizationId, { timezone: 'Europe/London', capacity: 20000 });
    progress(`seeding a ${ENTRIES}-entry guest list`);
    const door = await seedDoorEvent(db.sql, organizationId, venueId, ENTRIES);
    progress('starting the relay');
    relay = await startRelayProcess(db);
    const relayUrl = relay.url;
    relay.child.once('exit', (code, signal) => {
      if (!finished) relayEnded = `the relay process ended under the bench (code ${code}, signal ${signal})`;
    });
    const dataDir = (index: number) => join(scratch, `door-${index + 1}`);
    for (let index = 0; index < DEVICES; index += 1) {
      const member = await createMember(db.sql, [{ organizationId, role: 'STAFF' }]);
      devices.push(
        new TestDevice({
          name: `door-${index + 1}`,
          dataDir: dataDir(index),
          organizationId,
          userId: member.userId,
          token: member.token,
          role: 'STAFF',
          relayUrl: () => relayUrl,
          gatherMs: 50, // as the app
        }),
      );
    }
    progress('first sync, then the replica copied to the other devices');
    await devices[0]!.start();
    await within(devices[0]!.sync.waitUntilLive(), 300_000, 'first sync');
    await devices[0]!.stop();
    for (let index = 1; index < DEVICES; index += 1) cpSync(dataDir(0), dataDir(index), { recursive: true });
    for (const device of devices) {
      await device.start();
      await within(device.sync.waitUntilLive(), 120_000, `${device.options.name} live`);
    }

    const pg = postgres(db.url, { max: DEVICES, onnotice: () => {} });
    const merges: number[] = [];
    const floors: number[] = [];
    let expected = await checkInCount(devices[0]!, door.eventId);
    try {
      for (let round = 1; round <= ROUNDS; round += 1) {
        progress(`round ${round}/${ROUNDS}: ${DEVICES} × ${CHECK_INS_PER_DEVICE} check-ins offline`);
        for (const device of devices) device.setOnline(false);
        for (const [index, device] of devices.entries()) {
          for (const checkIn of checkIns(door, index, round)) {
            await device.outbox.run('checkIn.admit', {
              ...checkIn,
              eventId: door.eventId,
              deviceId: device.options.name,
              occurredAt: new Date().toISOString(),
            });
          }
        }
        expected += DEVICES * CHECK_INS_PER_DEVICE;
        const started = performance.now();
        for (const device of devices) device.setOnline(true);
        await until(async () => {
          for (const device of devices) {
            const [row] = await device.replica.query<{ n: number }>('SELECT count(*)::int AS n FROM _outbox');
            if (row!.n > 0 || (await checkInCount(device, door.eventId)) !== expected) return false;
          }
          return true;
        }, 600_000);
        merges.push(performance.now() - started);
        progress(`round ${round}/${ROUNDS}: merged in ${merges.at(-1)!.toFixed(0)} ms; the floor`);

        // the devices wait offline meanwhile, so the floor has the machine to itself
        for (const device of devices) device.setOnline(false);
        const floorStarted = performance.now();
        await Promise.all(
          devices.map(async (device, index) => {
            const rows = checkIns(door, index, round + 100);
            for (let from = 0; from < rows.length; from += MAX_MUTATIONS_PER_BATCH) {
              await pg.begin(async (tx) => {
                for (const checkIn of rows.slice(from, from + MAX_MUTATIONS_PER_BATCH)) {
                  await tx`
                    INSERT INTO check_ins (id, organization_id, event_id, entry_id, kind, admitted, device_id, occurred_at)
                    VALUES (${checkIn.id}, ${organizationId}, ${door.eventId}, ${checkIn.entryId}, 'ADMIT',
                            ${checkIn.admitted}, ${device.options.name}, now())`;
                }
              });
            }
          }),
        );
        floors.push(performance.now() - floorStarted);
        expected += DEVICES * CHECK_INS_PER_DEVICE;
        // the floor's rows reach the devices too; the next round starts from there
        for (const device of devices) device.setOnline(true);
        await until(async () => {
          for (const device of devices) if ((await checkInCount(device, door.eventId)) !== expected) return false;
          return true;
        }, 600_000);
      }
    } finally {
      await pg.end();
    }
    const round1 = (n: number) => Math.round(n * 10) / 10;
    return { merge_ms: round1(Math.min(...merges)), floor_ms: round1(Math.min(...floors)) };
  } finally {
    finished = true;
    for (const device of devices) await device.stop().catch(() => {});
    relay?.child.kill('SIGTERM');
    await db.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureDoorMerge()
    .then((figures) =>
      console.log(
        JSON.stringify({
          bench: 'door-merge',
          ...figures,
          ratio: Math.round((figures.merge_ms / figures.floor_ms) * 100) / 100,
        }),
      ),
    )
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
