// The PDF drawing pool against real workers and real sheets: the bytes are those drawn in this
// thread, the event loop turns while a sheet draws, and a worker lost, stuck or closed fails only
// the render it had while the next one draws.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createMember } from '../testing/fixtures.js';
import { addGuest, checkIn, createNight, type Night } from '../testing/document-world.js';
import { loadDocumentData, type DocumentData } from './document-data.js';
import { drawDocument } from './draw-document.js';
import { PdfDrawingFailed, PdfDrawingPool, PdfDrawingTimedOut } from './pdf-drawing-pool.js';

let db: TestDatabase;
let night: Night;
const pools: PdfDrawingPool[] = [];
const newPool = (...options: ConstructorParameters<typeof PdfDrawingPool>) => {
  const pool = new PdfDrawingPool(...options);
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  db = await createTestDatabase('pdf_drawing_pool');
  // a night with something in every part of every sheet: a manager, open tasks, notes with a run
  // of show, a deal, settlement lines and a counted door
  night = await createNight(db.sql, {
    notes: 'Load in through the lane.\n17:00 Soundcheck\n15:30 Load-in',
    deal: { deal_type: 'VERSUS', guarantee_cents: 250_000, artist_share_bp: 8000, split_basis: 'NET' },
  });
  const manager = await createMember(db.sql, [{ organizationId: night.organizationId, role: 'MANAGER' }]);
  await db.sql`
    INSERT INTO event_tasks (organization_id, event_id, title, due_date, assignee_user_id, position)
    VALUES (${night.organizationId}, ${night.eventId}, 'Send the tech rider', '2026-03-07', ${manager.userId}, 0)`;
  const guest = await addGuest(db.sql, night, 'COMP', 2);
  await checkIn(db.sql, night, { entryId: guest.entryId, admitted: 2 });
  await checkIn(db.sql, night, { admitted: 3 });
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  await db.drop();
});

const settlement = () => loadDocumentData(db.sql, night.eventId, 'SETTLEMENT');

/** How often the event loop came round (setImmediate) and a 5 ms timer fired until `work` settled. */
async function loopWhile(work: () => Promise<unknown>): Promise<{ turns: number; ticks: number }> {
  let turns = 0;
  let ticks = 0;
  let done = false;
  const turn = () => {
    turns += 1;
    if (!done) setImmediate(turn);
  };
  setImmediate(turn);
  const timer = setInterval(() => (ticks += 1), 5);
  try {
    await work();
  } finally {
    done = true;
    clearInterval(timer);
  }
  return { turns, ticks };
}

describe('PDF drawing pool', () => {
  it('should draw every kind of sheet to the bytes drawn in this thread', async () => {
    const pool = newPool();
    for (const kind of ['CONFIRMATION', 'ADVANCE', 'SETTLEMENT'] as const) {
      const data = await loadDocumentData(db.sql, night.eventId, kind);
      // what the worker receives: Dates stay Dates, nothing is lost on the way
      expect(structuredClone(data)).toEqual(data);
      const inThread = await drawDocument(data);
      const pooled = await pool.draw(data);
      expect(pooled.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pooled.bytes.equals(inThread.bytes), kind).toBe(true);
      expect(pooled.sha256).toBe(inThread.sha256);
    }
  });

  it('should draw renders asked at once one after another, with one worker', async () => {
    const pool = newPool();
    const kinds = ['SETTLEMENT', 'CONFIRMATION', 'ADVANCE', 'SETTLEMENT'] as const;
    const data = await Promise.all(kinds.map((kind) => loadDocumentData(db.sql, night.eventId, kind)));
    const drawn = await Promise.all(data.map((d) => pool.draw(d)));
    expect(pool.threads).toHaveLength(1);
    for (const [i, d] of data.entries()) expect(drawn[i]!.sha256).toBe((await drawDocument(d)).sha256);
  });

  it('should keep the event loop turning while a sheet draws', async () => {
    const pool = newPool();
    const data = await settlement();
    await pool.draw(data); // the worker is up and has loaded the renderer
    const pooled = await loopWhile(() => pool.draw(data));
    expect(pooled.turns).toBeGreaterThan(0);
    expect(pooled.ticks).toBeGreaterThan(0);
    // the control: drawn in this thread, the same sheet holds the loop until it is done
    const inThread = await loopWhile(() => drawDocument(data));
    expect(inThread).toEqual({ turns: 0, ticks: 0 });
  });

  it('should fail the render of a worker ended while drawing, and draw the next with a new worker', async () => {
    const pool = newPool();
    const data = await settlement();
    const expected = await drawDocument(data);
    await pool.draw(data);
    const drawing = pool.draw(data);
    const [worker] = pool.threads;
    await worker!.terminate();
    const error = await drawing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfDrawingFailed);
    expect((error as Error).message).toBe(
      'the PDF drawing worker stopped (exit code 1) while drawing the SETTLEMENT sheet',
    );
    const next = await pool.draw(data);
    expect(next.bytes.equals(expected.bytes)).toBe(true);
    expect(pool.threads).toHaveLength(1);
    expect(pool.threads[0]).not.toBe(worker);
  });

  it('should reject a sheet that fails to draw with its error, and keep the worker', async () => {
    const pool = newPool();
    const data = await settlement();
    await pool.draw(data);
    const [worker] = pool.threads;
    const broken = { ...data, deal: null } as unknown as DocumentData;
    // the sheet's own error, as drawing it here throws it (which property React trips on varies)
    const error = await pool.draw(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TypeError',
      message: expect.stringMatching(/^Cannot read properties of null/),
    });
    await expect(drawDocument(broken)).rejects.toThrow(/^Cannot read properties of null/);
    expect((await pool.draw(data)).sha256).toBe((await drawDocument(data)).sha256);
    expect(pool.threads).toEqual([worker]);
  });

  it('should refuse data that cannot be sent to the worker, and draw the next sheet', async () => {
    const pool = newPool();
    const data = await settlement();
    const unsendable = { ...data, event: { ...data.event, title: () => 'Night Drive' } } as unknown as DocumentData;
    await expect(pool.draw(unsendable)).rejects.toThrow(
      "the SETTLEMENT sheet's data cannot be sent to the PDF drawing worker",
    );
    expect((await pool.draw(data)).sha256).toBe((await drawDocument(data)).sha256);
  });

  it('should give up a render that outlasts the timeout and end its worker', async () => {
    // 1 ms: no sheet is drawn that fast (a worker takes longer than that to start)
    const pool = newPool({ timeoutMs: 1 });
    const drawing = pool.draw(await settlement());
    const [worker] = pool.threads;
    const exited = once(worker!, 'exit');
    await expect(drawing).rejects.toThrow(new PdfDrawingTimedOut('the SETTLEMENT sheet was not drawn within 1 ms'));
    await exited;
    expect(pool.threads).toEqual([]);
  });

  it('should end the worker on close(), once the sheet it draws is done, and start anew after', async () => {
    const pool = newPool();
    const data = await settlement();
    const drawing = pool.draw(data);
    const [worker] = pool.threads;
    const exited = once(worker!, 'exit');
    await pool.close();
    await exited;
    expect(pool.threads).toEqual([]);
    // asked before close(): drawn all the same
    expect((await drawing).sha256).toBe((await drawDocument(data)).sha256);
    const after = await pool.draw(data);
    expect(after.sha256).toBe((await drawDocument(data)).sha256);
    expect(pool.threads).toHaveLength(1);
    expect(pool.threads[0]).not.toBe(worker);
  });

  it('should end a worker still drawing when close() has waited closeGraceMs, failing its render', async () => {
    const pool = newPool({ closeGraceMs: 0 });
    const drawing = pool.draw(await settlement());
    await pool.close();
    await expect(drawing).rejects.toThrow(
      new PdfDrawingFailed('the PDF drawing pool closed while drawing the SETTLEMENT sheet'),
    );
    expect(pool.threads).toEqual([]);
  });

  it('should draw under tsx as the relay runs, and let the process exit without close()', async () => {
    const data = await settlement();
    const dir = await mkdtemp(join(tmpdir(), 'pdf-drawing-'));
    try {
      // v8.serialize: the structured clone the worker gets, so the data arrives as loaded here
      await writeFile(join(dir, 'data.bin'), serialize(data));
      const script = join(dir, 'draw.mts');
      await writeFile(
        script,
        [
          `import { readFileSync } from 'node:fs';`,
          `import { deserialize } from 'node:v8';`,
          `import { renderDocument } from ${JSON.stringify(new URL('./render-document.ts', import.meta.url).href)};`,
          `const rendered = await renderDocument(deserialize(readFileSync(${JSON.stringify(join(dir, 'data.bin'))})));`,
          `console.log(rendered.sha256);`,
        ].join('\n'),
      );
      const tsx = createRequire(import.meta.url).resolve('tsx/cli');
      const child = spawn(process.execPath, [tsx, script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      // an idle worker that kept the process alive would hang here until the test times out
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      expect(out.trim()).toBe((await drawDocument(data)).sha256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
