// The core worker's first module when the app runs from TypeScript source (tests, the dev host,
// the benches): a worker thread starts without the parent's loaders, so tsx is registered here
// before the worker's real entry (workerData.sourceEntry, core-worker.ts) is imported. A built
// app (electron-vite) starts its compiled core-worker.js directly and never loads this.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.sourceEntry);
