// `npm start`'s relay log through real pino streams: the terminal gets warnings and errors (all
// of it at LOG_LEVEL=debug), the file beside DATA_DIR gets everything at LOG_LEVEL, afresh.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { developmentLog, terminalLevel } from './development-log.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'promoteros-dev-log-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function terminal() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, messages: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg) };
}

const messagesIn = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

describe('the development log', () => {
  it('should show warnings and errors on the terminal and keep everything at LOG_LEVEL in the file', () => {
    const screen = terminal();
    const log = developmentLog({ LOG_LEVEL: 'info', DATA_DIR: join(root, 'relay') }, screen.stream)!;
    expect(log.file).toBe(join(root, 'relay.log'));
    const logger = pino({ level: 'info' }, log.stream as never);
    logger.debug('a debug line');
    logger.info('incoming request');
    logger.warn('the relay cannot reach its database');
    logger.error('shutdown failed');

    expect(screen.messages()).toEqual(['the relay cannot reach its database', 'shutdown failed']);
    expect(messagesIn(log.file)).toEqual([
      'incoming request',
      'the relay cannot reach its database',
      'shutdown failed',
    ]);
  });

  it('should show everything on the terminal at LOG_LEVEL=debug', () => {
    const screen = terminal();
    const log = developmentLog({ LOG_LEVEL: 'debug', DATA_DIR: join(root, 'relay') }, screen.stream)!;
    const logger = pino({ level: 'debug' }, log.stream as never);
    logger.debug('a debug line');
    logger.info('incoming request');
    expect(screen.messages()).toEqual(['a debug line', 'incoming request']);
    expect(messagesIn(log.file)).toEqual(['a debug line', 'incoming request']);
  });

  it('should begin the file afresh at each start, and keep nothing when the log is silent', () => {
    writeFileSync(join(root, 'relay.log'), '{"msg":"yesterday"}\n');
    const log = developmentLog({ LOG_LEVEL: 'info', DATA_DIR: join(root, 'relay') }, terminal().stream)!;
    pino({ level: 'info' }, log.stream as never).info('today');
    expect(messagesIn(log.file)).toEqual(['today']);
    expect(developmentLog({ LOG_LEVEL: 'silent', DATA_DIR: join(root, 'relay') })).toBeUndefined();
  });

  it('should never make the terminal chattier than LOG_LEVEL', () => {
    expect(terminalLevel('info')).toBe('warn');
    expect(terminalLevel('error')).toBe('error');
    expect(terminalLevel('trace')).toBe('trace');
  });
});
