import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MINIMUM_SIZE,
  captureWindowState,
  readWindowState,
  restoreWindowState,
  writeWindowState,
} from './window-state.js';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoring the window', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreWindowState(undefined, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('comes back where it was left, maximized or not', () => {
    const left = { x: 1600, y: 100, width: 1800, height: 1000, maximized: true };
    expect(restoreWindowState(left, [laptop, monitorOnTheRight])).toEqual(left);
  });

  it('is centred on the remaining screen when the monitor it was on is unplugged', () => {
    const left = { x: 1600, y: 100, width: 1800, height: 1000, maximized: false };
    expect(restoreWindowState(left, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('keeps a window whose title bar is barely on screen, not one pushed off the bottom', () => {
    expect(restoreWindowState({ x: 1300, y: 0, width: 1000, height: 700, maximized: false }, [laptop])).toMatchObject({
      x: 1300,
      y: 0,
    });
    const belowTheBottom = restoreWindowState({ x: 10, y: 860, width: 1000, height: 700, maximized: false }, [laptop]);
    expect(belowTheBottom.x).toBeUndefined();
  });

  it('never opens smaller than the minimum the screens are laid out for', () => {
    const tiny = restoreWindowState({ x: 0, y: 0, width: 200, height: 100, maximized: false }, [laptop]);
    expect(tiny).toMatchObject(MINIMUM_SIZE);
  });

  it('remembers the normal bounds of a maximized window, not the screen', () => {
    expect(
      captureWindowState({ normalBounds: { x: 10.4, y: 20, width: 1200, height: 790.6 }, maximized: true }),
    ).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 791,
      maximized: true,
    });
  });
});

describe('window-state.json', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'promoteros-window-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('round-trips the state, and falls back to defaults for a missing, broken or foreign file', () => {
    const path = join(directory, 'nested', 'window-state.json');
    expect(readWindowState(path)).toBeUndefined();
    const state = { x: 5, y: 6, width: 1300, height: 900, maximized: false };
    writeWindowState(path, state);
    expect(readWindowState(path)).toEqual(state);

    writeFileSync(path, '{"width": 1300, "height"');
    expect(readWindowState(path)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ width: -4, height: 'tall' }));
    expect(readWindowState(path)).toBeUndefined();
  });
});
