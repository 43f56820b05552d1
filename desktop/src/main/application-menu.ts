// The application menu: the platform's usual Edit and Window menus (their roles give copy,
// paste, undo, minimize… with the native shortcuts), reload and developer tools only in
// development, and Cmd/Ctrl-K, which opens the renderer's search palette. Built as a template
// (data) so the shortcuts can be checked without Electron.
import type { MenuItemConstructorOptions } from 'electron';

export type ShellSignal = 'open-search';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly development: boolean;
  readonly productName: string;
  readonly signal: (signal: ShellSignal) => void;
}

export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const menus: MenuItemConstructorOptions[] = [];
  if (mac) {
    menus.push({
      label: options.productName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  } else {
    menus.push({ label: '&File', submenu: [{ role: 'quit' }] });
  }
  menus.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Search…', accelerator: 'CommandOrControl+K', click: () => options.signal('open-search') },
    ],
  });
  menus.push({
    label: '&View',
    submenu: [
      ...(options.development
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  menus.push({
    label: '&Window',
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });
  return menus;
}
