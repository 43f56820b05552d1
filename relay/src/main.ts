// The relay process: configuration from the environment, then serve until SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js';
import { createRelay } from './app.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const relay = await createRelay(config);
  const address = await relay.listen();
  relay.app.log.info(`PromoterOS relay listening on ${address}`);

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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
