// The desktop core in its own thread: startDesktopApp runs here, so PGlite's synchronous work
// (a 100k-row sync batch, a burst of edits) blocks this thread and not the host's event loop,
// which keeps answering the windows. Everything arrives and leaves as thread-wire messages;
// the session token and document dialogs are asked of the host thread (shell-services.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { inspect } from 'node:util';
import { startDesktopApp, type DesktopApp } from '../core/app/desktop-app.js';
import { checkShellAnswer, credentialsOverThread, documentFilesOverThread, type CallShell } from './shell-services.js';
import { ToWorker, type CoreWorkerData, type FromWorker } from './thread-wire.js';

const port = parentPort;
if (!port) throw new Error('core-worker.ts runs as a worker thread (worker-host.ts starts it)');
const data = workerData as CoreWorkerData;

const send = (message: FromWorker) => port.postMessage(message);

const waiting = new Map<number, { service: string; resolve: (value: unknown) => void; reject: (e: Error) => void }>();
let nextCallId = 0;
const callShell: CallShell = (service, args) =>
  new Promise((resolve, reject) => {
    const id = nextCallId++;
    waiting.set(id, {
      service,
      resolve: (value) => {
        try {
          resolve(checkShellAnswer(service, value));
        } catch (error) {
          reject(error as Error);
        }
      },
      reject,
    });
    send({ kind: 'call', id, service, args: [...args] });
  });

const log = (message: string, error?: unknown) =>
  send({ kind: 'log', message, ...(error === undefined ? {} : { error: inspect(error) }) });

let app: DesktopApp | undefined;
let closing: Promise<void> | undefined;

port.on('message', (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    log('the core worker refused a message from the host', parsed.error.issues);
    return;
  }
  const message = parsed.data;
  switch (message.kind) {
    case 'command':
      void run(message.id, message.name, message.args);
      return;
    case 'answer':
    case 'refusal': {
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.kind === 'answer') call?.resolve(message.value);
      else call?.reject(new Error(message.message));
      return;
    }
    case 'close':
      closing ??= close();
      return;
  }
});

async function run(id: number, name: string, args: unknown): Promise<void> {
  if (!app) {
    send({
      kind: 'outcome',
      id,
      outcome: { ok: false, error: { code: 'internal', message: 'the core is not started' } },
    });
    return;
  }
  // dispatch answers every failure as an Outcome; it never throws
  send({ kind: 'outcome', id, outcome: await app.dispatch(name, args) });
}

async function close(): Promise<void> {
  try {
    await app?.close();
  } catch (error) {
    log('the core did not close cleanly', error);
  }
  // the host ends the thread when it hears this
  send({ kind: 'closed' });
}

try {
  app = await startDesktopApp({
    relayUrl: data.relayUrl,
    dataDir: data.dataDir,
    credentials: credentialsOverThread(callShell),
    ...(data.deviceName ? { deviceName: data.deviceName } : {}),
    ...(data.suggestedEmail ? { suggestedEmail: data.suggestedEmail } : {}),
    ...(data.backoff ? { backoff: data.backoff } : {}),
    ...(data.uploadBackoff ? { uploadBackoff: data.uploadBackoff } : {}),
    ...(data.documentFiles ? { documentFiles: documentFilesOverThread(callShell) } : {}),
    log,
  });
  app.onAny((name, payload) => send({ kind: 'signal', name, payload }));
  send({ kind: 'started' });
} catch (error) {
  send({ kind: 'start-failed', message: (error as Error)?.message ?? String(error) });
  port.close();
}
