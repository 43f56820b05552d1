// The main window comes back where the manager left it: size, position and whether it was
// maximized, kept in <userData>/window-state.json. Pure functions plus a small file reader and
// writer, so all of it runs under plain Node; create-main-window.ts wires it to Electron.
//
// A remembered position is only used if the window would still be visible: monitors get
// unplugged, and a window restored onto a screen that is gone cannot be found.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WindowState = z.object({
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export const MINIMUM_SIZE = { width: 960, height: 600 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;

/** How much of the title bar must lie on a screen for a remembered position to count. */
const VISIBLE_EDGE = 48;

/** The state to open the window with: the remembered one made to fit today's screens. */
export function restoreWindowState(remembered: WindowState | undefined, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  const fitTo = (area: Rectangle | undefined, state: { width: number; height: number }) => ({
    width: clamp(state.width, MINIMUM_SIZE.width, Math.max(MINIMUM_SIZE.width, area?.width ?? state.width)),
    height: clamp(state.height, MINIMUM_SIZE.height, Math.max(MINIMUM_SIZE.height, area?.height ?? state.height)),
  });
  if (!remembered) return { ...fitTo(primary, DEFAULT_SIZE), maximized: false };

  const size = fitTo(primary, remembered);
  if (remembered.x === undefined || remembered.y === undefined) return { ...size, maximized: remembered.maximized };
  const bounds = { x: remembered.x, y: remembered.y, ...size };
  const screen = workAreas.find((area) => titleBarVisibleOn(bounds, area));
  if (!screen) return { ...size, maximized: remembered.maximized }; // centred by Electron
  return { ...fitTo(screen, remembered), x: bounds.x, y: bounds.y, maximized: remembered.maximized };
}

/**
 * What to remember when the window moves, resizes or closes. While maximized the window's own
 * bounds are the screen's, so the normal (restored) bounds are kept instead.
 */
export function captureWindowState(window: { normalBounds: Rectangle; maximized: boolean }): WindowState {
  const { x, y, width, height } = window.normalBounds;
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    maximized: window.maximized,
  };
}

function titleBarVisibleOn(bounds: Rectangle, area: Rectangle): boolean {
  const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const titleBarOnScreen = bounds.y >= area.y && bounds.y <= area.y + area.height - VISIBLE_EDGE;
  return overlapX >= VISIBLE_EDGE && titleBarOnScreen;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** undefined when there is no file or it is not a window state (then the defaults apply) */
export function readWindowState(path: string): WindowState | undefined {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  // aside and renamed: quitting mid-write never leaves half a file
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path);
}
