// Runs a relay as a process: configuration from the environment, serve until SIGTERM/SIGINT
// (first signal: graceful stop; second: exit at once). Used by main.ts and the demo start.
import { ConfigError, loadConfig, type RelayConfig } from './config.js';
import { createRelay, type Relay, type RelayDeps } from './app.js';

export async function serve(
  env: Record<string, string | undefined> = process.env,
  /** what the relay is built with, once its configuration is known (where its log goes, say) */
  deps: (config: RelayConfig) => RelayDeps = () => ({}),
): Promise<Relay & { url: string }> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const relay = await createRelay(config, deps(config));
  const url = await relay.listen();
  relay.app.log.info(`PromoterOS relay listening on ${url}`);

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      relay.app.log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    relay.app.log.info(`${signal}: shutting down`);
    relay.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        relay.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  return Object.assign(relay, { url });
}
