// `npm start` from a fresh clone: PromoterOS on one machine.
//   1. the relay on its embedded database, the demo loaded on its first start, its request log in
//      a file, and a sign-in code for the demo owner (demo/src/start.ts);
//   2. once it listens, the desktop app, built first (a few seconds): in Electron where its
//      binary is installed, otherwise the same screens in a browser through the dev host
//      (desktop-shell.ts says which, and why);
//   3. a short block with what the person needs: addresses, who to sign in as, the code.
// The relay's settings come from the environment as for the relay alone (PORT, DATA_DIR,
// SMTP_URL, ...). Ctrl-C stops both. Closing the Electron app ends `npm start`; the relay going
// down does not close the app: it works offline, as at a venue without internet.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { formatStartUpBlock, type DesktopOpened } from '@promoteros/demo/start-up-block';
import type { RelayStarted, StartUpFacts } from '@promoteros/demo/start-up-facts';
import { chooseDesktopShell, type DesktopShell } from './desktop-shell.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const desktopDir = fileURLToPath(new URL('../../', import.meta.url));
const say = (line: string) => console.log(`[npm start] ${line}`);
const children = new Set<ChildProcess>();

function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; pipe?: boolean; ipc?: boolean },
) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.pipe ? 'pipe' : 'inherit', 'inherit', ...(options.ipc ? ['ipc' as const] : [])],
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

/** The relay, its output passed through; resolves with its start-up facts once it listens. */
function startRelay(): Promise<{ relay: ChildProcess; facts: StartUpFacts }> {
  const relay = start(process.execPath, ['--import', 'tsx', 'demo/src/start.ts'], {
    cwd: root,
    pipe: true,
    ipc: true,
  });
  createInterface({ input: relay.stdout! }).on('line', (line) => console.log(line));
  return new Promise((resolve, reject) => {
    let facts: StartUpFacts | undefined;
    relay.on('message', (message: RelayStarted) => {
      if (message?.type === 'relay-started' && !facts) resolve({ relay, facts: (facts = message.facts) });
    });
    relay.once('exit', (code) => {
      if (!facts) reject(new Error(`the relay stopped before it listened (exit ${code}); its output is above`));
      else say(`the relay stopped (exit ${code}); the desktop app goes on offline`);
    });
  });
}

/** The dev host, its output passed through; resolves with the page to open once it serves. */
function startDevHost(env: NodeJS.ProcessEnv): Promise<{ host: ChildProcess; url: string }> {
  const host = start(process.execPath, ['--import', 'tsx', 'src/dev-host/main.ts'], {
    cwd: desktopDir,
    env,
    pipe: true,
  });
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    createInterface({ input: host.stdout! }).on('line', (line) => {
      const serving = /^DEV HOST URL: (\S+)/.exec(line);
      // the address goes in the start-up block, not twice on the screen
      if (serving && !url) resolve({ host, url: (url = serving[1]!) });
      else console.log(line);
    });
    host.once('exit', (code) => {
      if (!url) reject(new Error(`the dev host stopped before it served (exit ${code}); its output is above`));
    });
  });
}

async function openDesktop(
  shell: DesktopShell,
  facts: StartUpFacts,
): Promise<{ desktop?: ChildProcess; opened: DesktopOpened }> {
  // the sign-in form starts with the demo owner's address (until this device has signed in once)
  const env = { PROMOTEROS_RELAY_URL: facts.relayUrl, PROMOTEROS_SIGN_IN_EMAIL: facts.owner.email };
  if (shell.kind === 'none') return { opened: { kind: 'not-started', why: 'PROMOTEROS_DESKTOP=none' } };
  if (shell.kind === 'electron') {
    await build('the desktop app (electron-vite)', ['electron-vite', 'build', '--logLevel', 'error']);
    return { desktop: start(shell.binary, [desktopDir], { cwd: desktopDir, env }), opened: { kind: 'electron' } };
  }
  await build('the desktop screens (vite)', ['vite', 'build', '--logLevel', 'error', '-c', 'vite.renderer.config.ts']);
  const { host, url } = await startDevHost(env);
  return { desktop: host, opened: { kind: 'browser', url, why: shell.why } };
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
  const { facts } = await startRelay();
  const { desktop, opened } = await openDesktop(shell, facts);
  console.log(formatStartUpBlock(facts, opened));
  if (desktop) {
    const code = await finished(desktop);
    say(`the desktop app closed (exit ${code}); stopping the relay`);
    await stopAll(code);
  }
} catch (error) {
  console.error(`[npm start] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
