// npm run dev:web — the app service and the browser dev host in one process, for working on the
// renderer without Electron. Prints the URL to open (it carries the secret). The core (replica,
// sync, outbox) runs in a worker thread (../worker-host), so a long sync batch never stalls the
// WebSocket; the keychain stays on this thread.
//
//   PROMOTEROS_RELAY_URL     relay to sign in to (default http://127.0.0.1:8787, `npm start`)
//   PROMOTEROS_DATA_DIR      replicas and the remembered session (default .data/desktop at the
//                            repository's root, wherever this is started from)
//   PROMOTEROS_RENDERER_DIR  the built renderer (default desktop/out/renderer)
//   PROMOTEROS_DEV_HOST_PORT a fixed port instead of a random one
//   PROMOTEROS_SIGN_IN_EMAIL the sign-in form's email until this device has signed in once
//                            (`npm start` gives the demo owner's)
//
// The session survives a restart as in the Electron app: its token goes to the OS keychain, or,
// where there is none (no D-Bus session, keytar not built), to a plain-text development file in
// the data folder, which the start-up output names.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RememberedSessionFile } from '../core/app/remembered-session.js';
import { chooseCredentialStore } from '../core/credentials/choose-store.js';
import { developmentFileFallback } from '../core/credentials/development-file-store.js';
import { createKeytarStore } from '../core/credentials/keytar-store.js';
import { followTheSession, sessionRelayCredentials } from '../core/credentials/session-relay-credentials.js';
import { startDesktopAppInWorker } from '../worker-host/worker-host.js';
import { startDevHost } from './dev-host.js';

const relayUrl = process.env.PROMOTEROS_RELAY_URL ?? 'http://127.0.0.1:8787';
const dataDir = resolve(
  process.env.PROMOTEROS_DATA_DIR ?? fileURLToPath(new URL('../../../.data/desktop', import.meta.url)),
);
const rendererDir = resolve(
  process.env.PROMOTEROS_RENDERER_DIR ?? fileURLToPath(new URL('../../out/renderer', import.meta.url)),
);
const port = Number(process.env.PROMOTEROS_DEV_HOST_PORT ?? 0);
const say = (line: string) => console.log(`[dev host] ${line}`);

const chosen = await chooseCredentialStore({
  keychain: (relay) => createKeytarStore({ relayUrl: relay }),
  fallback: developmentFileFallback(join(dataDir, 'credentials')),
  log: say,
});
const credentials = sessionRelayCredentials(
  chosen.credentialsFor,
  new RememberedSessionFile(dataDir).read()?.relayUrl ?? relayUrl,
);
const app = await startDesktopAppInWorker({
  relayUrl,
  dataDir,
  credentials,
  deviceName: 'PromoterOS dev host',
  ...(process.env.PROMOTEROS_SIGN_IN_EMAIL ? { suggestedEmail: process.env.PROMOTEROS_SIGN_IN_EMAIL } : {}),
});
const afterCommand = followTheSession(app, credentials);
const host = await startDevHost({
  app: {
    onAny: app.onAny,
    dispatch: async (name, args) => {
      const outcome = await app.dispatch(name, args);
      afterCommand(name, args, outcome);
      return outcome;
    },
  },
  rendererDir,
  port,
});

say(`relay ${relayUrl}, data ${dataDir}, renderer ${rendererDir}`);
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
