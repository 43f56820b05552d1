import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, type ShellSignal } from './application-menu.js';

function items(menus: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menus.flatMap((menu) => [menu, ...items(Array.isArray(menu.submenu) ? menu.submenu : [])]);
}

describe('application menu', () => {
  it('sends Cmd/Ctrl-K to the renderer as the search signal', () => {
    const signals: ShellSignal[] = [];
    const template = applicationMenuTemplate({
      platform: 'linux',
      development: false,
      productName: 'PromoterOS',
      signal: (signal) => signals.push(signal),
    });
    const search = items(template).find((item) => item.accelerator === 'CommandOrControl+K');
    expect(search?.click).toBeTypeOf('function');
    (search!.click as () => void)();
    expect(signals).toEqual(['open-search']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (development: boolean) =>
      items(
        applicationMenuTemplate({ platform: 'win32', development, productName: 'PromoterOS', signal: () => {} }),
      ).map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'selectAll', 'minimize', 'quit']));
  });

  it('puts the app menu first on macOS', () => {
    const template = applicationMenuTemplate({
      platform: 'darwin',
      development: false,
      productName: 'PromoterOS',
      signal: () => {},
    });
    expect(template[0]?.label).toBe('PromoterOS');
    expect(items(template).map((item) => item.role)).toEqual(
      expect.arrayContaining(['hide', 'front', 'pasteAndMatchStyle']),
    );
  });
});
