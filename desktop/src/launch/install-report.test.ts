// The lines `npm ci` ends with, from this checkout's real packages: keytar as built here, and as on
// a machine where its build failed (its import made to fail as a missing package's does, in a
// process of its own); Electron as installed here (its binary is never downloaded on this machine).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronState, keytarState, reportLines } from './install-report.js';

const require = createRequire(import.meta.url);
const withoutKeytar = fileURLToPath(new URL('../core/credentials/testing/without-keytar.mjs', import.meta.url));
const report = fileURLToPath(new URL('./install-report.ts', import.meta.url));

describe('the install report', () => {
  it('should find keytar as npm ci left it in this checkout', async () => {
    const built = existsSync(join(dirname(require.resolve('keytar/package.json')), 'build/Release/keytar.node'));
    expect(await keytarState()).toEqual(
      built ? { state: 'installed', detail: expect.stringMatching(/^keytar \d+\.\d+\.\d+$/) } : expect.anything(),
    );
    expect(built, 'keytar is built from source here (libsecret-1-dev is installed)').toBe(true);
  });

  it('should say keytar was skipped, and what the app does instead, where it could not be built', () => {
    const printed = execFileSync(process.execPath, ['--import', withoutKeytar, '--import', 'tsx', report], {
      encoding: 'utf8',
    });
    const lines = printed.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      'PromoterOS: the OS keychain module (keytar) skipped: it could not be built here (no prebuilt binary; building needs a C++ toolchain and, on Linux, libsecret-1-dev). ' +
        'Sessions are kept encrypted with Electron safeStorage in the desktop app, and in a plain-text development file in the dev host.',
    );
  });

  it('should say why Electron is not there and that npm start opens the browser instead', () => {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const downloaded = existsSync(join(packageDir, 'path.txt'));
    const state = electronState({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    if (downloaded) {
      expect(state).toEqual({ state: 'installed', detail: expect.stringMatching(/^Electron \d+/) });
    } else {
      expect(state).toEqual({
        state: 'skipped',
        why: 'its binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set)',
      });
      expect(reportLines(state, { state: 'installed', detail: 'keytar 7.9.0' })).toEqual([
        'PromoterOS: Electron skipped: its binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set). npm start opens the desktop screens in a browser instead (the dev host).',
        'PromoterOS: keytar 7.9.0 installed (sign-in sessions go to the OS keychain where one answers).',
      ]);
    }
  });
});
