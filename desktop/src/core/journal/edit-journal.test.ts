// The journal on a real file: group commit, what reopening keeps, and the damaged tail a cut
// leaves. (What a cut can leave at every point of a run: power-cut.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditJournal, type JournalEdit } from './edit-journal.js';
import { fileJournalStorage, type JournalStorage } from './journal-storage.js';

const edit = (n: number): JournalEdit => ({
  id: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
  organizationId: '11111111-1111-4111-8111-111111111111',
  userId: '22222222-2222-4222-8222-222222222222',
  name: 'task.update',
  args: { taskId: '33333333-3333-4333-8333-333333333333', title: `Title ${n}` },
  at: '2026-12-03T20:00:00.000Z',
  description: `Rename a task to Title ${n}`,
  writes: [
    {
      position: 0,
      table_name: 'event_tasks',
      row_id: '33333333-3333-4333-8333-333333333333',
      op: 'update',
      patch: { title: `Title ${n}` },
    },
  ],
});

describe('the edit journal', () => {
  let dir: string;
  let path: string;
  let opened: EditJournal[];
  const open = async (storage: JournalStorage = fileJournalStorage(path)) => {
    const result = await EditJournal.open(storage);
    opened.push(result.journal);
    return result;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'promoteros-journal-'));
    path = join(dir, 'org.journal');
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((journal) => journal.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes edits that arrive together share an fsync, and answers each once it is on disk', async () => {
    const { journal } = await open();
    const syncs: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => journal.recordEdit(edit(n)).then(() => syncs.push(journal.syncs))),
    );
    // every edit answered after an fsync, and far fewer fsyncs than edits
    expect(syncs.every((count) => count >= 1)).toBe(true);
    expect(journal.syncs).toBeLessThanOrEqual(2);
    const { journal: again } = await open();
    expect(again.liveEdits().map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, n) => edit(n).id));
  });

  it('keeps an edit until it is settled, and reopens without the settled ones', async () => {
    const { journal } = await open();
    await Promise.all([1, 2, 3].map((n) => journal.recordEdit(edit(n))));
    await journal.settle([edit(2).id]);
    expect(journal.liveEdits().map((e) => e.id)).toEqual([edit(1).id, edit(3).id]);
    await journal.close();
    const { journal: again } = await open();
    expect(again.liveEdits().map((e) => e.id)).toEqual([edit(1).id, edit(3).id]);
    // reopening rewrote the file with only what it still needs
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('cuts off a torn tail: a half-written record, zeros, junk', async () => {
    const { journal } = await open();
    await journal.recordEdit(edit(1));
    await journal.close();
    const whole = statSync(path).size;
    const line = readFileSync(path, 'utf8');
    appendFileSync(path, line.slice(0, 40));
    appendFileSync(path, Buffer.alloc(300));
    appendFileSync(path, line);
    const { journal: again, opening } = await open();
    expect(again.liveEdits().map((e) => e.id)).toEqual([edit(1).id]);
    expect(opening.droppedBytes).toBe(40 + 300 + line.length);
    expect(statSync(path).size).toBe(whole);
  });

  it('refuses a record whose checksum does not match', async () => {
    const { journal } = await open();
    await journal.recordEdit(edit(1));
    await journal.recordEdit(edit(2));
    await journal.close();
    const text = readFileSync(path, 'utf8');
    const [first, second] = text.split('\n');
    rmSync(path);
    appendFileSync(path, `${first}\n${second!.replace('Title 2', 'Title 9')}\n`);
    const { journal: again } = await open();
    expect(again.liveEdits().map((e) => e.id)).toEqual([edit(1).id]);
  });

  it('answers an edit with the error when the disk fails it, and keeps answering later ones', async () => {
    let failing = true;
    const file = fileJournalStorage(path);
    const { journal } = await open({
      ...file,
      sync: async () => {
        if (failing) throw new Error('EIO: the disk failed the fsync');
        await file.sync();
      },
    });
    await expect(journal.recordEdit(edit(1))).rejects.toThrow('EIO');
    failing = false;
    await expect(journal.recordEdit(edit(2))).resolves.toBeUndefined();
  });
});
