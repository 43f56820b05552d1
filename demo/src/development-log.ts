// Where the log of `npm start`'s relay goes. The terminal is for the person who typed the command:
// it shows warnings and errors only, and everything when they ask for it (LOG_LEVEL=debug or
// trace). The full log at LOG_LEVEL, every request and every email the relay would have sent,
// goes to a file beside the embedded database, begun afresh at each start so that it cannot grow
// without end.
import { resolve } from 'node:path';
import { pino } from 'pino';
import type { RelayConfig } from '@promoteros/relay';

export interface DevelopmentLog {
  /** the relay's log stream (RelayDeps.logStream) */
  readonly stream: NodeJS.WritableStream;
  /** the file with the full log */
  readonly file: string;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
type Level = (typeof LEVELS)[number];

/** the less chatty of the two levels */
const severer = (a: Level, b: Level): Level => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);

/** What the terminal shows at a LOG_LEVEL: warnings and errors, unless debugging is asked for. */
export function terminalLevel(logLevel: Level): Level {
  return logLevel === 'debug' || logLevel === 'trace' ? logLevel : severer('warn', logLevel);
}

export function developmentLog(
  config: Pick<RelayConfig, 'LOG_LEVEL' | 'DATA_DIR'>,
  terminal: NodeJS.WritableStream = process.stdout,
): DevelopmentLog | undefined {
  if (config.LOG_LEVEL === 'silent') return undefined;
  const file = `${resolve(config.DATA_DIR)}.log`;
  // written as it comes (sync): a Ctrl-C must not lose the lines that say why something failed
  const toFile = pino.destination({ dest: file, append: false, mkdir: true, sync: true });
  const stream = pino.multistream([
    { level: terminalLevel(config.LOG_LEVEL), stream: terminal },
    { level: config.LOG_LEVEL, stream: toFile },
  ]);
  return { stream: stream as unknown as NodeJS.WritableStream, file };
}
