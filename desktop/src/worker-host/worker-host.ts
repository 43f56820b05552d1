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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commands, type SignalName, type SignalPayload, type Outcome } from '../common/command-map.js';
import { AppSignals } from '../core/app/app-signals.js';
import type { DesktopApp } from '../core/app/desktop-app.js';
import { closeCoreThread, spawnCoreThread, type Running } from './core-thread.js';
import { failure, PendingCommands } from './pending-commands.js';
import type { ShellServiceProviders } from './shell-services.js';
import type { CoreWorkerData, ToWorker } from './thread-wire.js';

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

/** what the core's thread starts from: the host's options a thread can be given */
function coreWorkerData(options: WorkerHostOptions, entryPath: string, fromSource: boolean): CoreWorkerData {
  return {
    relayUrl: options.relayUrl,
    dataDir: options.dataDir,
    ...(options.deviceName ? { deviceName: options.deviceName } : {}),
    ...(options.suggestedEmail ? { suggestedEmail: options.suggestedEmail } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.uploadBackoff ? { uploadBackoff: options.uploadBackoff } : {}),
    documentFiles: options.documentFiles !== undefined,
    ...(fromSource ? { sourceEntry: pathToFileURL(entryPath).href } : {}),
  };
}

/** screens showing the old core's session and sync state hear the new one's */
async function resendState(dispatch: DesktopApp['dispatch'], signals: AppSignals): Promise<void> {
  const session = await dispatch('session.get', {});
  if (session.ok) signals.emit('session.changed', session.value as SignalPayload<'session.changed'>);
  const sync = await dispatch('sync.status', {});
  if (sync.ok) signals.emit('sync.status', sync.value as SignalPayload<'sync.status'>);
}

export async function startDesktopAppInWorker(options: WorkerHostOptions): Promise<DesktopAppInWorker> {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const signals = new AppSignals();
  const pending = new PendingCommands();
  const crashes: number[] = [];
  let gaveUp: string | undefined;
  let closing: Promise<void> | undefined;
  let exited: () => void = () => {};

  const entry = options.entry ?? new URL('./core-worker.ts', import.meta.url);
  const entryPath = entry instanceof URL ? fileURLToPath(entry) : entry;
  const fromSource = entryPath.endsWith('.ts');
  const workerData = coreWorkerData(options, entryPath, fromSource);

  function spawn(): Running {
    const script = fromSource ? new URL('./run-typescript.mjs', import.meta.url) : entryPath;
    return spawnCoreThread(script, workerData, {
      log,
      signals,
      services: options,
      settle: (id, outcome) => pending.settle(id, outcome),
      answerRefusedOutcome: (raw) => pending.answerRefused(raw),
      ended(running, code, refused) {
        if (current !== running) return;
        if (closing) {
          pending.failAll('the app closed before the core answered');
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
      },
    });
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
    pending.failAll(
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
      () => void resendState(dispatch, signals),
      (error: unknown) => log('the desktop core did not start again', error),
    );
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
    const { id, answered } = pending.add(name);
    try {
      running.worker.postMessage({ kind: 'command', id, name, args } satisfies ToWorker);
    } catch (error) {
      // arguments that cannot be copied to another thread (functions, sockets…)
      pending.settle(id, failure('invalid_arguments', `${name}: ${(error as Error).message}`));
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
      await closeCoreThread(running, ended, alive, options.closeTimeoutMs ?? 30_000, log);
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
