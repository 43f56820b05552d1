import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, DEFAULT_DATA_DIR, loadConfig } from './config.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

describe('loadConfig', () => {
  it('should fill in defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: 8787, SESSION_TTL_DAYS: 90 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SIGN_IN_LIMIT_PER_EMAIL).toBe(5);
  });

  it('should open sign-up by default in development only, and take what is set', () => {
    expect(loadConfig({}).SIGN_UP).toBe('open');
    expect(loadConfig({ NODE_ENV: 'test' }).SIGN_UP).toBe('closed');
    expect(loadConfig({ NODE_ENV: 'development', SIGN_UP: 'invite' }).SIGN_UP).toBe('invite');
    expect(problemsOf({ SIGN_UP: 'everyone' })).toEqual(['SIGN_UP: must be open, invite or closed (got "everyone")']);
  });

  it('should report every bad value on its own line, naming the variable', () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/promoteros',
      SMTP_URL: 'http://mail.example.test',
      PUBLIC_URL: 'relay.example.test',
      AUTH_SECRET: 'too-short',
      SESSION_TTL_DAYS: '0',
      LOG_LEVEL: 'chatty',
      NODE_ENV: 'staging',
      SIGN_IN_LIMIT_PER_EMAIL: 'lots',
    };
    const problems = problemsOf(env);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(Object.keys(env).sort());
    expect(problems).toContain('PORT: must be a number (got "eighty")');
    expect(problems).toContain(
      'DATABASE_URL: must be a postgres:// or postgresql:// URL (got "mysql://db/promoteros")',
    );
    expect(problems).toContain('AUTH_SECRET: must be at least 32 characters (got "too-short")');

    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('invalid relay configuration:');
    expect(lines).toHaveLength(1 + Object.keys(env).length);
    for (const key of Object.keys(env)) expect(lines.filter((line) => line.startsWith(`  - ${key}:`))).toHaveLength(1);
  });

  it('should refuse a port out of range', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: must be between 0 and 65535 (got "70000")']);
  });

  it('should keep the embedded database in .data/relay at the repository root, from any working directory', () => {
    expect(DEFAULT_DATA_DIR).toBe(join(repoRoot, '.data', 'relay'));
    // `npm start` runs at the root, `npm run relay -w relay` in relay/: one database for both
    const configUrl = new URL('./config.ts', import.meta.url).href;
    const script = `const { loadConfig } = await import(${JSON.stringify(configUrl)}); console.log(loadConfig({}).DATA_DIR);`;
    for (const cwd of [repoRoot, join(repoRoot, 'relay'), join(repoRoot, 'desktop')]) {
      const printed = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd,
        encoding: 'utf8',
      });
      expect(printed.trim()).toBe(DEFAULT_DATA_DIR);
    }
    // a DATA_DIR that is given is taken as given
    expect(loadConfig({ DATA_DIR: 'elsewhere/relay' }).DATA_DIR).toBe('elsewhere/relay');
  });

  it('should treat an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(8787);
  });

  it('should require AUTH_SECRET and METRICS_TOKEN in production', () => {
    const database = { DATABASE_URL: 'postgres://relay@db.example.com/promoteros' };
    expect(problemsOf({ NODE_ENV: 'production', ...database })).toEqual([
      'AUTH_SECRET: required when NODE_ENV=production',
      'METRICS_TOKEN: required when NODE_ENV=production (GET /metrics is not public there)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), ...database })).toEqual([
      'METRICS_TOKEN: required when NODE_ENV=production (GET /metrics is not public there)',
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(32),
      METRICS_TOKEN: 'm'.repeat(16),
      ...database,
    });
    expect(config.NODE_ENV).toBe('production');
    // the token is optional elsewhere: /metrics stays open in development unless one is set
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
  });

  it('should refuse production on the embedded database, which does not fsync', () => {
    const secrets = { AUTH_SECRET: 'x'.repeat(32), METRICS_TOKEN: 'm'.repeat(16) };
    expect(problemsOf({ NODE_ENV: 'production', ...secrets })).toEqual([
      'DATABASE_URL: required when NODE_ENV=production (the embedded database does not fsync: ' +
        'a mutation it acknowledged could be lost to a power cut; it is for development and demos)',
    ]);
    // development and tests keep the embedded default
    expect(loadConfig({ NODE_ENV: 'development' }).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test' }).DATABASE_URL).toBeUndefined();
  });

  it('should read CORS_ORIGINS as a list of origins, none by default', () => {
    expect(loadConfig({}).CORS_ORIGINS).toBeUndefined();
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173/' }).CORS_ORIGINS).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example.com,*' })).toEqual([
      'CORS_ORIGINS: must be origins like https://app.example.com, comma-separated (got "https://ok.example.com,*")',
    ]);
  });
});
