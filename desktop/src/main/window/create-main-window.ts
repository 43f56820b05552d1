// The one window: sandboxed renderer with context isolation and no Node, the preload as its only
// bridge, nothing but the app's own page (no navigation away, no new windows, no webviews, no
// permissions), and the size and place it was left at.
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import {
  MINIMUM_SIZE,
  captureWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowState,
} from './window-state.js';

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  readonly preloadPath: string;
  /** the dev server URL in development, else undefined and the built index.html is loaded */
  readonly devServerUrl: string | undefined;
  /** out/window/index.html */
  readonly indexHtmlPath: string;
  readonly userData: string;
  readonly title: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const statePath = join(options.userData, 'window-state.json');
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const state = restoreWindowState(readWindowState(statePath), workAreas);

  const window = new BrowserWindow({
    title: options.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    show: false, // shown once painted: no white flash
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // the page is the app: links never replace it and never open windows of their own
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  rememberState(window, statePath);

  if (options.devServerUrl) void window.loadURL(options.devServerUrl);
  else void window.loadFile(options.indexHtmlPath);
  return window;
}

/** saves the window state a moment after it stops moving, and at once when it closes */
function rememberState(window: BrowserWindow, statePath: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    writeWindowState(
      statePath,
      captureWindowState({ normalBounds: window.getNormalBounds(), maximized: window.isMaximized() }),
    );
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const change of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(change as 'resize', later);
  window.on('close', save);
}
