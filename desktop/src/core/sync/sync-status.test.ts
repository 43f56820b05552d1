import { describe, expect, it } from 'vitest';
import {
  initialSyncState,
  reduceSync,
  syncStatus,
  type SyncEvent,
  type SyncState,
  type SyncStatus,
} from './sync-status.js';

const at = (second: number) => new Date(Date.UTC(2025, 5, 14, 19, 0, second));

// the events startSync records, written short
const received = (
  table: string,
  rows: number,
  more: { complete?: boolean; mustRefetch?: boolean } = {},
): SyncEvent => ({
  type: 'received',
  table,
  rows,
  mustRefetch: more.mustRefetch ?? false,
  everyShapeComplete: more.complete ?? false,
});
const applied = (...checkpointed: string[]): SyncEvent => ({ type: 'applied', checkpointed });
const caughtUp = (second: number): SyncEvent => ({ type: 'caught-up', at: at(second) });
const unreachable = (second: number): SyncEvent => ({ type: 'unreachable', at: at(second) });
const reachable: SyncEvent = { type: 'reachable' };
const counted = (counts: Record<string, number>): SyncEvent => ({ type: 'counted', counts });
const refused = (table: string, complete = false): SyncEvent => ({
  type: 'table-refused',
  table,
  everyShapeComplete: complete,
});
const stopped = (phase: 'signed-out' | 'error', reason: string): SyncEvent => ({ type: 'stopped', phase, reason });

interface Start {
  /** tables with no saved position */
  readonly snapshotting: readonly string[];
  readonly lastSyncedAt?: Date;
}
const fresh: Start = { snapshotting: ['venues', 'events'] };
const resumed: Start = { snapshotting: [], lastSyncedAt: at(0) };

const run = (start: Start, events: readonly SyncEvent[]): SyncStatus =>
  syncStatus(events.reduce(reduceSync, initialSyncState(start)));

interface Case {
  readonly rule: string;
  readonly it: string;
  readonly start: Start;
  readonly events: readonly SyncEvent[];
  readonly status: SyncStatus;
}

const cases: readonly Case[] = [
  {
    rule: 'R3',
    it: 'a replica with no saved position starts in initial-sync with nothing received',
    start: fresh,
    events: [],
    status: { phase: 'initial-sync', progress: { rowsReceived: 0 }, skippedTables: [] },
  },
  {
    rule: 'R5 R6',
    it: 'a resumed replica connects until every shape is complete, showing when it last held everything',
    start: resumed,
    events: [received('venues', 0)],
    status: { phase: 'connecting', lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R5',
    it: 'a resumed replica is live once every shape is complete',
    start: resumed,
    events: [received('venues', 0), received('events', 0, { complete: true })],
    status: { phase: 'live', lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R3',
    it: 'counts the rows of snapshotting tables only',
    start: { snapshotting: ['venues'] },
    events: [received('venues', 3), received('events', 5)],
    status: { phase: 'initial-sync', progress: { rowsReceived: 3 }, skippedTables: [] },
  },
  {
    rule: 'R4',
    it: "totals the relay's counts of the tables still snapshotting",
    start: { snapshotting: ['venues'] },
    events: [counted({ venues: 10, events: 4 }), received('venues', 4)],
    status: { phase: 'initial-sync', progress: { rowsReceived: 4, rowsTotal: 10 }, skippedTables: [] },
  },
  {
    rule: 'R4',
    it: 'adds the rows already received to a total counted late',
    start: fresh,
    events: [received('venues', 4), applied('venues'), counted({ venues: 10, events: 6 })],
    status: { phase: 'initial-sync', progress: { rowsReceived: 4, rowsTotal: 10 }, skippedTables: [] },
  },
  {
    rule: 'R4',
    it: 'never shows a total below the rows received',
    start: { snapshotting: ['venues'] },
    events: [counted({ venues: 2 }), received('venues', 5)],
    status: { phase: 'initial-sync', progress: { rowsReceived: 5, rowsTotal: 5 }, skippedTables: [] },
  },
  {
    rule: 'R3',
    it: 'stays in initial-sync while one table has not applied its checkpoint',
    start: fresh,
    events: [received('venues', 2), received('events', 1, { complete: true }), applied('venues')],
    status: { phase: 'initial-sync', progress: { rowsReceived: 3 }, skippedTables: [] },
  },
  {
    rule: 'R3 R5 R6',
    it: 'is live once every snapshot is applied whole and the replica caught up',
    start: fresh,
    events: [
      received('venues', 2),
      received('events', 1, { complete: true }),
      applied('venues', 'events'),
      caughtUp(9),
    ],
    status: { phase: 'live', lastSyncedAt: at(9), skippedTables: [] },
  },
  {
    rule: 'R3',
    it: 'takes a table back to initial-sync on must-refetch, counting from the delivery after it',
    start: resumed,
    events: [
      received('venues', 0, { complete: true }),
      received('venues', 7, { complete: true, mustRefetch: true }),
      received('venues', 2, { complete: true }),
    ],
    status: { phase: 'initial-sync', progress: { rowsReceived: 2 }, lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R2',
    it: 'is offline since the first request that failed',
    start: resumed,
    events: [received('venues', 0, { complete: true }), unreachable(3), unreachable(8)],
    status: { phase: 'offline', offlineSince: at(3), lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R2',
    it: 'returns to the phase that applies once the relay answers',
    start: resumed,
    events: [received('venues', 0, { complete: true }), unreachable(3), reachable],
    status: { phase: 'live', lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R2',
    it: 'shows offline above initial-sync',
    start: fresh,
    events: [received('venues', 40), unreachable(5)],
    status: { phase: 'offline', offlineSince: at(5), skippedTables: [] },
  },
  {
    rule: 'R2',
    it: 'starts a new offline period after an answer',
    start: resumed,
    events: [unreachable(3), reachable, unreachable(20)],
    status: { phase: 'offline', offlineSince: at(20), lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R1',
    it: 'keeps the first stop and its reason whatever follows',
    start: resumed,
    events: [
      stopped('signed-out', 'the relay no longer accepts this session'),
      stopped('error', 'sync of venues failed'),
      reachable,
      received('venues', 3, { complete: true }),
      caughtUp(30),
      refused('events'),
    ],
    status: {
      phase: 'signed-out',
      reason: 'the relay no longer accepts this session',
      lastSyncedAt: at(0),
      skippedTables: [],
    },
  },
  {
    rule: 'R1 R2',
    it: 'shows a stop above offline',
    start: resumed,
    events: [unreachable(3), stopped('error', 'could not apply synced changes')],
    status: { phase: 'error', reason: 'could not apply synced changes', lastSyncedAt: at(0), skippedTables: [] },
  },
  {
    rule: 'R6',
    it: 'carries the last sync time into offline',
    start: resumed,
    events: [received('venues', 0, { complete: true }), caughtUp(12), unreachable(40)],
    status: { phase: 'offline', offlineSince: at(40), lastSyncedAt: at(12), skippedTables: [] },
  },
  {
    rule: 'R7',
    it: 'lists a refused table once, and its snapshot no longer holds initial-sync',
    start: fresh,
    events: [
      received('venues', 2, { complete: false }),
      refused('events', true),
      refused('events', true),
      applied('venues'),
    ],
    status: { phase: 'live', skippedTables: ['events'] },
  },
  {
    rule: 'R7',
    it: 'ignores what a refused table delivers afterwards',
    start: { snapshotting: ['venues', 'events', 'tasks'] },
    events: [refused('events'), received('events', 9, { mustRefetch: true }), received('venues', 1)],
    status: { phase: 'initial-sync', progress: { rowsReceived: 1 }, skippedTables: ['events'] },
  },
  {
    rule: 'R7',
    it: 'lists refused tables in the order they were refused',
    start: resumed,
    events: [refused('tasks'), refused('events', true)],
    status: { phase: 'live', lastSyncedAt: at(0), skippedTables: ['tasks', 'events'] },
  },
];

describe('sync status', () => {
  it.each(cases)('should follow $rule: $it', ({ start, events, status }) => {
    expect(run(start, events)).toEqual(status);
  });

  // Random sequences, from a seed printed on failure, against the rules that hold after any
  // sequence at all.
  it('should keep R1, R2, R4 and R7 over random sequences, and never change the state it is given', () => {
    const tables = ['venues', 'events', 'tasks'];
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      let state = initialSyncState({
        snapshotting: tables.filter(() => random() < 0.5),
        ...(random() < 0.5 ? { lastSyncedAt: at(0) } : {}),
      });
      let offlineSince: Date | undefined;
      let atStop: SyncStatus | undefined;
      for (let step = 1; step <= 40; step++) {
        const event = randomEvent(pick, random, step);
        const before = snapshot(state);
        const next = reduceSync(state, event);
        expect(snapshot(state), `seed ${seed} step ${step}: the given state changed`).toEqual(before);
        state = next;
        const status = syncStatus(state);
        const where = `seed ${seed} step ${step} (${event.type})`;
        // R1
        if (atStop) expect(status, where).toEqual(atStop);
        else if (event.type === 'stopped') atStop = status;
        // R2
        if (event.type === 'unreachable') offlineSince ??= event.at;
        if (event.type === 'reachable') offlineSince = undefined;
        if (!atStop && offlineSince) expect(status, where).toMatchObject({ phase: 'offline', offlineSince });
        if (!atStop && !offlineSince) expect(status.phase, where).not.toBe('offline');
        // R4
        if (status.progress?.rowsTotal !== undefined) {
          expect(status.progress.rowsTotal, where).toBeGreaterThanOrEqual(status.progress.rowsReceived);
        }
        // R7
        expect(new Set(status.skippedTables).size, where).toBe(status.skippedTables.length);
      }
    }
  });
});

function randomEvent(pick: <T>(items: readonly T[]) => T, random: () => number, step: number): SyncEvent {
  const table = pick(['venues', 'events', 'tasks']);
  const complete = random() < 0.5;
  return pick<() => SyncEvent>([
    () => received(table, Math.floor(random() * 50), { complete, mustRefetch: random() < 0.1 }),
    () => received(table, Math.floor(random() * 50), { complete }),
    () => applied(...['venues', 'events', 'tasks'].filter(() => random() < 0.4)),
    () => caughtUp(step),
    () => unreachable(step),
    () => reachable,
    () => counted({ venues: Math.floor(random() * 100), events: Math.floor(random() * 100) }),
    () => refused(table, complete),
    () => (random() < 0.2 ? stopped(pick(['signed-out', 'error'] as const), `stop at ${step}`) : reachable),
  ])();
}

/** a deep copy, Sets as sorted arrays */
function snapshot(state: SyncState): unknown {
  return structuredClone({ ...state, snapshotting: [...state.snapshotting].sort() });
}

/** a small seeded PRNG, so that a failing sequence can be replayed from its seed */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
