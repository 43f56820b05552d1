// What other packages (the demo, end-to-end tests, the benchmark) use of the relay.
export { createRelay, type Relay, type RelayDeps } from './app.js';
export { serve } from './serve.js';
export { loadConfig, ConfigError, type RelayConfig } from './config.js';
export { openConfiguredDatabase, openDatabase, type Database, type Sql } from './db/database.js';
export { setOrganizations } from './db/as-organizations.js';
export { migrate } from './db/migrate.js';
export { rotateShape } from './shapes/rotate.js';
export { hashSessionToken, newSessionToken } from './auth/session-token.js';
export { SIGN_IN_VALID_MINUTES } from './auth/sign-in-tokens.js';
export type { SignInCodeOutlet, UnmailedSignInCode } from './auth/routes.js';
export { findIntakeVenue } from './intake/intake-venue.js';
export { DOCUMENT_RENDER } from './documents/render-job.js';
