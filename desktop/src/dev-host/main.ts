// npm run dev:web — the app service and the browser dev host in one process, for working on the
// renderer without Electron. Prints the URL to open (it carries the secret).
//
//   PROMOTEROS_RELAY_URL     relay to sign in to (default http://127.0.0.1:8787, `npm start`)
//   PROMOTEROS_DATA_DIR      replicas and the remembered session (default .data/desktop)
//   PROMOTEROS_RENDERER_DIR  the built renderer (default desktop/out/renderer)
//   PROMOTEROS_DEV_HOST_PORT a fixed port instead of a random one
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryCredentialStore } from '../core/app/credential-store.js';
import { startDesktopApp } from '../core/app/desktop-app.js';
import { startDevHost } from './dev-host.js';

const relayUrl = process.env.PROMOTEROS_RELAY_URL ?? 'http://127.0.0.1:8787';
const dataDir = resolve(process.env.PROMOTEROS_DATA_DIR ?? '.data/desktop');
const rendererDir = resolve(
  process.env.PROMOTEROS_RENDERER_DIR ?? fileURLToPath(new URL('../../out/renderer', import.meta.url)),
);
const port = Number(process.env.PROMOTEROS_DEV_HOST_PORT ?? 0);

// the token lives in memory: each run of the dev host signs in once
const app = await startDesktopApp({
  relayUrl,
  dataDir,
  credentials: new MemoryCredentialStore(),
  deviceName: 'PromoterOS dev host',
});
const host = await startDevHost({ app, rendererDir, port });

console.log(`PromoterOS dev host (relay ${relayUrl}, data ${dataDir}, renderer ${rendererDir})`);
console.log(`DEV HOST URL: ${host.pageUrl}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await host.close();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
