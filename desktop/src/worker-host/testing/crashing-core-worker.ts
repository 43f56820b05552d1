// The core worker with one way to crash it on purpose, for the crash tests: a command whose
// arguments carry `crashTheThread: true` throws from the thread's message listener, uncaught, as
// a bug in the core would, before the core's own listener sees it.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (message: { kind?: unknown; args?: { crashTheThread?: unknown } }) => {
  if (message?.kind === 'command' && message.args?.crashTheThread === true) {
    throw new Error('the core crashed on purpose');
  }
});

await import('../core-worker.js');
