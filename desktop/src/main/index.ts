// The Electron main process, kept thin: everything that is not window chrome is the desktop
// core (desktop/src/core), which runs in a worker thread of this process (../worker-host), so
// sync goes on with no window open and PGlite's work never stalls the windows' IPC. The keychain,
// safeStorage, dialogs and shell stay on this thread; the core calls back for them. This file
// only joins the parts: one instance, the credential store, the core, the bridge, the window,
// the menu, and sign-in links.
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserWindow, Menu, app, safeStorage, session } from 'electron';
import { SIGNAL_CHANNEL } from '../common/ipc-channels.js';
import type { DesktopApp } from '../core/app/desktop-app.js';
import { RememberedSessionFile } from '../core/app/remembered-session.js';
import { createKeytarStore } from '../core/credentials/keytar-store.js';
import { applicationMenuTemplate } from './application-menu.js';
import { serveBridge } from './bridge-ipc.js';
import { documentFiles } from './document-files.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { chooseCredentialStore } from '../core/credentials/choose-store.js';
import { followTheSession, sessionRelayCredentials } from '../core/credentials/session-relay-credentials.js';
import { safeStorageFallback } from './credentials/safe-storage-store.js';
import { PROTOCOL, findDeepLink, parseDeepLink, type DeepLink } from './deep-link.js';
import { appUrlMatcher, isAllowedSubresource } from './window/app-origin.js';
import { createMainWindow } from './window/create-main-window.js';
import { startDesktopAppInWorker } from '../worker-host/worker-host.js';

const PRODUCT_NAME = 'PromoterOS';
const DEFAULT_RELAY_URL = process.env.PROMOTEROS_RELAY_URL ?? 'http://127.0.0.1:8787';
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const here = import.meta.dirname;
// a folder of its own for tests and for running two profiles side by side; must be set before 'ready'
if (process.env.PROMOTEROS_USER_DATA) app.setPath('userData', resolve(process.env.PROMOTEROS_USER_DATA));
const pageDir = join(here, '../window');
const isAppUrl = appUrlMatcher({ rendererDir: pageDir, devServerUrl });
const log = (message: string, error?: unknown) => console.log(`[promoteros] ${message}`, error ?? '');

let window: BrowserWindow | undefined;
let desktop: DesktopApp | undefined;
const waitingLinks: DeepLink[] = [];

if (!app.requestSingleInstanceLock()) {
  // another PromoterOS is running: it receives our argv (and any sign-in link) and we leave
  app.quit();
} else {
  registerProtocol();
  // macOS delivers links through open-url, possibly before 'ready'
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveLink(parseDeepLink(url));
  });
  // Windows and Linux start a second instance with the link in argv; it hands it to us here
  app.on('second-instance', (_event, argv) => {
    receiveLink(findDeepLink(argv));
    focusWindow();
  });
  receiveLink(findDeepLink(process.argv));

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desktop && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', (event) => {
    if (!desktop) return;
    const closing = desktop;
    desktop = undefined;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('the app could not start', error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  lockDownSession();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        platform: process.platform,
        development: !app.isPackaged,
        productName: PRODUCT_NAME,
        signal: () => window?.webContents.send(SIGNAL_CHANNEL, 'shell.openSearch', {}),
      }),
    ),
  );

  const userData = app.getPath('userData');
  const dataDir = join(userData, 'data');
  const chosen = await chooseCredentialStore({
    keychain: (relayUrl) => createKeytarStore({ relayUrl }),
    fallback: safeStorageFallback(join(userData, 'credentials'), safeStorage),
    log,
  });
  const credentials = sessionRelayCredentials(
    chosen.credentialsFor,
    new RememberedSessionFile(dataDir).read()?.relayUrl ?? DEFAULT_RELAY_URL,
  );

  desktop = await startDesktopAppInWorker({
    // built beside this file by electron.vite.config.ts
    entry: join(here, 'core-worker.js'),
    relayUrl: credentials.relayUrl,
    dataDir,
    credentials,
    deviceName: `${PRODUCT_NAME} on ${hostname()}`,
    log,
    documentFiles: documentFiles(() => window),
  });
  serveBridge({
    app: desktop,
    target: () => window?.webContents,
    isAppUrl,
    afterCommand: followTheSession(desktop, credentials),
  });

  openWindow();
  for (const link of waitingLinks.splice(0)) void verifyLink(link);
}

function openWindow(): void {
  window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    devServerUrl,
    indexHtmlPath: join(pageDir, 'index.html'),
    userData: app.getPath('userData'),
    title: PRODUCT_NAME,
  });
  window.on('closed', () => (window = undefined));
}

function focusWindow(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** no remote content, no permissions (camera, notifications…), our CSP on every response */
function lockDownSession(): void {
  const policy = contentSecurityPolicy({ devServerUrl });
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedSubresource(details.url, isAppUrl);
    if (!allowed) log(`blocked a request for ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function registerProtocol(): void {
  if (process.defaultApp && process.argv[1]) {
    // `electron .` in development: the OS must start Electron with our entry script
    app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(PROTOCOL);
  }
}

function receiveLink(link: DeepLink | null): void {
  if (!link) return;
  if (desktop) void verifyLink(link);
  else waitingLinks.push(link);
}

async function verifyLink(link: DeepLink): Promise<void> {
  focusWindow();
  const outcome = await desktop!.dispatch('auth.verifyLink', { token: link.token });
  // success shows as session.changed in the window; a stale or used link leaves the sign-in
  // screen as it was, so the reason goes to the log
  if (!outcome.ok) log(`the sign-in link was not accepted: ${outcome.error.code} ${outcome.error.message}`);
}
