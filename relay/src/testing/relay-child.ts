// A relay in a process of its own (relay/src/main.ts, as operators run it), for tests that must
// see whether it survives: a crash ends the process and shows in exitCode and output.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RelayChild {
  readonly url: string;
  readonly child: ChildProcess;
  /** null while it runs */
  exitCode(): number | null;
  /** what it wrote to stdout and stderr so far */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not gone within 10 s */
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function startRelayChild(env: Record<string, string>): Promise<RelayChild> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/src/main.ts'], {
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DEMO_DATA: 'never', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const relay: RelayChild = {
    url,
    child,
    exitCode: () => exitCode,
    output: () => output,
    async stop() {
      if (exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  for (let i = 0; i < 600 && exitCode === null; i += 1) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return relay;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await relay.stop();
  throw new Error(`the relay did not start within 60 s:\n${output}`);
}
