// What other packages (end-to-end tests, the benchmark) use of the relay.
export { createRelay, type Relay, type RelayDeps } from './app.js';
export { loadConfig, ConfigError, type RelayConfig } from './config.js';
export { openDatabase, type Database, type Sql } from './db/database.js';
export { migrate } from './db/migrate.js';
export { rotateShape } from './shapes/rotate.js';
