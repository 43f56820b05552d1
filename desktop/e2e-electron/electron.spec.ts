// Smoke test of the Electron shell itself: the built app starts, its one window opens on the
// sign-in screen, and the page sees exactly the bridge (window.promoteros with invoke and on)
// and no Node. Everything behind the bridge is tested without Electron (desktop/src/core and the
// browser specs in e2e-web); this checks the part only Electron can run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from './electron-binary.js';

const desktop = fileURLToPath(new URL('..', import.meta.url));

test('the app opens one window on the sign-in screen, with only the bridge exposed', async () => {
  const binary = electronBinary();
  if ('missing' in binary) {
    console.log(`skipped: Electron binary not installed: ${binary.missing}`);
    test.skip(true, `Electron binary not installed: ${binary.missing}`);
    return;
  }

  // what ships: the electron-vite build of main, preload and window
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: desktop, stdio: 'inherit' });
  expect(existsSync(join(desktop, 'out/main/index.js'))).toBe(true);
  // the desktop core's worker thread, which index.js starts by this name
  expect(existsSync(join(desktop, 'out/main/core-worker.js'))).toBe(true);

  const userData = mkdtempSync(join(tmpdir(), 'promoteros-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [desktop, ...(process.platform === 'linux' ? ['--no-sandbox', '--disable-gpu'] : [])],
    env: {
      ...process.env,
      PROMOTEROS_USER_DATA: userData,
      // nothing listens here: the app must still open, signed out
      PROMOTEROS_RELAY_URL: 'http://127.0.0.1:9',
    },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Sign in to PromoterOS' })).toBeVisible();

    const exposed = await window.evaluate(() => {
      const global = globalThis as unknown as Record<string, unknown>;
      const bridge = global.promoteros as Record<string, unknown> | undefined;
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        require: typeof global.require,
        process: typeof global.process,
        location: location.protocol,
      };
    });
    expect(exposed).toEqual({
      bridgeKeys: ['invoke', 'on'],
      require: 'undefined',
      process: 'undefined',
      location: 'file:',
    });

    const session = await window.evaluate(() =>
      (
        globalThis as unknown as { promoteros: { invoke(name: string, args: object): Promise<unknown> } }
      ).promoteros.invoke('session.get', {}),
    );
    expect(session).toMatchObject({ ok: true, value: { state: 'signed-out', relayUrl: 'http://127.0.0.1:9' } });

    // the window refuses to navigate away from the app
    await window.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await expect(window.getByRole('heading', { name: 'Sign in to PromoterOS' })).toBeVisible();
    expect(window.url()).toMatch(/^file:.*\/out\/window\/index\.html$/);

    // the window's place is remembered on close
    await app.close();
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toMatchObject({
      width: expect.any(Number),
      height: expect.any(Number),
    });
  } finally {
    await app.close().catch(() => {});
    rmSync(userData, { recursive: true, force: true });
  }
});
