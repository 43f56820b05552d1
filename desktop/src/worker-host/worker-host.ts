// The desktop core in a worker thread, behind the same DesktopApp interface the host used when
// the core ran beside it: dispatch a command → its typed Outcome; subscribe to the pushes. The
// Electron main process and the dev host use this, so the replica's synchronous PGlite work
// never stalls their event loop (window IPC, the dev host's WebSocket, menus, the keychain).
//
// The host thread keeps what only it can do (the keychain, safeStorage, dialogs, opening a PDF)
// and serves the worker's calls for them (shell-services.ts). Every message is checked on
// arrival (thread-wire.ts).
//
// When the worker dies unexpectedly, every command waiting on it is answered at once with an
// `internal` error saying so, never left pending; the core is started again on the same data
// (as after a process crash: the replica and outbox recover on open), at most `maxRestarts`
// times a minute, after which every command fails with the reason. close() asks the core to
// stop sync and close the replica, and waits for the thread to end.
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  commands,
  type CommandError,
  type SignalName,
  type SignalPayload,
  type Outcome,
} from '../common/command-map.js';
import { AppSignals } from '../core/app/app-signals.js';
import type { DesktopApp } from '../core/app/desktop-app.js';
import { serveShellCall, type ShellServiceProviders } from './shell-services.js';
import { FromWorker, type CoreWorkerData, type ToWorker } from './thread-wire.js';

export interface WorkerHostOptions
  extends ShellServiceProviders, Omit<CoreWorkerData, 'documentFiles' | 'sourceEntry'> {
  readonly log?: (message: string, error?: unknown) => void;
  /**
   * the worker's entry: the built core-worker.js beside the Electron main bundle, or a .ts module
   * (run through tsx); default this folder's core-worker.ts
   */
  readonly entry?: string | URL;
  /** restarts after unexpected exits within a minute before giving up (default 3) */
  readonly maxRestarts?: number;
  /** how long close() waits for the core to close its replica before ending the thread (default 30 s) */
  readonly closeTimeoutMs?: number;
}

export interface DesktopAppInWorker extends DesktopApp {
  /** the running core's thread id (changes when it is started again after a crash) */
  readonly threadId: number;
}

const RESTART_WINDOW_MS = 60_000;

interface Running {
  readonly worker: Worker;
  /** settles when the core has started (or failed to) */
  readonly ready: Promise<void>;
  /** the last uncaught error in the thread, for the crash report */
  error?: Error;
  started: boolean;
  closed: boolean;
}

const failure = (code: CommandError['code'], message: string): Outcome<never> => ({
  ok: false,
  error: { code, message },
});

export async function startDesktopAppInWorker(options: WorkerHostOptions): Promise<DesktopAppInWorker> {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const signals = new AppSignals();
  const pending = new Map<number, { name: string; resolve: (outcome: Outcome<unknown>) => void }>();
  const crashes: number[] = [];
  let nextId = 0;
  let gaveUp: string | undefined;
  let closing: Promise<void> | undefined;
  let exited: () => void = () => {};

  const entry = options.entry ?? new URL('./core-worker.ts', import.meta.url);
  const entryPath = entry instanceof URL ? fileURLToPath(entry) : entry;
  const fromSource = entryPath.endsWith('.ts');
  const workerData: CoreWorkerData = {
    relayUrl: options.relayUrl,
    dataDir: options.dataDir,
    ...(options.deviceName ? { deviceName: options.deviceName } : {}),
    ...(options.suggestedEmail ? { suggestedEmail: options.suggestedEmail } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.uploadBackoff ? { uploadBackoff: options.uploadBackoff } : {}),
    documentFiles: options.documentFiles !== undefined,
    ...(fromSource ? { sourceEntry: pathToFileURL(entryPath).href } : {}),
  };

  function spawn(): Running {
    const worker = new Worker(fromSource ? new URL('./run-typescript.mjs', import.meta.url) : entryPath, {
      workerData,
      // the host's own loaders and flags (tsx, test hooks) are not the core's business
      execArgv: [],
      name: 'promoteros-core',
    });
    let started: () => void = () => {};
    let refused: (error: Error) => void = () => {};
    const running: Running = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        started = resolve;
        refused = reject;
      }),
      started: false,
      closed: false,
    };
    // a caller awaits ready; this only keeps an unawaited rejection from being reported twice
    running.ready.catch(() => {});
    const post = (message: ToWorker) => worker.postMessage(message);

    worker.on('message', (raw: unknown) => {
      const parsed = FromWorker.safeParse(raw);
      if (!parsed.success) {
        log('the core worker sent a message outside the thread wire', parsed.error.issues);
        answerRefusedOutcome(raw);
        return;
      }
      const message = parsed.data;
      switch (message.kind) {
        case 'started':
          running.started = true;
          started();
          return;
        case 'start-failed':
          refused(new Error(`the desktop core did not start: ${message.message}`));
          return;
        case 'outcome':
          settle(message.id, message.outcome as Outcome<unknown>);
          return;
        case 'signal':
          signals.emit(message.name, message.payload as SignalPayload<typeof message.name>);
          return;
        case 'call':
          serveShellCall(options, message.service, message.args).then(
            (value) => post({ kind: 'answer', id: message.id, value }),
            (error: unknown) =>
              post({ kind: 'refusal', id: message.id, message: (error as Error)?.message ?? String(error) }),
          );
          return;
        case 'log':
          log(message.message, message.error);
          return;
        case 'closed':
          // the replica is closed: what is left (keep-alive sockets, timers) ends with the thread
          running.closed = true;
          void worker.terminate();
          return;
      }
    });
    worker.on('error', (error) => {
      running.error = error;
    });
    worker.on('exit', (code) => {
      if (current !== running) return;
      if (closing) {
        failPending('the app closed before the core answered');
        exited();
        return;
      }
      const reason = running.error ? running.error.message : `its thread exited with code ${code}`;
      if (!running.started) {
        // a core that cannot start would not start on a second try either
        refused(new Error(`the desktop core stopped while starting: ${reason}`));
        return;
      }
      crashed(reason);
    });
    return running;
  }

  /** an outcome that broke the wire still answers its command, as an internal error */
  function answerRefusedOutcome(raw: unknown): void {
    const { kind, id } = (raw ?? {}) as { kind?: unknown; id?: unknown };
    if (kind === 'outcome' && typeof id === 'number') {
      settle(
        id,
        failure('internal', `${pending.get(id)?.name ?? 'the command'} was answered in a form the app does not expect`),
      );
    }
  }

  function settle(id: number, outcome: Outcome<unknown>): void {
    const waiting = pending.get(id);
    pending.delete(id);
    waiting?.resolve(outcome);
  }

  function failPending(message: string): void {
    for (const [id, { name }] of pending) settle(id, failure('internal', `${name}: ${message}`));
  }

  let current = spawn();
  await current.ready.catch(async (error: unknown) => {
    await current.worker.terminate();
    throw error;
  });

  function crashed(reason: string): void {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - RESTART_WINDOW_MS) crashes.shift();
    const restart = crashes.length <= (options.maxRestarts ?? 3);
    failPending(
      `the desktop core stopped unexpectedly (${reason}); ${restart ? 'it is starting again, try again' : 'it will not be started again'}`,
    );
    if (!restart) {
      gaveUp = `the desktop core stopped unexpectedly ${crashes.length} times within a minute (last: ${reason}); restart the app`;
      log(gaveUp);
      return;
    }
    log(`the desktop core stopped unexpectedly (${reason}); starting it again`);
    current = spawn();
    current.ready.then(
      () => void resendState(),
      (error: unknown) => log('the desktop core did not start again', error),
    );
  }

  /** screens showing the old core's session and sync state hear the new one's */
  async function resendState(): Promise<void> {
    const session = await dispatch('session.get', {});
    if (session.ok) signals.emit('session.changed', session.value as SignalPayload<'session.changed'>);
    const sync = await dispatch('sync.status', {});
    if (sync.ok) signals.emit('sync.status', sync.value as SignalPayload<'sync.status'>);
  }

  async function dispatch(name: string, args: unknown): Promise<Outcome<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(commands, name)) {
      return failure('unknown_command', `there is no command named ${JSON.stringify(name)}`);
    }
    if (closing) return failure('internal', `${name}: the app is closing`);
    if (gaveUp) return failure('internal', `${name}: ${gaveUp}`);
    const running = current;
    try {
      await running.ready;
    } catch (error) {
      return failure('internal', `${name}: ${(error as Error).message}`);
    }
    if (running !== current) return dispatch(name, args);
    const id = nextId++;
    const answered = new Promise<Outcome<unknown>>((resolve) => pending.set(id, { name, resolve }));
    try {
      running.worker.postMessage({ kind: 'command', id, name, args } satisfies ToWorker);
    } catch (error) {
      // arguments that cannot be copied to another thread (functions, sockets…)
      settle(id, failure('invalid_arguments', `${name}: ${(error as Error).message}`));
    }
    return answered;
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      const running = current;
      const ended = new Promise<void>((resolve) => (exited = resolve));
      const alive = await running.ready.then(
        () => !gaveUp,
        () => false,
      );
      if (!alive) {
        await running.worker.terminate();
        return;
      }
      running.worker.postMessage({ kind: 'close' } satisfies ToWorker);
      const timeoutMs = options.closeTimeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      if ((await Promise.race([ended, late])) === 'late') {
        log(`the desktop core did not close its replica within ${timeoutMs} ms; its thread is ended`);
        await running.worker.terminate();
      } else if (!running.closed) {
        log('the desktop core ended before saying its replica was closed');
      }
      clearTimeout(timer);
    })();
    return closing;
  }

  return {
    dispatch,
    on: <K extends SignalName>(name: K, listener: (payload: SignalPayload<K>) => void) => signals.on(name, listener),
    onAny: (listener) => signals.onAny(listener),
    close,
    get threadId() {
      return current.worker.threadId;
    },
  };
}
