// Where `npm start` opens the desktop app, decided from the environment and the real `electron`
// package of this checkout (its binary is not downloaded on this machine or in CI).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chooseDesktopShell, electronBinary } from './desktop-shell.js';

const installed = () => ({ binary: '/opt/electron/electron' });
const withDisplay = { DISPLAY: ':0' };

describe('choosing the desktop shell for npm start', () => {
  it("should read this checkout's electron package: a binary, or why there is none", () => {
    // the package writes path.txt once its binary is downloaded
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const found = electronBinary();
    if (existsSync(join(packageDir, 'path.txt'))) {
      expect(found).toEqual({ binary: expect.stringContaining(packageDir) });
    } else {
      expect(found).toEqual({ why: expect.stringContaining('the Electron binary is not installed') });
    }
  });

  it('should open Electron where it is installed and there is a display', () => {
    expect(chooseDesktopShell(withDisplay, 'linux', installed)).toEqual({
      kind: 'electron',
      binary: '/opt/electron/electron',
    });
    expect(chooseDesktopShell({}, 'darwin', installed)).toEqual({ kind: 'electron', binary: '/opt/electron/electron' });
  });

  it('should fall back to the browser, saying why, without a binary or without a display', () => {
    const missing = () => ({ why: 'the Electron binary is not installed' });
    expect(chooseDesktopShell(withDisplay, 'linux', missing)).toEqual({
      kind: 'browser',
      why: 'the Electron binary is not installed',
    });
    expect(chooseDesktopShell({}, 'linux', installed)).toEqual({
      kind: 'browser',
      why: expect.stringContaining('no display'),
    });
  });

  it('should do as PROMOTEROS_DESKTOP says, and name a value it does not know', () => {
    expect(chooseDesktopShell({ PROMOTEROS_DESKTOP: 'none' }, 'linux', installed)).toEqual({ kind: 'none' });
    expect(chooseDesktopShell({ PROMOTEROS_DESKTOP: 'Browser', ...withDisplay }, 'linux', installed)).toMatchObject({
      kind: 'browser',
    });
    expect(() =>
      chooseDesktopShell({ PROMOTEROS_DESKTOP: 'electron' }, 'linux', () => ({ why: 'not installed' })),
    ).toThrow('PROMOTEROS_DESKTOP=electron, but not installed');
    expect(() => chooseDesktopShell({ PROMOTEROS_DESKTOP: 'kiosk' })).toThrow(
      'PROMOTEROS_DESKTOP must be one of auto, electron, browser, none; it is "kiosk"',
    );
  });
});
