// One thread of the desktop core as the host starts it: the Worker, what it says on the thread
// wire (started, outcomes, signals, calls for the host's services, log lines, closed) handed to
// the host, and its end reported once. Starting it again after a crash is the host's decision
// (worker-host.ts).
import { Worker } from 'node:worker_threads';
import type { Outcome, SignalPayload } from '../common/command-map.js';
import type { AppSignals } from '../core/app/app-signals.js';
import { serveShellCall, type ShellServiceProviders } from './shell-services.js';
import { FromWorker, type CoreWorkerData, type ToWorker } from './thread-wire.js';

export interface Running {
  readonly worker: Worker;
  /** settles when the core has started (or failed to) */
  readonly ready: Promise<void>;
  /** the last uncaught error in the thread, for the crash report */
  error?: Error;
  started: boolean;
  closed: boolean;
}

export interface CoreThreadHost {
  readonly log: (message: string, error?: unknown) => void;
  readonly signals: AppSignals;
  readonly services: ShellServiceProviders;
  /** a command's outcome arrived */
  settle(id: number, outcome: Outcome<unknown>): void;
  /** a message outside the thread wire: an outcome among them still answers its command */
  answerRefusedOutcome(raw: unknown): void;
  /** the thread ended; `refuse` fails a start still waited on */
  ended(running: Running, code: number, refuse: (error: Error) => void): void;
}

export function spawnCoreThread(script: string | URL, workerData: CoreWorkerData, host: CoreThreadHost): Running {
  const { log, signals, settle, answerRefusedOutcome } = host;
  const worker = new Worker(script, {
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
        serveShellCall(host.services, message.service, message.args).then(
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
  worker.on('exit', (code) => host.ended(running, code, refused));
  return running;
}

/**
 * Asks a core that is alive to stop sync and close its replica, and waits for its thread to end
 * (`ended`), at most `timeoutMs`; a core that is not alive, or too slow, has its thread ended.
 */
export async function closeCoreThread(
  running: Running,
  ended: Promise<void>,
  alive: boolean,
  timeoutMs: number,
  log: (message: string, error?: unknown) => void,
): Promise<void> {
  if (!alive) {
    await running.worker.terminate();
    return;
  }
  running.worker.postMessage({ kind: 'close' } satisfies ToWorker);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  if ((await Promise.race([ended, late])) === 'late') {
    log(`the desktop core did not close its replica within ${timeoutMs} ms; its thread is ended`);
    await running.worker.terminate();
  } else if (!running.closed) {
    log('the desktop core ended before saying its replica was closed');
  }
  clearTimeout(timer);
}
