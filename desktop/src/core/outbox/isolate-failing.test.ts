// The search's rules (isolate-failing.ts) on its own, against a relay modelled as a rule of which
// batches fail. The real relay and replica are in failing-edit.test.ts.
import { describe, expect, it } from 'vitest';
import { BATCH_TRIES, FailingEditSearch, type QueuedEdit } from './isolate-failing.js';

interface Run {
  /** ids in the order the relay applied them */
  readonly applied: string[];
  readonly setAside: string[];
  /** every batch sent */
  readonly sent: string[][];
}

const queue = (n: number): QueuedEdit[] => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, after: [] }));

/** sends until the queue is empty or `rounds` batches went; the relay fails a batch when `fails` says so */
function run(
  pending: QueuedEdit[],
  fails: (batch: readonly string[]) => boolean,
  rounds = 500,
  search = new FailingEditSearch(),
): Run {
  const result: Run = { applied: [], setAside: [], sent: [] };
  for (let round = 0; round < rounds && pending.length > 0; round++) {
    const batch = search.next(pending).map((edit) => edit.id);
    result.sent.push(batch);
    if (fails(batch)) {
      const found = search.failed(batch);
      if (found) {
        result.setAside.push(found);
        // the outbox refuses with it what builds on it, transitively
        const gone = new Set([found]);
        for (const edit of pending) if (edit.after.some((id) => gone.has(id))) gone.add(edit.id);
        pending = pending.filter((edit) => !gone.has(edit.id));
      }
    } else {
      search.answered();
      result.applied.push(...batch);
      pending = pending.filter((edit) => !batch.includes(edit.id));
    }
  }
  return result;
}

const holding = (poison: string) => (batch: readonly string[]) => batch.includes(poison);

describe('finding the edit the relay keeps failing on', () => {
  it.each([0, 1, 57, 98, 99])(
    'should set aside the poisoned edit at %i of 100 and apply the 99 others (I2, I3, I4)',
    (at) => {
      const edits = queue(100);
      const poison = `m${at}`;
      const { applied, setAside } = run(edits, holding(poison));
      expect(setAside).toEqual([poison]);
      expect([...applied].sort()).toEqual(
        edits
          .map((e) => e.id)
          .filter((id) => id !== poison)
          .sort(),
      );
    },
  );

  it('should keep the device order: nothing goes ahead of an older edit but one probe past the lone suspect (I3, I4)', () => {
    const edits = queue(100);
    const { applied } = run(edits, holding('m57'));
    const order = edits.map((e) => e.id).filter((id) => id !== 'm57');
    // the poisoned m57 aside, the relay saw them in the device's order (the probe, m58, went
    // ahead of m57 only)
    expect(applied).toEqual(order);
  });

  it('should not search before a batch failed BATCH_TRIES times (I2)', () => {
    const search = new FailingEditSearch();
    const edits = queue(10);
    for (let i = 0; i < BATCH_TRIES - 1; i++) {
      expect(search.next(edits)).toHaveLength(10);
      expect(search.failed(edits.map((e) => e.id))).toBeUndefined();
    }
    expect(search.next(edits)).toHaveLength(10);
    search.failed(edits.map((e) => e.id));
    expect(search.next(edits).map((e) => e.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('should neither search nor set aside while failures come with the relay away (I1)', () => {
    const search = new FailingEditSearch();
    const edits = queue(10);
    for (let i = 0; i < 50; i++) {
      expect(search.next(edits)).toHaveLength(10);
      search.interrupted(); // the outbox's verdict: no answer, or /healthz says the database is away
    }
    expect(search.searching).toBe(false);
  });

  it('should set nothing aside when the relay fails every batch, and apply all in order once it works (I4, I5)', () => {
    const search = new FailingEditSearch();
    const edits = queue(10);
    const outage = run(edits, () => true, 200, search);
    expect(outage.setAside).toEqual([]);
    // the search probed past the suspect several times, and the relay failed those too
    expect(outage.sent.filter((b) => b.length === 1 && b[0] !== 'm0').length).toBeGreaterThan(3);
    const mended = run(edits, () => false, 200, search);
    expect(mended.setAside).toEqual([]);
    expect([...mended.applied].sort()).toEqual(edits.map((e) => e.id).sort());
  });

  it('should never set aside a lone edit with nothing behind it, and find it once edits queue behind it (I4)', () => {
    const search = new FailingEditSearch();
    const alone = run([{ id: 'm0', after: [] }], holding('m0'), 200, search);
    expect(alone.setAside).toEqual([]);
    expect(alone.sent.every((b) => b.join() === 'm0')).toBe(true);
    const behind = run([{ id: 'm0', after: [] }, ...queue(4).slice(1)], holding('m0'), 200, search);
    expect(behind.setAside).toEqual(['m0']);
    expect(behind.applied.sort()).toEqual(['m1', 'm2', 'm3']);
  });

  it('should not probe with an edit that builds on a pending one (I4)', () => {
    const edits: QueuedEdit[] = [
      { id: 'm0', after: [] },
      { id: 'm1', after: ['m0'] },
      { id: 'm2', after: ['m1'] },
      { id: 'm3', after: [] },
    ];
    const { sent, setAside, applied } = run(edits, holding('m0'));
    expect(setAside).toEqual(['m0']);
    expect(sent.some((b) => b.join() === 'm1' || b.join() === 'm2')).toBe(false);
    // m1 and m2 are refused with m0 (the outbox does that)
    expect(applied).toEqual(['m3']);
  });

  it('should end the search when the failing batch goes through after all, and send whole batches again (I5)', () => {
    const search = new FailingEditSearch();
    let edits = queue(10);
    for (let i = 0; i < BATCH_TRIES; i++) {
      search.next(edits);
      search.failed(edits.map((e) => e.id));
    }
    expect(search.searching).toBe(true);
    // the trouble passes: the halves go through
    while (search.searching) {
      const batch = search.next(edits);
      search.answered();
      edits = edits.filter((e) => !batch.includes(e));
      if (edits.length === 0) break;
    }
    const more = queue(20).slice(10);
    expect(search.next(more)).toHaveLength(10);
  });
});
