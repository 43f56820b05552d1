// Draws PDFs in worker threads (node:worker_threads, pdf-worker.ts), so that a sheet's synchronous
// layout (tens of milliseconds of CPU, docs/jobs.md) never holds up the relay's event loop: every
// request, long-poll, mutation and note message of every user would wait behind it.
//
//   a render:  QUEUED (here, in order) ──> DRAWING (with one worker, timer running) ──> drawn | failed
//   a worker:  started when a render needs one ──> idle ⇄ drawing ──> ended
//
// - One render per worker at a time; the others wait in this thread's queue, so the timeout counts
//   a render's own drawing, and a worker that is lost takes only the render it had with it.
// - A worker that exits or throws fails its render (PdfDrawingFailed); a render still drawing after
//   timeoutMs fails (PdfDrawingTimedOut) and its worker is ended. The next render starts a new one.
// - A sheet that fails to draw (its component threw) is rejected with that error; the worker stays.
// - Workers keep the process alive only while they draw (ref'd then, unref'd when idle).
// - close(): the workers take nothing more and end once their render is drawn (at the latest after
//   closeGraceMs). Renders asked later start a new worker: the pool is the process's, and tests run
//   several relays in one process.
//
// The data crosses to the worker by structured clone: plain objects, strings, numbers, null and
// Dates (all DocumentData holds) arrive as they left, so the bytes are those drawn in-thread
// (pdf-drawing-pool.test.ts). The bytes come back as a transferred ArrayBuffer, not a copy.
import { Worker } from 'node:worker_threads';
import type { DocumentData } from './document-data.js';
import type { RenderedDocument } from './draw-document.js';
import type { DrawingReply, DrawingRequest } from './pdf-worker.js';

export interface PdfDrawingPoolOptions {
  /** workers at most; one by default: the relay's machine has two cores and PostgreSQL needs the other */
  readonly threads?: number;
  /** a render still drawing after this long is given up and its worker ended (a sheet takes well under 1 s) */
  readonly timeoutMs?: number;
  /** close(): how long a render under way may still take before its worker is ended anyway */
  readonly closeGraceMs?: number;
}

/** The worker drawing the sheet was lost (it exited, threw, or the pool closed), or the data could not be sent. */
export class PdfDrawingFailed extends Error {
  override name = 'PdfDrawingFailed';
}

export class PdfDrawingTimedOut extends Error {
  override name = 'PdfDrawingTimedOut';
}

interface Render {
  readonly id: number;
  readonly data: DocumentData;
  resolve(rendered: RenderedDocument): void;
  reject(error: Error): void;
}

interface Drawer {
  readonly worker: Worker;
  readonly exited: Promise<void>;
  render: Render | undefined;
  timer: NodeJS.Timeout | undefined;
  /** close() was called: takes no more renders */
  retiring: boolean;
  /** why this pool ended the worker, for the render it had */
  endedBecause: string | undefined;
}

// The relay runs its TypeScript sources under tsx (`tsx src/main.ts`, the benches) or vitest. A
// worker thread is a new module graph, and on Node 20 tsx's `--import tsx` registers its loader in
// the main thread only (an inherited or added `--import tsx` does nothing in a worker), so the
// entry is plain JavaScript that loads pdf-worker.ts with tsx's tsImport.
const workerFile = new URL('./pdf-worker-entry.mjs', import.meta.url);

export class PdfDrawingPool {
  readonly #threads: number;
  readonly #timeoutMs: number;
  readonly #closeGraceMs: number;
  readonly #queue: Render[] = [];
  readonly #drawers = new Set<Drawer>();
  #lastId = 0;

  constructor(options: PdfDrawingPoolOptions = {}) {
    this.#threads = options.threads ?? 1;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#closeGraceMs = options.closeGraceMs ?? 10_000;
  }

  /** The sheet's bytes and SHA-256, drawn by a worker: the same as drawDocument(data) in this thread. */
  draw(data: DocumentData): Promise<RenderedDocument> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: ++this.#lastId, data, resolve, reject });
      this.#dispatch();
    });
  }

  /** The worker threads drawing or ready to draw (not those closing), for the tests. */
  get threads(): readonly Worker[] {
    return [...this.#drawers].filter((d) => !d.retiring).map((d) => d.worker);
  }

  /** Ends the workers once their render under way is drawn (or after closeGraceMs); idempotent. */
  async close(): Promise<void> {
    const closing = [...this.#drawers].filter((d) => !d.retiring);
    for (const drawer of closing) {
      drawer.retiring = true;
      if (!drawer.render) this.#end(drawer, 'the PDF drawing pool closed');
      else {
        setTimeout(() => this.#end(drawer, 'the PDF drawing pool closed'), this.#closeGraceMs).unref();
      }
    }
    // renders still queued (every worker was busy) go to a new worker
    this.#dispatch();
    await Promise.all([...this.#drawers].filter((d) => d.retiring).map((d) => d.exited));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let drawer = [...this.#drawers].find((d) => !d.retiring && !d.render);
      if (!drawer) {
        if (this.threads.length >= this.#threads) return;
        try {
          drawer = this.#start();
        } catch (error) {
          // ERR_WORKER_INVALID_EXEC_ARGV and the like: this render fails, not the caller's stack
          const render = this.#queue.shift()!;
          render.reject(
            new PdfDrawingFailed(`the PDF drawing worker could not start to draw the ${render.data.kind} sheet`, {
              cause: error,
            }),
          );
          continue;
        }
      }
      this.#give(drawer, this.#queue.shift()!);
    }
  }

  #start(): Drawer {
    const worker = new Worker(workerFile, { name: 'pdf-drawing' });
    // idle, it never keeps the process from exiting; #give refs it while it draws
    worker.unref();
    const drawer: Drawer = {
      worker,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
      render: undefined,
      timer: undefined,
      retiring: false,
      endedBecause: undefined,
    };
    this.#drawers.add(drawer);
    worker.on('message', (reply: DrawingReply) => this.#replied(drawer, reply));
    // 'error' (an uncaught exception: the thread is ending) comes before 'exit'
    worker.on('error', (error) => this.#lost(drawer, `the PDF drawing worker failed: ${error.message}`, error));
    worker.on('exit', (code) => this.#lost(drawer, `the PDF drawing worker stopped (exit code ${code})`));
    return drawer;
  }

  #give(drawer: Drawer, render: Render): void {
    try {
      drawer.worker.postMessage({ id: render.id, data: render.data } satisfies DrawingRequest);
    } catch (error) {
      // DataCloneError: something in the data that structured clone cannot carry (a function)
      render.reject(
        new PdfDrawingFailed(`the ${render.data.kind} sheet's data cannot be sent to the PDF drawing worker`, {
          cause: error,
        }),
      );
      return;
    }
    drawer.render = render;
    drawer.worker.ref();
    drawer.timer = setTimeout(() => this.#timedOut(drawer), this.#timeoutMs);
    drawer.timer.unref();
  }

  #replied(drawer: Drawer, reply: DrawingReply): void {
    const render = drawer.render;
    if (!render || render.id !== reply.id) return;
    this.#settle(drawer);
    if ('error' in reply) {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      if (reply.error.stack) error.stack = reply.error.stack;
      render.reject(error);
    } else {
      // a view of the transferred memory: no copy on this side either
      render.resolve({ bytes: Buffer.from(reply.bytes), sha256: reply.sha256 });
    }
    if (drawer.retiring) this.#end(drawer, 'the PDF drawing pool closed');
    else this.#dispatch();
  }

  #timedOut(drawer: Drawer): void {
    const render = drawer.render;
    if (!render) return;
    this.#settle(drawer);
    this.#drawers.delete(drawer);
    render.reject(new PdfDrawingTimedOut(`the ${render.data.kind} sheet was not drawn within ${this.#timeoutMs} ms`));
    this.#end(drawer, 'it took too long');
    this.#dispatch();
  }

  /** The worker exited or threw: the render it had fails, the queue goes on with a new worker. */
  #lost(drawer: Drawer, reason: string, cause?: Error): void {
    if (!this.#drawers.delete(drawer)) return;
    const render = drawer.render;
    this.#settle(drawer);
    if (cause) void drawer.worker.terminate();
    if (render) {
      render.reject(
        new PdfDrawingFailed(`${drawer.endedBecause ?? reason} while drawing the ${render.data.kind} sheet`, { cause }),
      );
    }
    this.#dispatch();
  }

  #settle(drawer: Drawer): void {
    clearTimeout(drawer.timer);
    drawer.timer = undefined;
    drawer.render = undefined;
    drawer.worker.unref();
  }

  #end(drawer: Drawer, because: string): void {
    drawer.endedBecause ??= because;
    void drawer.worker.terminate();
  }
}
