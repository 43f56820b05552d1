// Starts the keytar store driver in a child process with a keychain of its own: a private
// D-Bus session (dbus-run-session) with a gnome-keyring unlocked by a throwaway password, under a
// temporary HOME, so tests never touch the developer's keychain. `withKeyring: false` starts the
// driver with no session bus at all: what keytar meets on a headless Linux machine.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const driverPath = fileURLToPath(new URL('./keytar-store-driver.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export type DriverReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; store?: string; message: string } };

export interface KeyringSession {
  readonly home: string;
  request(op: 'get' | 'set' | 'delete', relayUrl: string, token?: string): Promise<DriverReply>;
  stop(): Promise<void>;
}

/** Why a real-keychain test cannot run on this machine, or undefined when it can. */
export function keyringUnsupportedReason(): string | undefined {
  if (process.platform !== 'linux') {
    return `the isolated keychain needs Linux (D-Bus + gnome-keyring); this is ${process.platform}`;
  }
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      return `${tool} is not installed (apt-get install dbus gnome-keyring)`;
    }
  }
  return undefined;
}

export class KeyringDidNotStart extends Error {
  override readonly name = 'KeyringDidNotStart';
}

export async function startKeyringSession(options: { withKeyring: boolean }): Promise<KeyringSession> {
  const home = mkdtempSync(join(tmpdir(), 'promoteros-keyring-'));
  const node = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(driverPath)}`;
  // scrub every way libsecret could reach a bus or keyring that is not ours
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_RUNTIME_DIR: home };
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'GNOME_KEYRING_CONTROL']) {
    delete env[name];
  }
  delete env.XDG_DATA_HOME;
  delete env.XDG_CONFIG_HOME;
  delete env.XDG_CACHE_HOME;

  const child: ChildProcessWithoutNullStreams = options.withKeyring
    ? spawn(
        'dbus-run-session',
        [
          '--',
          'bash',
          '-c',
          'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null ' +
            '|| { echo "gnome-keyring-daemon --unlock failed with exit $?" >&2; exit 97; }; ' +
            `exec ${node}`,
        ],
        { cwd: repoRoot, env },
      )
    : spawn('bash', ['-c', `exec ${node}`], { cwd: repoRoot, env });

  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const pending = new Map<number, (reply: DriverReply) => void>();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as DriverReply | { ready: true };
    if ('ready' in message) return ready();
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });

  const started = await Promise.race([isReady.then(() => true), exited.then(() => false)]);
  if (!started) {
    rmSync(home, { recursive: true, force: true });
    // dbus-daemon warns that it may not raise its file limit in containers: noise, not a reason
    const reason = stderr
      .split('\n')
      .filter((line) => line.trim() && !line.includes('Failed to set fd limit'))
      .join('; ');
    throw new KeyringDidNotStart(`the keychain session did not start: ${reason || 'no output'}`);
  }

  let nextId = 1;
  return {
    home,
    request(op, relayUrl, token) {
      const id = nextId++;
      return new Promise<DriverReply>((resolve, reject) => {
        pending.set(id, resolve);
        exited.then((code) => reject(new Error(`the driver exited (${code}) before answering: ${stderr}`)));
        child.stdin.write(JSON.stringify({ id, op, relayUrl, token }) + '\n');
      });
    },
    async stop() {
      child.stdin.end();
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
