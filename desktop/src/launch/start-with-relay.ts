// `npm start` from a fresh clone: PromoterOS on one machine.
//   1. the relay on its embedded database, the demo loaded on its first start, and a sign-in code
//      for the demo owner in its log (relay/src/demo/start.ts);
//   2. once it listens, the desktop app, built first (a few seconds): in Electron where its
//      binary is installed, otherwise the same screens in a browser through the dev host, whose
//      URL is printed (desktop-shell.ts says which, and why).
// The relay's settings come from the environment as for the relay alone (PORT, DATA_DIR,
// SMTP_URL, ...). Ctrl-C stops both. Closing the Electron app ends `npm start`; the relay going
// down does not close the app: it works offline, as at a venue without internet.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chooseDesktopShell, type DesktopShell } from './desktop-shell.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const desktopDir = fileURLToPath(new URL('../../', import.meta.url));
const say = (line: string) => console.log(`[npm start] ${line}`);
const children = new Set<ChildProcess>();

function start(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; pipe?: boolean }) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.pipe ? 'pipe' : 'inherit', 'inherit'],
    // a process group of its own: Ctrl-C reaches this script alone, which stops each child once
    // (the relay takes a second signal as "exit now, skip the graceful stop")
    detached: process.platform !== 'win32',
    // npx is npx.cmd on Windows
    shell: process.platform === 'win32' && command === 'npx',
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a build step to its end; throws with its name when it fails. */
async function build(what: string, args: string[]): Promise<void> {
  say(`building ${what} ...`);
  const code = await finished(start('npx', args, { cwd: desktopDir }));
  if (code !== 0) throw new Error(`building ${what} failed (exit ${code}); its output is above`);
}

/** The relay, its output passed through; resolves with its URL once it listens. */
function startRelay(): Promise<{ relay: ChildProcess; url: string }> {
  const relay = start(process.execPath, ['--import', 'tsx', 'relay/src/demo/start.ts'], { cwd: root, pipe: true });
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    createInterface({ input: relay.stdout! }).on('line', (line) => {
      console.log(line);
      const listening = /^PromoterOS relay: (\S+)/.exec(line);
      if (listening && !url) resolve({ relay, url: (url = listening[1]!) });
    });
    relay.once('exit', (code) => {
      if (!url) reject(new Error(`the relay stopped before it listened (exit ${code}); its output is above`));
      else say(`the relay stopped (exit ${code}); the desktop app goes on offline`);
    });
  });
}

async function openDesktop(shell: DesktopShell, relayUrl: string): Promise<ChildProcess | undefined> {
  const env = { PROMOTEROS_RELAY_URL: relayUrl };
  if (shell.kind === 'none') {
    say('PROMOTEROS_DESKTOP=none: the relay alone');
    return undefined;
  }
  if (shell.kind === 'electron') {
    await build('the desktop app (electron-vite)', ['electron-vite', 'build', '--logLevel', 'error']);
    say('opening the desktop app in Electron; sign in with the code from the relay log above');
    return start(shell.binary, [desktopDir], { cwd: desktopDir, env });
  }
  say(`the desktop app opens in a browser: ${shell.why}`);
  await build('the desktop screens (vite)', ['vite', 'build', '--logLevel', 'error', '-c', 'vite.renderer.config.ts']);
  say('open the DEV HOST URL below in a browser; sign in with the code from the relay log above');
  return start(process.execPath, ['--import', 'tsx', 'src/dev-host/main.ts'], { cwd: desktopDir, env });
}

let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    const exits = [...children].map((child) => finished(child).catch(() => 0));
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(exits);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
// however this script ends, its children end with it
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

try {
  const shell = chooseDesktopShell();
  const { url } = await startRelay();
  const desktop = await openDesktop(shell, url);
  if (desktop) {
    const code = await finished(desktop);
    say(`the desktop app closed (exit ${code}); stopping the relay`);
    await stopAll(code);
  }
} catch (error) {
  console.error(`[npm start] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
