// Where `npm start` opens the desktop app: in Electron when its binary is installed and there is
// a screen to show it on, otherwise the same screens in a browser through the dev host (the
// Electron binary cannot be downloaded on the team's machines or in CI). PROMOTEROS_DESKTOP
// chooses outright: electron, browser, or none (the relay alone).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type DesktopShell =
  | { readonly kind: 'electron'; readonly binary: string }
  | { readonly kind: 'browser'; readonly why: string }
  | { readonly kind: 'none' };

const CHOICES = ['electron', 'browser', 'none'] as const;

/** The Electron binary the `electron` package installed, or why there is none. */
export function electronBinary(): { binary: string } | { why: string } {
  try {
    // the package's main is the binary's path; it throws when the download was skipped
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary !== 'string') return { why: 'the electron package did not name a binary' };
    if (!existsSync(binary)) return { why: `the Electron binary is not installed (${binary} is missing)` };
    return { binary };
  } catch {
    // the package's own words ("failed to install correctly, please delete node_modules/electron")
    // would send a person off to reinstall what was skipped on purpose
    return {
      why: 'the Electron binary is not installed (npm ci skipped it or could not download it)',
    };
  }
}

export function chooseDesktopShell(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  electron: () => { binary: string } | { why: string } = electronBinary,
): DesktopShell {
  const wanted = env.PROMOTEROS_DESKTOP?.trim().toLowerCase() || 'auto';
  if (wanted !== 'auto' && !(CHOICES as readonly string[]).includes(wanted)) {
    throw new Error(`PROMOTEROS_DESKTOP must be one of auto, ${CHOICES.join(', ')}; it is "${env.PROMOTEROS_DESKTOP}"`);
  }
  if (wanted === 'none') return { kind: 'none' };
  if (wanted === 'browser') return { kind: 'browser', why: 'PROMOTEROS_DESKTOP=browser' };
  const found = electron();
  if ('why' in found) {
    if (wanted === 'electron') throw new Error(`PROMOTEROS_DESKTOP=electron, but ${found.why}`);
    return { kind: 'browser', why: found.why };
  }
  // a Linux machine without a display (a server, an SSH session) cannot show a window
  if (wanted === 'auto' && platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { kind: 'browser', why: 'there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  return { kind: 'electron', binary: found.binary };
}
